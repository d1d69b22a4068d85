package org.kindred.api.testing;

import java.util.List;
import java.util.Map;
import org.kindred.api.db.Database;

/** The lines of SQLite's {@code EXPLAIN QUERY PLAN} for a statement with its parameters. */
public final class QueryPlan {
    private QueryPlan() {
    }

    public static List<String> of(Database db, String sql, Map<String, Object> binds) {
        return db.read(handle -> handle.createQuery("EXPLAIN QUERY PLAN " + sql)
            .bindMap(binds)
            .map((rs, ctx) -> rs.getString("detail"))
            .list());
    }
}
