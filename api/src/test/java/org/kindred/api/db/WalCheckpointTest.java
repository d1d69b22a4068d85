package org.kindred.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The WAL is copied into the database while writes go on, and started afresh from its beginning often enough that it
 * stays small; a long read holds it back, and once it ends the next checkpoint empties it.
 */
class WalCheckpointTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path directory;

    /**
     * About 40 MB of WAL a second, some half of what the bench's check-in writes make (about 5 pages each, nearly
     * 4,000 a second). Unpaced, a writer here made over 100 MB a second, and a slow fsync could then let the WAL reach
     * the writer's own checkpoint at 32 MiB.
     */
    @Test
    void theWalStartsAfreshLongBeforeThirtyTwoMibWhileOneWriterNeverStops() throws Exception {
        String value = "x".repeat(8 * 1024);
        long largest = wroteWhileTheWalWasLargestAt(1, 4_000, value, TimeUnit.MICROSECONDS.toNanos(300));

        assertThat(largest).as("the WAL at its largest, with some 48 MiB written")
            .isBetween(1L, 24 * MIB);
    }

    /**
     * Unpaced, at over 100 MB of WAL a second, the copying falls behind and the writer's own checkpoint at 32 MiB
     * bounds the WAL; a slow fsync may hold that back for a while, so the bound asked is the bench's, 64 MiB.
     */
    @Test
    void theWalStaysBelowSixtyFourMibWhenWritesOutpaceTheCopying() throws Exception {
        String value = "x".repeat(64 * 1024);

        assertThat(wroteWhileTheWalWasLargestAt(4, 300, value, 0)).as("the WAL at its largest, with some 85 MB written")
            .isBetween(1L, 64 * MIB);
    }

    /**
     * Writes {@code writes} values from each of {@code writers} threads, each write due {@code intervalNanos} after
     * the one before (as fast as they go when behind); the WAL's largest size.
     */
    private long wroteWhileTheWalWasLargestAt(int writers, int writes, String value, long intervalNanos)
        throws Exception {
        Path wal = directory.resolve("kindred.db-wal");
        AtomicLong largestWal = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try (Database db = Database.open(directory.resolve("kindred.db"), Durability.normal, 2)) {
            Meta meta = new Meta(db);
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                String prefix = "writer-" + writer + "-";
                done.add(threads.submit(() -> {
                    long start = System.nanoTime();
                    for (int i = 0; i < writes; i++) {
                        LockSupport.parkNanos(start + i * intervalNanos - System.nanoTime());
                        meta.put(prefix + i, value);
                        largestWal.accumulateAndGet(sizeOf(wal), Math::max);
                    }
                    return null;
                }));
            }
            for (Future<?> writing : done) {
                writing.get(60, TimeUnit.SECONDS);
            }
            int written = db.read(handle -> handle.createQuery("SELECT count(*) FROM kindred_meta WHERE key LIKE 'writer-%'")
                .mapTo(Integer.class).one());
            assertThat(written).isEqualTo(writers * writes);
        } finally {
            threads.shutdownNow();
        }
        return largestWal.get();
    }

    @Test
    void theWalIsEmptiedOnceALongReadEnds() throws Exception {
        Path file = directory.resolve("kindred.db");
        Path wal = directory.resolve("kindred.db-wal");
        try (Database db = Database.open(file, Durability.normal, 2)) {
            Meta meta = new Meta(db);
            meta.put("before", "the long read");
            try (Connection reader = readOnly(file); Statement read = reader.createStatement()) {
                reader.setAutoCommit(false);
                try (ResultSet snapshot = read.executeQuery("SELECT count(*) FROM kindred_meta")) {
                    assertThat(snapshot.next()).isTrue();
                }
                for (int i = 0; i < 500; i++) {
                    meta.put("during-" + i, "x".repeat(2_000));
                }
                long whileReading = Files.size(wal);

                assertThat(db.checkpoint()).as("a reader holds the WAL").isFalse();
                assertThat(whileReading).isGreaterThan(1_000_000);
                reader.commit();
            }

            assertThat(db.checkpoint()).isTrue();
            assertThat(Files.size(wal)).isZero();
            assertThat(meta.get("during-499")).isPresent();
        }
    }

    @Test
    void closingTheDatabaseLeavesNoWalBehind() {
        Path file = directory.resolve("kindred.db");
        try (Database db = Database.open(file, Durability.normal, 1)) {
            new Meta(db).put("written", "then closed");
        }

        Path wal = directory.resolve("kindred.db-wal");
        assertThat(!Files.exists(wal) || wal.toFile().length() == 0).isTrue();
    }

    @Test
    void aCheckpointAfterCloseIsRefusedAndChangesNothing() throws Exception {
        Path file = directory.resolve("kindred.db");
        Database db = Database.open(file, Durability.normal, 1);
        new Meta(db).put("written", "then closed");
        db.close();

        assertThatThrownBy(db::checkpoint).isInstanceOf(DatabaseException.class).hasMessageContaining("closed");
        try (Database reopened = Database.open(file, Durability.normal, 1)) {
            assertThat(new Meta(reopened).get("written")).contains("then closed");
        }
    }

    private static long sizeOf(Path wal) {
        try {
            return Files.size(wal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection readOnly(Path file) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
