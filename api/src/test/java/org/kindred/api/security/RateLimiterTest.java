package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kindred.api.config.RateLimits;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;

class RateLimiterTest {
    private final RateLimiter limiter = new RateLimiter(RateLimits.parse("login_account=2/1h"));

    @Test
    void consumeRefusesOnceTheKeysAttemptsAreUsedUp() {
        limiter.consume("login_account", "river@example.org");
        limiter.consume("login_account", "river@example.org");
        assertThatThrownBy(() -> limiter.consume("login_account", "river@example.org"))
            .isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.rate_limited);
                assertThat(e.headers().get("Retry-After")).matches("[1-9][0-9]*");
            });
    }

    @Test
    void keysAndLimitsHaveSeparateBuckets() {
        limiter.consume("login_account", "river@example.org");
        limiter.consume("login_account", "river@example.org");
        limiter.consume("login_account", "heron@example.org");
        limiter.consume("login_ip", "river@example.org");
    }

    @Test
    void aRefundedAttemptCanBeUsedAgain() {
        limiter.consume("login_account", "river@example.org");
        limiter.consume("login_account", "river@example.org");
        limiter.refund("login_account", "river@example.org");
        limiter.consume("login_account", "river@example.org");
        assertThatThrownBy(() -> limiter.consume("login_account", "river@example.org"))
            .isInstanceOf(ApiException.class);
    }

    @Test
    void refundsNeverRaiseABucketAboveItsCapacity() {
        for (int i = 0; i < 5; i++) {
            limiter.refund("login_account", "river@example.org");
        }
        limiter.consume("login_account", "river@example.org");
        limiter.consume("login_account", "river@example.org");
        assertThatThrownBy(() -> limiter.consume("login_account", "river@example.org"))
            .isInstanceOf(ApiException.class);
    }

    @Test
    void offNeverRefuses() {
        RateLimiter off = new RateLimiter(RateLimits.parse("off"));
        for (int i = 0; i < 100; i++) {
            off.consume("login_account", "river@example.org");
        }
    }
}
