package org.kindred.api.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps each connection's prepared statements for reuse. SQLite takes longer to prepare a statement than to
 * run most of Kindred's queries (a program by id: about 17 µs to prepare, 8 µs to run), and a request runs
 * several. A statement is taken out of the cache while in use, so a nested query with the same SQL prepares
 * its own; each connection keeps its {@value #PER_CONNECTION} most recently used statements. Statements that
 * return generated keys, and plain statements (migration scripts), are not kept. Parameters are not cleared on
 * the way back: Jdbi binds every parameter before each run (a missing one is an error), and clearing them made
 * sqlite-jdbc's next run of the statement cost as much as preparing it afresh. A statement whose run failed is not
 * kept: sqlite-jdbc finalizes a statement that fails with most errors (a full disk, malformed JSON given to a JSON
 * function), and every later run of it would fail too.
 */
final class StatementCache implements StatementBuilderFactory, StatementBuilder, AutoCloseable {
    private static final int PER_CONNECTION = 256;

    private final StatementBuilder fresh = new DefaultStatementBuilder();
    private final Map<Connection, Idle> idle = new ConcurrentHashMap<>();

    /** Makes {@code jdbi} take its statements from here, and tell which of them failed. */
    Jdbi serve(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).setSqlLogger(new FailedStatements());
        return jdbi.setStatementBuilderFactory(this);
    }

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return this;
    }

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return fresh.create(connection, context);
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
            return fresh.create(connection, sql, context);
        }
        return idle.computeIfAbsent(connection, c -> new Idle()).checkOut(connection, sql);
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context) throws SQLException {
        return fresh.createCall(connection, sql, context);
    }

    /** Jdbi names the statement by its SQL before parsing (with {@code :names}), so it is found by identity. */
    @Override
    public void close(Connection connection, String unparsedSql, Statement statement) throws SQLException {
        Idle statements = idle.get(connection);
        if (statements == null || !statements.checkIn(statement)) {
            statement.close();
        }
    }

    /** Closes every kept statement; call before closing the connections. */
    @Override
    public void close() throws SQLException {
        for (Idle statements : idle.values()) {
            statements.closeAll();
        }
        idle.clear();
    }

    private final class FailedStatements implements SqlLogger {
        @Override
        public void logException(StatementContext context, SQLException failure) {
            Idle statements = idle.get(context.getConnection());
            if (statements != null && context.getStatement() != null) {
                statements.forget(context.getStatement());
            }
        }
    }

    /** One connection's statements; a connection serves one thread at a time, the lock only guards close(). */
    private static final class Idle {
        private final Map<Statement, String> lent = new IdentityHashMap<>();
        private final LinkedHashMap<String, PreparedStatement> bySql = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };

        synchronized PreparedStatement checkOut(Connection connection, String sql) throws SQLException {
            PreparedStatement statement = bySql.remove(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
            }
            lent.put(statement, sql);
            return statement;
        }

        /** Keeps a statement lent from here (closing it if another for its SQL was kept meanwhile); false if not. */
        synchronized boolean checkIn(Statement statement) {
            String sql = lent.remove(statement);
            if (sql == null) {
                return false;
            }
            if (bySql.putIfAbsent(sql, (PreparedStatement) statement) != null) {
                closeQuietly(statement);
            }
            return true;
        }

        /** A lent statement that must not come back: it is closed when returned. */
        synchronized void forget(Statement statement) {
            lent.remove(statement);
        }

        synchronized void closeAll() throws SQLException {
            for (PreparedStatement statement : bySql.values()) {
                statement.close();
            }
            bySql.clear();
        }

        private static void closeQuietly(Statement statement) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // a statement that cannot be closed is dropped all the same; its connection reclaims it
            }
        }
    }
}
