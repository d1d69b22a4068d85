package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final PasswordHasher HASHER = new PasswordHasher(1);
    private static final String PASSWORD = "a long and quiet river";

    @Test
    void hashIsArgon2idPhcStringWithOwaspMinimumParameters() {
        assertThat(HASHER.hash(PASSWORD)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void theRightPasswordMatches() {
        assertThat(HASHER.matches(PASSWORD, HASHER.hash(PASSWORD))).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = HASHER.hash(PASSWORD);
        assertThat(HASHER.matches("a long and quiet rivers", hash)).isFalse();
        assertThat(HASHER.matches("", hash)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferBecauseOfTheirSalt() {
        String first = HASHER.hash(PASSWORD);
        String second = HASHER.hash(PASSWORD);
        assertThat(first).isNotEqualTo(second);
        assertThat(HASHER.matches(PASSWORD, first)).isTrue();
        assertThat(HASHER.matches(PASSWORD, second)).isTrue();
    }

    @Test
    void aPermitRestsHalfAsLongAsItsHashTookBeforeTheNextHashStarts() throws Exception {
        List<Long> rests = new CopyOnWriteArrayList<>();
        List<Runnable> releases = new CopyOnWriteArrayList<>();
        PasswordHasher hasher = new PasswordHasher(1, (nanos, release) -> {
            rests.add(nanos);
            releases.add(release);
        });
        long started = System.nanoTime();
        String hash = hasher.hash(PASSWORD);
        long took = System.nanoTime() - started;
        assertThat(rests).singleElement().satisfies(rest -> assertThat(rest).isPositive().isLessThanOrEqualTo(took / 2));

        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(() -> hasher.matches(PASSWORD, hash));
        assertThatThrownBy(() -> next.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        releases.get(0).run();
        assertThat(next.get(30, TimeUnit.SECONDS)).isTrue();
    }
}
