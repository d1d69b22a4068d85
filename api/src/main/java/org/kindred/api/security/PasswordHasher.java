package org.kindred.api.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;

/**
 * Argon2id password hashes in PHC string form. Parameters are OWASP's recommended minimum (19 MiB,
 * 2 passes, 1 lane). password4j is pure Java, so the server stays a single jar with no native library.
 * At most {@code concurrency} hashes run at once, so a flood of logins cannot take every core.
 */
public final class PasswordHasher {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

    private final Semaphore permits;

    public PasswordHasher(int concurrency) {
        this.permits = new Semaphore(concurrency, true);
    }

    public String hash(String password) {
        return bounded(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    public boolean matches(String password, String hash) {
        return bounded(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    /** Spends the time of one verification, for a login whose email does not exist. */
    public void spendDecoyVerification(String password) {
        matches(password, Decoy.HASH);
    }

    /** Hashed when first needed rather than at start-up, where it took about a tenth of the time to ready. */
    private static final class Decoy {
        static final String HASH = Password.hash("a password nobody has, hashed so unknown emails cost as much as known ones")
            .addRandomSalt(16).with(ARGON2ID).getResult();
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
