package org.kindred.api.db;

import java.sql.Connection;
import org.jdbi.v3.core.ConnectionFactory;

/** Hands out the single writer connection; closing a handle leaves the connection open. */
final class SharedConnection implements ConnectionFactory {
    private final Connection connection;

    SharedConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Connection openConnection() {
        return connection;
    }

    @Override
    public void closeConnection(Connection ignored) {
        // the connection lives as long as the Database
    }
}
