package org.kindred.api.db;

import java.util.Optional;

/** Facts about the database file itself, such as whether it holds demo data. */
public final class Meta {
    private final Database db;

    public Meta(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.read(handle -> handle.createQuery("SELECT value FROM kindred_meta WHERE key = :key")
            .bind("key", key)
            .mapTo(String.class)
            .findOne());
    }

    public void put(String key, String value) {
        db.useWrite(handle -> handle.createUpdate("""
                INSERT INTO kindred_meta (key, value) VALUES (:key, :value)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")
            .bind("key", key)
            .bind("value", value)
            .execute());
    }

    /** True when the file has no accounts and no programs yet. */
    public boolean isEmpty() {
        return db.read(handle -> handle.createQuery(
                "SELECT NOT EXISTS (SELECT 1 FROM users) AND NOT EXISTS (SELECT 1 FROM programs)")
            .mapTo(Boolean.class)
            .one());
    }
}
