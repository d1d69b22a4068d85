package org.kindred.api.idempotency;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;

final class IdempotencyStore {
    private final Database db;

    IdempotencyStore(Database db) {
        this.db = db;
    }

    Optional<StoredResponse> find(String scope, String key, Instant notBefore) {
        return db.read(handle -> find(handle, scope, key, notBefore));
    }

    Optional<StoredResponse> find(Handle handle, String scope, String key, Instant notBefore) {
        return handle.createQuery("""
                SELECT request_hash, status, location, body FROM idempotency_keys
                WHERE scope = :scope AND key = :key AND created_at >= :not_before""")
            .bind("scope", scope)
            .bind("key", key)
            .bind("not_before", notBefore.toEpochMilli())
            .map((rs, ctx) -> new StoredResponse(rs.getString("request_hash"), rs.getInt("status"),
                rs.getString("location"), rs.getBytes("body")))
            .findOne();
    }

    /**
     * Keeps the response for the key, replacing one kept from before {@code notBefore}; false, changing nothing, when
     * the key already holds a response from {@code notBefore} on (a concurrent request with the key came first).
     */
    boolean saveUnlessKept(Handle handle, String scope, String key, StoredResponse response, Instant now,
                           Instant notBefore) {
        return handle.createUpdate("""
                INSERT INTO idempotency_keys (scope, key, request_hash, status, location, body, created_at)
                VALUES (:scope, :key, :hash, :status, :location, :body, :now)
                ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash,
                    status = excluded.status, location = excluded.location, body = excluded.body,
                    created_at = excluded.created_at
                WHERE idempotency_keys.created_at < :not_before""")
            .bind("scope", scope)
            .bind("key", key)
            .bind("hash", response.requestHash())
            .bind("status", response.status())
            .bind("location", response.location())
            .bind("body", response.body())
            .bind("now", now.toEpochMilli())
            .bind("not_before", notBefore.toEpochMilli())
            .execute() == 1;
    }

    int deleteCreatedBefore(Instant cutoff) {
        return db.write(handle -> handle.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
            .bind("cutoff", cutoff.toEpochMilli())
            .execute());
    }
}
