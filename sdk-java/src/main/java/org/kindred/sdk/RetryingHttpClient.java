package org.kindred.sdk;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * An HttpClient that sends a request again when that is safe and likely to help: after a connection failure
 * (including one in the middle of a response, which is why bodies are read in full here) and after 429, 502,
 * 503 and 504. A request is safe to repeat when its method is idempotent or it carries an
 * {@code Idempotency-Key}, so the server answers a repeat with the first outcome instead of acting twice.
 * The generated client calls {@link #send}; asynchronous sends pass through unchanged.
 */
final class RetryingHttpClient extends ForwardingHttpClient {
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final RetryPolicy policy;

    RetryingHttpClient(HttpClient delegate, RetryPolicy policy) {
        super(delegate);
        this.policy = policy;
    }

    static boolean canRepeat(HttpRequest request) {
        return IDEMPOTENT_METHODS.contains(request.method())
            || request.headers().firstValue(IdempotentCreates.HEADER).isPresent();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
        int retries = canRepeat(request) ? policy.maxRetries() : 0;
        for (int attempt = 0; ; attempt++) {
            boolean mayRetry = attempt < retries;
            HttpResponse<byte[]> response;
            try {
                response = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!mayRetry) {
                    throw e;
                }
                Thread.sleep(policy.backoff(attempt).toMillis());
                continue;
            }
            if (mayRetry && RETRYABLE_STATUSES.contains(response.statusCode())) {
                Optional<Duration> asked = RetryAfter.of(response.headers());
                if (asked.isEmpty() || asked.get().compareTo(policy.maxRetryAfter()) <= 0) {
                    Thread.sleep(asked.orElse(policy.backoff(attempt)).toMillis());
                    continue;
                }
            }
            return replay(response, handler);
        }
    }
}
