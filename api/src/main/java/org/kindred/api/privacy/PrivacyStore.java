package org.kindred.api.privacy;

import org.jdbi.v3.core.Handle;

/** The deletes that erase a person; foreign keys cascade from their account to everything that is theirs. */
final class PrivacyStore {

    /** Stored idempotent responses that belong to the person or mention them. */
    void forgetIdempotentResponses(Handle handle, String userId, String email) {
        handle.createUpdate("""
                DELETE FROM idempotency_keys
                WHERE scope = :user OR instr(CAST(body AS TEXT), :user) > 0 OR instr(CAST(body AS TEXT), :email) > 0""")
            .bind("user", userId)
            .bind("email", email)
            .execute();
    }

    void deleteAccount(Handle handle, String userId) {
        handle.createUpdate("DELETE FROM users WHERE id = :user").bind("user", userId).execute();
    }
}
