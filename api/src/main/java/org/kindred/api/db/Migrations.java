package org.kindred.api.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Numbered schema changes, {@code db/migration/001.sql}, {@code 002.sql}, ... on the class path. The
 * database's {@code user_version} says how many have been applied; each one is applied in its own
 * {@code BEGIN IMMEDIATE} transaction together with the version bump, so two processes starting on the
 * same file cannot apply one twice.
 */
public final class Migrations {
    private static final List<String> SCRIPTS = loadScripts();

    private Migrations() {
    }

    public static int latestVersion() {
        return SCRIPTS.size();
    }

    static void apply(Connection connection, Path file) {
        try (Handle handle = Jdbi.create(new SharedConnection(connection)).open()) {
            int version = currentVersion(handle);
            if (version > latestVersion()) {
                throw new DatabaseException(file + " has schema version " + version
                    + " but this Kindred knows only up to version " + latestVersion()
                    + "; run a newer Kindred or restore a backup made by this one");
            }
            while (version < latestVersion()) {
                version = applyNext(handle);
            }
        }
    }

    private static int applyNext(Handle handle) {
        handle.begin();
        try {
            int version = currentVersion(handle);
            if (version < latestVersion()) {
                handle.createScript(SCRIPTS.get(version)).execute();
                version++;
                handle.execute("PRAGMA user_version = " + version);
            }
            handle.commit();
            return version;
        } catch (RuntimeException e) {
            handle.rollback();
            throw e;
        }
    }

    private static int currentVersion(Handle handle) {
        return handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
    }

    private static List<String> loadScripts() {
        List<String> scripts = new ArrayList<>();
        while (true) {
            String name = String.format("/db/migration/%03d.sql", scripts.size() + 1);
            try (InputStream in = Migrations.class.getResourceAsStream(name)) {
                if (in == null) {
                    return List.copyOf(scripts);
                }
                scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
