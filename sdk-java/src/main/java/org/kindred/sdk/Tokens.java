package org.kindred.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.kindred.sdk.api.AuthApi;
import org.kindred.sdk.invoker.ApiException;
import org.kindred.sdk.model.RefreshRequest;
import org.kindred.sdk.model.TokenRequest;
import org.kindred.sdk.model.TokenResponse;

/**
 * The tokens of one login. Access tokens are refreshed shortly before they expire; concurrent callers wait
 * for one refresh rather than each starting their own (a refresh token works once, so a second refresh
 * with the same token would sign the whole login out).
 */
final class Tokens {
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final AuthApi auth;
    private final Clock clock;
    private String accessToken;
    private String refreshToken;
    private Instant refreshAt;

    Tokens(AuthApi auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    synchronized void login(String email, String password) throws ApiException {
        keep(auth.createToken(new TokenRequest().email(email).password(password)));
    }

    synchronized void logout() throws ApiException {
        if (refreshToken != null) {
            auth.logout(new RefreshRequest().refreshToken(refreshToken));
        }
        accessToken = null;
        refreshToken = null;
        refreshAt = null;
    }

    /** The access token to send now, refreshed first if it is about to expire; empty when not logged in. */
    synchronized Optional<String> currentAccessToken() {
        if (accessToken != null && !clock.instant().isBefore(refreshAt)) {
            try {
                refresh();
            } catch (ApiException e) {
                throw KindredException.from(e);
            }
        }
        return Optional.ofNullable(accessToken);
    }

    /**
     * After the server refused {@code rejected}: refreshes unless another thread already did. Returns whether
     * a newer access token is now available.
     */
    synchronized boolean refreshAfterRejection(String rejected) throws ApiException {
        if (accessToken == null) {
            return false;
        }
        if (accessToken.equals(rejected)) {
            refresh();
        }
        return !accessToken.equals(rejected);
    }

    private void refresh() throws ApiException {
        keep(auth.refreshToken(new RefreshRequest().refreshToken(refreshToken)));
    }

    private void keep(TokenResponse response) {
        accessToken = response.getAccessToken();
        refreshToken = response.getRefreshToken();
        refreshAt = clock.instant().plusSeconds(response.getExpiresIn()).minus(EARLY);
    }
}
