package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
    void whileOthersWaitAPermitRestsAsLongAsItsWorkTookBeforeTheNextStarts() throws Exception {
        List<Long> rests = new CopyOnWriteArrayList<>();
        List<Runnable> releases = new CopyOnWriteArrayList<>();
        PasswordHasher hasher = new PasswordHasher(1, PasswordHasher.OWASP_MINIMUM, (nanos, release) -> {
            rests.add(nanos);
            releases.add(release);
        });
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        long before = System.nanoTime();
        long[] work = new long[2];
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hasher.bounded(() -> {
            work[0] = System.nanoTime();
            working.countDown();
            await(finish);
            work[1] = System.nanoTime();
            return "first";
        }));
        assertThat(working.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> hasher.bounded(() -> "second"));
        while (!hasher.hasWaiting()) {
            Thread.onSpinWait();
        }
        Thread.sleep(20);
        finish.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(rests).singleElement().satisfies(rest -> assertThat(rest)
            .isGreaterThanOrEqualTo(work[1] - work[0]).isLessThanOrEqualTo(System.nanoTime() - before));
        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        releases.get(0).run();
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("second");
    }

    @Test
    void withNobodyWaitingThePermitIsFreeAtOnce() {
        List<Long> rests = new CopyOnWriteArrayList<>();
        PasswordHasher hasher = new PasswordHasher(1, PasswordHasher.OWASP_MINIMUM, (nanos, release) -> rests.add(nanos));

        assertThat(hasher.matches(PASSWORD, hasher.hash(PASSWORD))).isTrue();
        assertThat(rests).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
