package org.kindred.api.invitations;

import java.time.Instant;

/**
 * A single-use invitation into a program. {@code code} is shown once, in the response that creates the
 * invitation; only its digest is stored.
 */
public record Invitation(
    String id,
    String programId,
    InvitationRole role,
    String code,
    InvitationStatus status,
    Instant expiresAt,
    Instant redeemedAt,
    String redeemedBy,
    Instant revokedAt,
    Instant createdAt) {

    Invitation withCode(String code) {
        return new Invitation(id, programId, role, code, status, expiresAt, redeemedAt, redeemedBy, revokedAt, createdAt);
    }
}
