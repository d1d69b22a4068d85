package org.kindred.api.auth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Rows;

/** Refresh tokens, stored only as digests, in families: each rotation adds one to its login's family. */
final class RefreshTokenStore {

    record StoredToken(String id, String familyId, String userId, Instant expiresAt, Instant rotatedAt,
                       Instant revokedAt) {
    }

    void insert(Handle handle, String id, String familyId, String userId, String tokenHash, Instant now,
                Instant expiresAt) {
        handle.createUpdate("""
                INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
                VALUES (:id, :family, :user, :hash, :now, :expires)""")
            .bind("id", id)
            .bind("family", familyId)
            .bind("user", userId)
            .bind("hash", tokenHash)
            .bind("now", now.toEpochMilli())
            .bind("expires", expiresAt.toEpochMilli())
            .execute();
    }

    Optional<StoredToken> findByHash(Handle handle, String tokenHash) {
        return handle.createQuery("""
                SELECT id, family_id, user_id, expires_at, rotated_at, revoked_at FROM refresh_tokens
                WHERE token_hash = :hash""")
            .bind("hash", tokenHash)
            .map((rs, ctx) -> new StoredToken(rs.getString("id"), rs.getString("family_id"), rs.getString("user_id"),
                Rows.instant(rs, "expires_at"), Rows.nullableInstant(rs, "rotated_at"),
                Rows.nullableInstant(rs, "revoked_at")))
            .findOne();
    }

    void markRotated(Handle handle, String id, Instant now) {
        handle.createUpdate("UPDATE refresh_tokens SET rotated_at = :now WHERE id = :id")
            .bind("id", id)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    void revokeFamily(Handle handle, String familyId, Instant now) {
        handle.createUpdate("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
            .bind("family", familyId)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    int deleteExpiredBefore(Handle handle, Instant cutoff) {
        return handle.createUpdate("DELETE FROM refresh_tokens WHERE expires_at < :cutoff")
            .bind("cutoff", cutoff.toEpochMilli())
            .execute();
    }
}
