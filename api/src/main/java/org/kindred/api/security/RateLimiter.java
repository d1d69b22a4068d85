package org.kindred.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.kindred.api.config.RateLimits;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;

/**
 * Token buckets per limit and key (an account, a client address), refilled gradually: after a burst an
 * attacker regains one attempt every period/count, so a real user locked out by someone else waits
 * minutes, not hours. Buckets are bucket4j's; idle ones are dropped after their period (Caffeine).
 */
public final class RateLimiter {
    private final RateLimits settings;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
        .maximumSize(200_000)
        .expireAfterAccess(1, TimeUnit.HOURS)
        .build();

    public RateLimiter(RateLimits settings) {
        this.settings = settings;
    }

    /** Uses one attempt, refusing with 429 when none is left. */
    public void consume(String limit, String key) {
        if (!settings.enabled()) {
            return;
        }
        var probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw tooMany(probe.getNanosToWaitForRefill());
        }
    }

    /** Gives back one attempt taken by {@link #consume} that turned out not to count, such as a successful login. */
    public void refund(String limit, String key) {
        if (settings.enabled()) {
            bucket(limit, key).addTokens(1);
        }
    }

    private Bucket bucket(String limit, String key) {
        RateLimits.Limit rule = settings.limits().get(limit);
        if (rule == null) {
            throw new IllegalArgumentException("no rate limit named " + limit);
        }
        return buckets.get(limit + '\u0000' + key, ignored -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(rule.count()).refillGreedy(rule.count(), rule.period()).build())
            .build());
    }

    private static ApiException tooMany(long nanosToWait) {
        long seconds = Math.max(1, Duration.ofNanos(nanosToWait).toSeconds() + 1);
        return new ApiException(ErrorCode.rate_limited, "too many attempts; try again in " + seconds + " seconds")
            .withHeader("Retry-After", Long.toString(seconds));
    }
}
