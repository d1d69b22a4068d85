package org.kindred.sdk;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.kindred.sdk.invoker.ApiClient;

/**
 * The generated client's settings as Kindred uses them: one shared HttpClient (the generated one builds a new
 * HttpClient, with its own threads, for every API class), the SDK's User-Agent, the access token when signed
 * in, and an {@code Idempotency-Key} on every create that the caller did not key themselves.
 */
final class KindredApiClient extends ApiClient {
    private final HttpClient http;

    KindredApiClient(HttpClient http, KindredClient.Builder settings, String userAgent, Tokens tokens) {
        super(HttpClient.newBuilder(), new TextTolerantMapper(), settings.baseUrl());
        this.http = http;
        setReadTimeout(settings.readTimeout());
        setRequestInterceptor(request -> {
            request.setHeader("User-Agent", userAgent);
            HttpRequest sketch = request.copy().build();
            if (IdempotentCreates.covers(sketch.method(), sketch.uri())
                && sketch.headers().firstValue(IdempotentCreates.HEADER).isEmpty()) {
                request.setHeader(IdempotentCreates.HEADER, UUID.randomUUID().toString());
            }
            if (tokens != null) {
                tokens.currentAccessToken().ifPresent(token -> request.setHeader("Authorization", "Bearer " + token));
            }
        });
    }

    @Override
    public HttpClient getHttpClient() {
        return http;
    }
}
