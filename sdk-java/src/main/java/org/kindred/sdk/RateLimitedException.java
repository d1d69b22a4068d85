package org.kindred.sdk;

import java.time.Duration;
import java.util.Optional;

/** Too many requests (429). {@link #retryAfter()} says how long the server asks the caller to wait. */
public class RateLimitedException extends KindredException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    RateLimitedException(Details details, Duration retryAfter, Throwable cause) {
        super(details, cause);
        this.retryAfter = retryAfter;
    }

    /** From the response's {@code Retry-After}; empty when the server gave none. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
