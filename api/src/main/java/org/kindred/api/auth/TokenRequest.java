package org.kindred.api.auth;

import org.kindred.api.http.Checks;
import org.kindred.api.security.PasswordHasher;

/** Body of {@code POST /v1/auth/token}. */
public record TokenRequest(String email, String password) {

    void validate() {
        new Checks().text("email", email, 254, true).required("password", password)
            .check(password == null || password.length() <= PasswordHasher.MAX_LENGTH, "password", "too_long",
                "must be at most " + PasswordHasher.MAX_LENGTH + " characters")
            .throwIfInvalid();
    }

    @Override
    public String toString() {
        return "TokenRequest[email=" + email + "]";
    }
}
