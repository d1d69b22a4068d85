package org.kindred.api.members;

import org.jdbi.v3.core.Handle;

/**
 * Told, inside the same transaction, when someone gains or loses a role in a program, so features that hang
 * off a role (a mentor's profile, a participant's mentorships) follow it at once.
 */
public interface MembershipListener {
    void granted(Handle handle, Member member);

    void revoked(Handle handle, Member member);
}
