package org.kindred.sdk;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.api.testing.SpecValidator;

/**
 * What the SDK tests send through: every response is checked against the contract, and every operation
 * answered is remembered, so {@link SdkCoverageTest} can say which operations no SDK test exercised.
 */
final class ContractCheckingHttpClient extends ForwardingHttpClient {
    private static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();

    ContractCheckingHttpClient() {
        super(HttpClient.newHttpClient());
    }

    static Set<String> exercised() {
        return Set.copyOf(EXERCISED);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
        HttpResponse<byte[]> response = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String path = request.uri().getPath();
        SpecValidator.get().check(request.method(), path, response.statusCode(), response.headers().map(),
            new String(response.body(), StandardCharsets.UTF_8));
        SpecOperations.of(request.method(), path).ifPresent(EXERCISED::add);
        return replay(response, handler);
    }
}
