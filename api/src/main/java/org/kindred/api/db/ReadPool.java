package org.kindred.api.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jdbi.v3.core.ConnectionFactory;
import org.sqlite.SQLiteConfig;

/** A fixed set of read-only connections, opened up front and borrowed per handle. */
final class ReadPool implements ConnectionFactory, AutoCloseable {
    private final List<Connection> all = new ArrayList<>();
    private final BlockingQueue<Connection> idle;

    ReadPool(String url, SQLiteConfig config, int size) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = config.createConnection(url);
                all.add(connection);
                idle.add(connection);
            }
        } catch (SQLException | RuntimeException e) {
            for (Connection connection : all) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    @Override
    public Connection openConnection() throws SQLException {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a read connection", e);
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        idle.add(connection);
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : all) {
            connection.close();
        }
    }
}
