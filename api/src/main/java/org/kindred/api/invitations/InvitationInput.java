package org.kindred.api.invitations;

import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/programs/{program_id}/invitations}. */
public record InvitationInput(InvitationRole role, Integer expiresInDays) {
    static final int DEFAULT_DAYS = 14;

    void validate() {
        new Checks().required("role", role).range("expires_in_days", expiresInDays, 1, 90).throwIfInvalid();
    }

    int days() {
        return expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
    }
}
