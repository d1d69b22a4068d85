package org.kindred.api.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.http.PageRequest;

public final class UserStore {
    private static final String COLUMNS = "id, email, password_hash, display_name, is_admin, created_at, updated_at";

    private final Database db;

    public UserStore(Database db) {
        this.db = db;
    }

    /** Emails are compared case-insensitively: this is the form that is compared. */
    public static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Inserts the account, or returns false when the email is already registered. */
    public boolean insert(Handle handle, Account account) {
        return handle.createUpdate("""
                INSERT INTO users (id, email, email_normalized, password_hash, display_name, is_admin, created_at, updated_at)
                VALUES (:id, :email, :normalized, :hash, :name, :admin, :created, :updated)
                ON CONFLICT (email_normalized) DO NOTHING""")
            .bind("id", account.id())
            .bind("email", account.email())
            .bind("normalized", normalize(account.email()))
            .bind("hash", account.passwordHash())
            .bind("name", account.displayName())
            .bind("admin", account.admin())
            .bind("created", account.createdAt().toEpochMilli())
            .bind("updated", account.updatedAt().toEpochMilli())
            .execute() == 1;
    }

    public Optional<Account> findById(String id) {
        return db.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
            .bind("id", id)
            .map(UserStore::account)
            .findOne());
    }

    public Optional<Account> findByEmail(String email) {
        return db.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE email_normalized = :email")
            .bind("email", normalize(email))
            .map(UserStore::account)
            .findOne());
    }

    public boolean anyAdmin() {
        return db.read(handle -> handle.createQuery("SELECT EXISTS (SELECT 1 FROM users WHERE is_admin = 1)")
            .mapTo(Boolean.class)
            .one());
    }

    public List<Account> list(String email, PageRequest page) {
        return db.read(handle -> handle.createQuery("SELECT " + COLUMNS + """
                 FROM users
                WHERE (:email IS NULL OR email_normalized = :email) AND (:after IS NULL OR id > :after)
                ORDER BY id LIMIT :limit""")
            .bind("email", email == null ? null : normalize(email))
            .bind("after", page.after() == null ? null : page.after().value(0))
            .bind("limit", page.fetchSize())
            .map(UserStore::account)
            .list());
    }

    public void updateDisplayName(Handle handle, String id, String displayName, Instant now) {
        handle.createUpdate("UPDATE users SET display_name = :name, updated_at = :now WHERE id = :id")
            .bind("id", id)
            .bind("name", displayName)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    private static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("email"), rs.getString("password_hash"),
            rs.getString("display_name"), rs.getBoolean("is_admin"), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "updated_at"));
    }
}
