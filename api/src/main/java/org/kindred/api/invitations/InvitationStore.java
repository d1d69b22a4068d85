package org.kindred.api.invitations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.http.PageRequest;

public final class InvitationStore {
    private static final String SELECT = """
        SELECT id, program_id, role, expires_at, redeemed_at, redeemed_by, revoked_at, created_at
          FROM invitations
        """;

    private final Database db;

    public InvitationStore(Database db) {
        this.db = db;
    }

    void insert(Handle handle, Invitation invitation, String codeHash, String createdBy) {
        handle.createUpdate("""
                INSERT INTO invitations (id, program_id, role, code_hash, created_by, expires_at, created_at)
                VALUES (:id, :program, :role, :hash, :by, :expires, :created)""")
            .bind("id", invitation.id())
            .bind("program", invitation.programId())
            .bind("role", invitation.role().name())
            .bind("hash", codeHash)
            .bind("by", createdBy)
            .bind("expires", invitation.expiresAt().toEpochMilli())
            .bind("created", invitation.createdAt().toEpochMilli())
            .execute();
    }

    Optional<Invitation> find(Handle handle, String programId, String id, Instant now) {
        return handle.createQuery(SELECT + " WHERE id = :id AND program_id = :program")
            .bind("id", id)
            .bind("program", programId)
            .map((rs, ctx) -> invitation(rs, now))
            .findOne();
    }

    Optional<Invitation> findByCodeHash(Handle handle, String codeHash, Instant now) {
        return handle.createQuery(SELECT + " WHERE code_hash = :hash")
            .bind("hash", codeHash)
            .map((rs, ctx) -> invitation(rs, now))
            .findOne();
    }

    List<Invitation> list(String programId, PageRequest page, Instant now) {
        return db.read(handle -> handle.createQuery(SELECT + """
                 WHERE program_id = :program AND (:after IS NULL OR id > :after)
                 ORDER BY id LIMIT :limit""")
            .bind("program", programId)
            .bind("after", page.after() == null ? null : page.after().value(0))
            .bind("limit", page.fetchSize())
            .map((rs, ctx) -> invitation(rs, now))
            .list());
    }

    void markRedeemed(Handle handle, String id, String userId, Instant now) {
        handle.createUpdate("UPDATE invitations SET redeemed_at = :now, redeemed_by = :user WHERE id = :id")
            .bind("id", id)
            .bind("user", userId)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    void markRevoked(Handle handle, String id, Instant now) {
        handle.createUpdate("UPDATE invitations SET revoked_at = :now WHERE id = :id")
            .bind("id", id)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    private static Invitation invitation(ResultSet rs, Instant now) throws SQLException {
        Instant expires = Rows.instant(rs, "expires_at");
        Instant redeemed = Rows.nullableInstant(rs, "redeemed_at");
        Instant revoked = Rows.nullableInstant(rs, "revoked_at");
        InvitationStatus status = redeemed != null ? InvitationStatus.redeemed
            : revoked != null ? InvitationStatus.revoked
            : !now.isBefore(expires) ? InvitationStatus.expired
            : InvitationStatus.pending;
        return new Invitation(rs.getString("id"), rs.getString("program_id"),
            InvitationRole.valueOf(rs.getString("role")), null, status, expires, redeemed, rs.getString("redeemed_by"),
            revoked, Rows.instant(rs, "created_at"));
    }
}
