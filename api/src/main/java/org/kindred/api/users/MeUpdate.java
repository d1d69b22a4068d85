package org.kindred.api.users;

import org.kindred.api.http.Checks;

/** What a person may change about their own account with {@code PATCH /v1/me}. */
public record MeUpdate(String displayName) {

    void validate() {
        new Checks().text("display_name", displayName, 60, true).throwIfInvalid();
    }
}
