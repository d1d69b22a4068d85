package org.kindred.api.invitations;

import org.kindred.api.security.Role;

/** The roles an invitation can grant; coordinators are appointed by admins or other coordinators directly. */
public enum InvitationRole {
    participant(Role.participant),
    mentor(Role.mentor);

    private final Role role;

    InvitationRole(Role role) {
        this.role = role;
    }

    Role role() {
        return role;
    }
}
