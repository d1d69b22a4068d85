package org.kindred.api.invitations;

public enum InvitationStatus {
    pending,
    redeemed,
    revoked,
    expired
}
