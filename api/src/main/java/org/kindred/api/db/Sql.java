package org.kindred.api.db;

/** Small helpers for SQL that several stores write the same way. */
public final class Sql {
    /**
     * The ids bound as {@code :ids}, a JSON array: one statement for any number of ids, where
     * {@code IN (:a, :b, ...)} would be a new statement to prepare for each count.
     */
    public static final String IDS = "(SELECT value FROM json_each(:ids))";

    private Sql() {
    }

    /**
     * A LIKE pattern matching {@code text} anywhere, with %, _ and ! taken literally; use it with
     * {@code ESCAPE '!'} (not a backslash, which Jdbi's SQL parser treats as an escape of its own).
     */
    public static String containsPattern(String text) {
        return text == null ? null : "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** True when a database error is a foreign key constraint failing. */
    public static boolean isForeignKeyViolation(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("FOREIGN KEY constraint failed")) {
                return true;
            }
        }
        return false;
    }
}
