package org.kindred.api.auth;

/** What a login or refresh returns: a short-lived access token and the refresh token that renews it. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    @Override
    public String toString() {
        return "TokenResponse[redacted]";
    }
}
