package org.kindred.api.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** A Kindred database file looked at from outside a running server: for backups and restores. */
public final class DatabaseFile {
    private final Path file;

    public DatabaseFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /**
     * Checks the file is a sound Kindred database this build can run: it exists, passes
     * {@code PRAGMA integrity_check}, and its schema is not newer than this Kindred's. Returns its schema version.
     */
    public int check() {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseException(file + " does not exist");
        }
        try (Connection connection = readOnly(); Statement statement = connection.createStatement()) {
            int version = single(statement, "PRAGMA user_version");
            if (version < 1) {
                throw new DatabaseException(file + " is not a Kindred database");
            }
            if (version > Migrations.latestVersion()) {
                throw new DatabaseException(file + " has schema version " + version + " but this Kindred knows only up to "
                    + Migrations.latestVersion());
            }
            try (ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
                String verdict = result.next() ? result.getString(1) : "no answer";
                if (!verdict.equals("ok")) {
                    throw new DatabaseException(file + " failed its integrity check: " + verdict);
                }
            }
            return version;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a consistent copy to {@code target} with {@code VACUUM INTO}: one read transaction, so writers carry
     * on and the copy holds exactly what was committed when it began.
     */
    public void copyTo(Path target) {
        try (Connection connection = readOnly();
             PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new DatabaseException("cannot copy " + file + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private Connection readOnly() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static int single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
