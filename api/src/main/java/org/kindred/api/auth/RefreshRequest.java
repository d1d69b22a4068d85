package org.kindred.api.auth;

import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/auth/refresh} and {@code POST /v1/auth/logout}. */
public record RefreshRequest(String refreshToken) {

    void validate() {
        new Checks().text("refresh_token", refreshToken, 200, true).throwIfInvalid();
    }

    @Override
    public String toString() {
        return "RefreshRequest[redacted]";
    }
}
