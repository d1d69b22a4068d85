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
    private final Prepared begin;
    private final Prepared release;
    private final Prepared rollBack;

    Savepoints(Connection writer) {
        this.begin = new Prepared(writer, "SAVEPOINT write");
        this.release = new Prepared(writer, "RELEASE write");
        this.rollBack = new Prepared(writer, "ROLLBACK TO write");
    }

    void begin() {
        begin.run("begin a write");
    }

    /** Keeps what was written since {@link #begin}. */
    void release() {
        release.run("end a write");
    }

    /** Undoes what was written since {@link #begin} and ends the savepoint. */
    void rollBack() {
        rollBack.run("undo a write");
        release();
    }

    @Override
    public void close() {
        try (begin; release; rollBack) {
            // closing is all
        }
    }

    /**
     * A statement prepared at its first run and again after one fails: sqlite-jdbc finalizes a statement that fails
     * with most errors (a full disk, or ROLLBACK TO a savepoint SQLite already dropped when it rolled the whole
     * transaction back), and every later run of it would fail too.
     */
    private static final class Prepared implements AutoCloseable {
        private final Connection connection;
        private final String sql;
        private PreparedStatement statement;

        Prepared(Connection connection, String sql) {
            this.connection = connection;
            this.sql = sql;
        }

        void run(String what) {
            try {
                if (statement == null) {
                    statement = connection.prepareStatement(sql);
                }
                statement.execute();
            } catch (SQLException e) {
                close();
                throw new DatabaseException("cannot " + what + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (statement == null) {
                return;
            }
            try {
                statement.close();
            } catch (SQLException ignored) {
                // a statement that cannot be closed is dropped all the same; closing its connection reclaims it
            } finally {
                statement = null;
            }
        }
    }
}
