package org.kindred.api.auth;

import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/auth/token}. */
public record TokenRequest(String email, String password) {

    void validate() {
        new Checks().text("email", email, 254, true).required("password", password).throwIfInvalid();
    }

    @Override
    public String toString() {
        return "TokenRequest[email=" + email + "]";
    }
}
