package org.kindred.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes that wait for the write lock join the open transaction and are committed with it. */
class GroupCommitTest {
    private static final long GUARD_SECONDS = 20;
    private static final Set<String> META = Set.of("kindred_meta");

    @TempDir
    Path directory;

    private Database db;
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        db = Database.open(directory.resolve("kindred.db"), Durability.normal, 4);
    }

    @AfterEach
    void close() {
        release.countDown();
        db.close();
    }

    @Test
    void writesWaitingTheirTurnAreCommittedInOneTransactionAndEachSeesItsRowOnReturn() throws Exception {
        long before = db.writesTo(META);
        Outcome<Optional<String>> first = inTurn(() -> {
            db.useWrite(handle -> {
                insert(handle, "first");
                holding.countDown();
                await(release);
            });
            return get("first");
        });
        await(holding);
        List<Outcome<Optional<String>>> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String key = "queued-" + i;
            queued.add(waitingForTheLock(() -> {
                db.useWrite(handle -> insert(handle, key));
                return get(key);
            }));
        }

        release.countDown();

        assertThat(first.result()).isPresent();
        for (Outcome<Optional<String>> write : queued) {
            assertThat(write.result()).as("read on its own thread right after the write returned").isPresent();
        }
        assertThat(db.writesTo(META) - before).isEqualTo(1);
    }

    @Test
    void aFailedWriteAmongThemUndoesOnlyItsOwnRows() throws Exception {
        aFailedWriteAmongOthersUndoesOnlyItsOwnRows(holding, release);
    }

    @Test
    void aSavepointThatCouldNotBeUndoneFailsItsTransactionAndTheNextFailedWriteStillFailsAlone() throws Exception {
        Outcome<Void> holder = holdTheLock();
        Outcome<Void> broken = waitingForTheLock(() -> db.useWrite(handle -> {
            handle.execute("RELEASE write");
            throw new IllegalStateException("refused");
        }));

        release.countDown();

        assertThat(holder.failure()).isInstanceOf(DatabaseException.class).hasMessageContaining("cannot undo a write");
        assertThat(broken.failure()).isInstanceOf(DatabaseException.class).hasMessageContaining("cannot undo a write");
        assertThat(get("holder")).isEmpty();
        aFailedWriteAmongOthersUndoesOnlyItsOwnRows(new CountDownLatch(1), new CountDownLatch(1));
    }

    private void aFailedWriteAmongOthersUndoesOnlyItsOwnRows(CountDownLatch holding, CountDownLatch release)
        throws Exception {
        holdTheLock(holding, release);
        Outcome<Void> kept = waitingForTheLock(() -> write("kept"));
        Outcome<Void> failed = waitingForTheLock(() -> db.useWrite(handle -> {
            insert(handle, "undone");
            throw new IllegalStateException("refused");
        }));
        Outcome<Void> after = waitingForTheLock(() -> write("after"));

        release.countDown();

        kept.result();
        after.result();
        assertThat(failed.failure()).hasMessage("refused");
        assertThat(get("holder")).isPresent();
        assertThat(get("kept")).isPresent();
        assertThat(get("after")).isPresent();
        assertThat(get("undone")).isEmpty();
    }

    @Test
    void aWriteRefusedOverARowOfItsTransactionFindsThatRowCommittedWhenItReturns() throws Exception {
        holdTheLock();
        Outcome<Void> winner = waitingForTheLock(() -> write("same-key"));
        Outcome<Optional<String>> loser = waitingForTheLock(() -> {
            try {
                write("same-key");
                return Optional.of("inserted twice");
            } catch (RuntimeException unique) {
                return get("same-key");
            }
        });
        // Keeps the transaction open until the refused write waits for its end or (wrongly) has read without it.
        Outcome<Void> later = waitingForTheLock(() -> db.useWrite(handle -> {
            insert(handle, "later");
            loser.awaitParkedOrDone();
        }));

        release.countDown();

        winner.result();
        later.result();
        assertThat(loser.result()).as("read on a read connection after the refusal").contains("value");
    }

    @Test
    void aCommitThatFailsFailsEveryWriteOfItsTransactionAndKeepsNoneOfTheirRows() throws Exception {
        db.useWrite(handle -> {
            handle.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
            handle.execute("CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
        });
        Outcome<Void> holder = holdTheLock();
        Outcome<Void> kept = waitingForTheLock(() -> write("kept"));
        Outcome<Void> orphan = waitingForTheLock(() -> db.useWrite(handle -> {
            insert(handle, "orphan");
            handle.execute("INSERT INTO child (parent_id) VALUES (42)");
        }));
        Outcome<Void> refused = waitingForTheLock(() -> db.useWrite(handle -> {
            throw new IllegalStateException("refused");
        }));
        Outcome<Void> last = waitingForTheLock(() -> write("last"));

        release.countDown();

        for (Outcome<Void> write : List.of(holder, kept, orphan, last)) {
            assertThat(write.failure()).isInstanceOf(DatabaseException.class).hasStackTraceContaining("FOREIGN KEY");
        }
        assertThat(refused.failure()).as("its refusal may rest on rows that are gone")
            .isInstanceOf(DatabaseException.class)
            .satisfies(failure -> assertThat(failure.getSuppressed()).extracting(Throwable::getMessage)
                .containsExactly("refused"));
        for (String key : List.of("holder", "kept", "orphan", "last")) {
            assertThat(get(key)).as(key).isEmpty();
        }
        write("next");
        assertThat(get("next")).isPresent();
    }

    @Test
    void aCheckpointInsideAWriteIsRefusedAndTheWriteUndone() {
        assertThatThrownBy(() -> db.useWrite(handle -> {
            insert(handle, "undone");
            db.checkpoint();
        })).isInstanceOf(IllegalStateException.class);

        assertThat(get("undone")).isEmpty();
        assertThat(db.checkpoint()).isTrue();
    }

    @Test
    void aFirstWriteThatFailsWithNobodyWaitingRollsBackAndTheNextWriteStartsAfresh() {
        Outcome<Void> failed = inTurn(() -> db.useWrite(handle -> {
            insert(handle, "undone");
            throw new IllegalStateException("refused");
        }));

        assertThat(failed.failure()).hasMessage("refused");
        write("next");
        assertThat(get("undone")).isEmpty();
        assertThat(get("next")).isPresent();
    }

    /** Starts a write that holds the write lock until {@link #release} and returns once it holds it. */
    private Outcome<Void> holdTheLock() {
        return holdTheLock(holding, release);
    }

    private Outcome<Void> holdTheLock(CountDownLatch holding, CountDownLatch release) {
        Outcome<Void> holder = inTurn(() -> db.useWrite(handle -> {
            insert(handle, "holder");
            holding.countDown();
            await(release);
        }));
        await(holding);
        return holder;
    }

    /** Runs {@code work} on a thread of its own and returns once that thread is parked, waiting for the write lock. */
    private <T> Outcome<T> waitingForTheLock(Supplier<T> work) {
        Outcome<T> outcome = new Outcome<>();
        outcome.start(work);
        outcome.awaitParkedOrDone();
        assertThat(outcome.thread.getState()).isEqualTo(Thread.State.WAITING);
        return outcome;
    }

    private static <T> Outcome<T> inTurn(Supplier<T> work) {
        Outcome<T> outcome = new Outcome<>();
        outcome.start(work);
        return outcome;
    }

    private static <T> Outcome<T> inTurn(Runnable work) {
        return inTurn(() -> {
            work.run();
            return null;
        });
    }

    private <T> Outcome<T> waitingForTheLock(Runnable work) {
        return waitingForTheLock(() -> {
            work.run();
            return null;
        });
    }

    private Void write(String key) {
        db.useWrite(handle -> insert(handle, key));
        return null;
    }

    private static void insert(Handle handle, String key) {
        handle.createUpdate("INSERT INTO kindred_meta (key, value) VALUES (:key, 'value')").bind("key", key).execute();
    }

    private Optional<String> get(String key) {
        return db.read(handle -> handle.createQuery("SELECT value FROM kindred_meta WHERE key = :key")
            .bind("key", key)
            .mapTo(String.class)
            .findOne());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What a write on another thread returned or threw. */
    private static final class Outcome<T> {
        private final CompletableFuture<T> done = new CompletableFuture<>();
        private Thread thread;

        void start(Supplier<T> work) {
            thread = new Thread(() -> {
                try {
                    done.complete(work.get());
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            });
            thread.start();
        }

        /** Returns once the thread is parked (waiting for the lock, or for its transaction to end) or done. */
        void awaitParkedOrDone() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
            while (thread.getState() != Thread.State.WAITING && !done.isDone() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }

        T result() throws Exception {
            return done.get(GUARD_SECONDS, TimeUnit.SECONDS);
        }

        Throwable failure() {
            try {
                done.get(GUARD_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                return e.getCause();
            }
            throw new AssertionError("the write did not fail");
        }
    }
}
