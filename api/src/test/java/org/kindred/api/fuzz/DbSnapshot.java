package org.kindred.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kindred.api.db.Database;

/**
 * Every table of the database: its row count and a digest of its rows (in any order), so that comparing
 * two snapshots shows whether anything at all was written between them, and where.
 */
record DbSnapshot(Map<String, Table> tables) {

    record Table(long rows, String digest) {
    }

    static DbSnapshot of(Database db) {
        return db.read(handle -> {
            Map<String, Table> tables = new TreeMap<>();
            List<String> names = handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                .mapTo(String.class).list();
            for (String name : names) {
                List<String> rows = new ArrayList<>();
                handle.createQuery("SELECT * FROM \"" + name.replace("\"", "\"\"") + "\"").mapToMap()
                    .forEach(row -> rows.add(render(row)));
                rows.sort(null);
                tables.put(name, new Table(rows.size(), digest(rows)));
            }
            return new DbSnapshot(tables);
        });
    }

    /** The tables whose rows differ from {@code before}'s, with their row counts before and after. */
    List<String> changesSince(DbSnapshot before) {
        List<String> changes = new ArrayList<>();
        tables.forEach((name, after) -> {
            Table earlier = before.tables().get(name);
            if (!after.equals(earlier)) {
                changes.add(name + " (" + (earlier == null ? "new" : earlier.rows()) + " -> " + after.rows() + " rows)");
            }
        });
        before.tables().keySet().stream().filter(name -> !tables.containsKey(name))
            .forEach(name -> changes.add(name + " (dropped)"));
        return changes;
    }

    private static String render(Map<String, Object> row) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(row).forEach((column, value) -> text.append(column).append('=')
            .append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value))
            .append('\u0001'));
        return text.toString();
    }

    private static String digest(List<String> rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            rows.forEach(row -> sha.update(row.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
