package org.kindred.api.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The savepoint that lets one write of a shared transaction fail alone, by statements the writer connection prepared
 * once. JDBC's {@code setSavepoint} and {@code releaseSavepoint} format and compile their SQL anew on every call, and
 * every write but a transaction's first pays for both while the others wait for the lock.
 */
final class Savepoints implements AutoCloseable {
    private final PreparedStatement begin;
    private final PreparedStatement release;
    private final PreparedStatement rollBack;

    Savepoints(Connection writer) throws SQLException {
        this.begin = writer.prepareStatement("SAVEPOINT write");
        this.release = writer.prepareStatement("RELEASE write");
        this.rollBack = writer.prepareStatement("ROLLBACK TO write");
    }

    void begin() {
        run(begin, "begin a write");
    }

    /** Keeps what was written since {@link #begin}. */
    void release() {
        run(release, "end a write");
    }

    /** Undoes what was written since {@link #begin} and ends the savepoint. */
    void rollBack() {
        run(rollBack, "undo a write");
        release();
    }

    private static void run(PreparedStatement statement, String what) {
        try {
            statement.execute();
        } catch (SQLException e) {
            throw new DatabaseException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (begin; release; rollBack) {
            // closing is all
        }
    }
}
