package org.kindred.api.users;

import org.kindred.api.http.Checks;
import org.kindred.api.security.PasswordHasher;

/** Body of {@code POST /v1/auth/register}. Only a display name is asked for, never a legal name. */
public record RegisterRequest(String email, String password, String displayName) {

    /** Applies the sign-up rules; also used for admin accounts made from the command line. */
    public void check() {
        Checks checks = new Checks().email("email", email, true).text("display_name", displayName, 60, true)
            .required("password", password);
        if (password != null) {
            checks.check(password.codePointCount(0, password.length()) >= PasswordHasher.MIN_LENGTH, "password",
                "too_short", "must be at least " + PasswordHasher.MIN_LENGTH + " characters");
            checks.check(password.length() <= PasswordHasher.MAX_LENGTH, "password", "too_long",
                "must be at most " + PasswordHasher.MAX_LENGTH + " characters");
            checks.check(!password.isBlank(), "password", "invalid_format", "must not be only spaces");
        }
        checks.throwIfInvalid();
    }

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", displayName=" + displayName + "]";
    }
}
