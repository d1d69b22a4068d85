package org.kindred.api.members;

import org.kindred.api.http.Checks;
import org.kindred.api.security.Role;

/** Body of {@code POST /v1/programs/{program_id}/members}. */
public record MemberInput(String userId, Role role) {

    void validate() {
        new Checks().text("user_id", userId, 64, true).required("role", role).throwIfInvalid();
    }
}
