package org.kindred.api.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Argon2id password hashes in PHC string form. Parameters are OWASP's recommended minimum (19 MiB,
 * 2 passes, 1 lane) unless told others; a hash names its own, so any stored hash can be checked. password4j is
 * pure Java, so the server stays a single jar with no native library.
 * At most {@code concurrency} hashes run at once; while others wait for a permit, each permit rests as long
 * as its hash took before the next one starts, so a flood of logins keeps a core busy half the time at most
 * and cannot take every core. The caller does not wait for the rest, and hashes that
 * nobody queues behind (a login now and then) never rest.
 */
public final class PasswordHasher {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;
    static final Argon2Function OWASP_MINIMUM = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    private static final double REST_PER_WORK = 1.0;
    private static final String DECOY_PASSWORD = "a password nobody has, hashed so unknown emails cost as much as known ones";

    private final Semaphore permits;
    private final Argon2Function argon2;
    private final BiConsumer<Long, Runnable> afterNanos;
    /** Hashed when first needed rather than at start-up, where it took about a tenth of the time to ready. */
    private volatile String decoyHash;

    public PasswordHasher(int concurrency) {
        this(concurrency, OWASP_MINIMUM);
    }

    /** New hashes with {@code argon2}'s parameters: tests that sign up hundreds of accounts use cheap ones. */
    public PasswordHasher(int concurrency, Argon2Function argon2) {
        this(concurrency, argon2,
            (nanos, task) -> CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS).execute(task));
    }

    /** {@code afterNanos} runs a task once the given number of nanoseconds have passed. */
    PasswordHasher(int concurrency, Argon2Function argon2, BiConsumer<Long, Runnable> afterNanos) {
        this.permits = new Semaphore(concurrency, true);
        this.argon2 = argon2;
        this.afterNanos = afterNanos;
    }

    public String hash(String password) {
        return bounded(() -> Password.hash(password).addRandomSalt(16).with(argon2).getResult());
    }

    public boolean matches(String password, String hash) {
        return bounded(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    /** Spends the time of one verification, for a login whose email does not exist. */
    public void spendDecoyVerification(String password) {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hash(DECOY_PASSWORD);
            decoyHash = decoy;
        }
        matches(password, decoy);
    }

    <T> T bounded(Supplier<T> work) {
        permits.acquireUninterruptibly();
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            if (permits.hasQueuedThreads()) {
                afterNanos.accept((long) ((System.nanoTime() - started) * REST_PER_WORK), permits::release);
            } else {
                permits.release();
            }
        }
    }

    boolean hasWaiting() {
        return permits.hasQueuedThreads();
    }
}
