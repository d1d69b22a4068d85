package org.kindred.api.privacy;

import org.kindred.api.http.Checks;
import org.kindred.api.security.PasswordHasher;

/** Body of {@code DELETE /v1/me}: the password again, so a borrowed device cannot erase someone. */
public record ErasureRequest(String password) {

    void validate() {
        new Checks().required("password", password)
            .check(password == null || password.length() <= PasswordHasher.MAX_LENGTH, "password", "too_long",
                "must be at most " + PasswordHasher.MAX_LENGTH + " characters")
            .throwIfInvalid();
    }

    @Override
    public String toString() {
        return "ErasureRequest[redacted]";
    }
}
