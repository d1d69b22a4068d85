package org.kindred.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementCacheTest {
    private static final String BY_KEY = "SELECT value FROM pairs WHERE key = :key";

    private final StatementCache cache = new StatementCache();
    private final List<PreparedStatement> used = new ArrayList<>();
    private Connection connection;
    private Handle handle;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        handle = cache.serve(Jdbi.create(() -> connection)).open();
        handle.execute("CREATE TABLE pairs (key TEXT PRIMARY KEY, value TEXT)");
        handle.execute("INSERT INTO pairs VALUES ('first', 'second'), ('second', 'third')");
    }

    @AfterEach
    void close() throws SQLException {
        cache.close();
        connection.close();
    }

    @Test
    void theSameSqlRunsOnTheSameStatementWithFreshParameters() {
        assertThat(valueOf("first")).isEqualTo("second");
        assertThat(valueOf("second")).isEqualTo("third");

        assertThat(used).hasSize(2);
        assertThat(used.get(1)).isSameAs(used.get(0));
    }

    @Test
    void aQueryRunInsideAnotherWithTheSameSqlGetsAStatementOfItsOwn() {
        String chained = query("first")
            .map((rs, ctx) -> query(rs.getString("value")).mapTo(String.class).one())
            .one();

        assertThat(chained).isEqualTo("third");
        assertThat(used).hasSize(2);
        assertThat(used.get(1)).isNotSameAs(used.get(0));
    }

    @Test
    void aStatementWhoseRunFailedIsNotKeptSoItsSqlRunsAgain() {
        String sql = "SELECT json_extract(:document, '$.value')";

        assertThatThrownBy(() -> handle.createQuery(sql).bind("document", "{not json").mapTo(String.class).one())
            .hasMessageContaining("malformed JSON");
        assertThat(handle.createQuery(sql).bind("document", "{\"value\": \"kept\"}").mapTo(String.class).one())
            .isEqualTo("kept");
    }

    private String valueOf(String key) {
        return query(key).mapTo(String.class).one();
    }

    private org.jdbi.v3.core.statement.Query query(String key) {
        return handle.createQuery(BY_KEY).bind("key", key).addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext context) {
                used.add(statement);
            }
        });
    }
}
