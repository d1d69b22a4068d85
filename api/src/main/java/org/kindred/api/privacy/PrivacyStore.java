package org.kindred.api.privacy;

import org.jdbi.v3.core.Handle;

/** The deletes that erase a person; foreign keys cascade from their account to everything that is theirs. */
final class PrivacyStore {

    /**
     * Stored idempotent responses that belong to the person or mention them, or one of their check-ins or
     * mentorships: other people's encouragement on their check-ins and meeting notes about them are theirs too.
     */
    void forgetIdempotentResponses(Handle handle, String userId, String email) {
        handle.createUpdate("""
                DELETE FROM idempotency_keys
                WHERE scope = :user OR instr(CAST(body AS TEXT), :user) > 0 OR instr(CAST(body AS TEXT), :email) > 0
                   OR EXISTS (SELECT 1 FROM checkins c WHERE c.participant_id = :user
                                 AND instr(CAST(idempotency_keys.body AS TEXT), c.id) > 0)
                   OR EXISTS (SELECT 1 FROM mentorships m WHERE (m.participant_id = :user OR m.mentor_user_id = :user)
                                 AND instr(CAST(idempotency_keys.body AS TEXT), m.id) > 0)""")
            .bind("user", userId)
            .bind("email", email)
            .execute();
    }

    void deleteAccount(Handle handle, String userId) {
        handle.createUpdate("DELETE FROM users WHERE id = :user").bind("user", userId).execute();
    }
}
