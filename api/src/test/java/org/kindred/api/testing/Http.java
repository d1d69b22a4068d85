package org.kindred.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for integration tests. Every response is checked against the contract unless the
 * request was made with {@link #raw()} (for paths the contract cannot know, such as unknown routes).
 */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers;
    private final boolean validate;

    Http(String baseUrl) {
        this(baseUrl, Map.of(), true);
    }

    private Http(String baseUrl, Map<String, String> headers, boolean validate) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
        this.validate = validate;
    }

    /** The same client with one more header on every request. */
    public Http header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(baseUrl, more, validate);
    }

    public Http bearer(String accessToken) {
        return header("Authorization", "Bearer " + accessToken);
    }

    /** The same client without contract checks. */
    public Http raw() {
        return new Http(baseUrl, headers, false);
    }

    public HttpResult get(String path) {
        return send("GET", path, (byte[]) null, null);
    }

    public HttpResult delete(String path) {
        return send("DELETE", path, (byte[]) null, null);
    }

    public HttpResult post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public HttpResult put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public HttpResult patch(String path, String json) {
        return send("PATCH", path, json, "application/merge-patch+json");
    }

    /** Any method, body and content type (null for none). */
    public HttpResult send(String method, String path, String body, String contentType) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public HttpResult send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            HttpResult result = new HttpResult(response.statusCode(), response.headers().map(), response.body());
            if (validate) {
                String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
                SpecValidator.get().check(method, pathOnly, result.status(), result.headers(), result.body());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
