package org.kindred.api.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL into the database on a connection and a thread of its own, while writes go on. SQLite's own
 * checkpoint runs inside the commit that fills the WAL: every few commits a write held the write lock through the
 * copy and two fsyncs (about 10 ms on a shared virtual disk). Here only the last step waits for the writes. SQLite
 * starts the WAL again from its beginning only when every frame in it has been copied, and under a steady stream of
 * writes the copy never catches up; so once the WAL holds {@link #RESTART_FRAMES}, the frames committed during the
 * copy are copied too, the few left after that are copied between writes, and the next write starts the WAL afresh.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("kindred.db");
    /**
     * About 8 MiB of 4 KiB pages. Writes go on while the copying catches up: in WalCheckpointTest the file grew to
     * about 10 MB at 40 MB of WAL a second, and to 23-31 MB at over 100 MB a second.
     */
    static final int RESTART_FRAMES = 2_048;
    /**
     * Should writes outpace the copying, the writer's SQLite checkpoints at commit, as it would by itself, once the WAL
     * holds this many frames (about 32 MiB).
     */
    static final int WRITER_CHECKPOINT_FRAMES = 4 * RESTART_FRAMES;
    /** Commits within this time after one another are copied in one pass (one pair of fsyncs). */
    private static final long PASS_DELAY_MILLIS = 20;

    /** Runs work holding the write lock, after committing the transaction left open for waiting writes. */
    interface WriteLock {
        <T> T betweenWrites(Supplier<T> work);
    }

    private final Connection connection;
    private final WriteLock writeLock;
    private final Semaphore commits = new Semaphore(0);
    private final Thread thread = new Thread(this::copyAfterCommits, "kindred-checkpointer");
    /** Set, with the connection closed, by {@link #close}; guarded by this. */
    private boolean closed;

    Checkpointer(Connection connection, WriteLock writeLock) {
        this.connection = connection;
        this.writeLock = writeLock;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Tells the checkpointer that a write transaction committed, so the WAL has frames to copy. */
    void committed() {
        if (commits.availablePermits() == 0) {
            commits.release();
        }
    }

    /**
     * Copies the whole WAL into the database and empties it (TRUNCATE), between writes. Returns false when a reader
     * held it back.
     */
    synchronized boolean truncate() {
        if (closed) {
            throw new DatabaseException("cannot checkpoint: the database is closed");
        }
        return writeLock.betweenWrites(() -> checkpoint("TRUNCATE").done());
    }

    private void copyAfterCommits() {
        while (true) {
            try {
                commits.acquire();
                TimeUnit.MILLISECONDS.sleep(PASS_DELAY_MILLIS);
                commits.drainPermits();
                copy();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("checkpoint failed; it will run again after the next commit", e);
            }
        }
    }

    /** The second copy takes the frames committed during the first, so that few are left to copy between writes. */
    private synchronized void copy() {
        if (!closed && checkpoint("PASSIVE").frames() >= RESTART_FRAMES) {
            checkpoint("PASSIVE");
            writeLock.betweenWrites(() -> checkpoint("PASSIVE"));
        }
    }

    private Result checkpoint(String mode) {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            result.next();
            return new Result(result.getInt(1) == 0, result.getInt(2));
        } catch (SQLException e) {
            throw new DatabaseException("checkpoint failed: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the thread (it ends after the pass it may be in, which this waits for), empties the WAL and closes the
     * connection.
     */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            try {
                truncate();
            } finally {
                closed = true;
                closeConnection();
            }
        }
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DatabaseException("cannot close the checkpointer's connection: " + e.getMessage(), e);
        }
    }

    /** {@code done}: no reader or writer held the checkpoint back; {@code frames}: the frames in the WAL. */
    private record Result(boolean done, int frames) {
    }
}
