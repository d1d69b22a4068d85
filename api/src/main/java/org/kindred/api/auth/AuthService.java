package org.kindred.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.security.AccessTokens;
import org.kindred.api.security.PasswordHasher;
import org.kindred.api.security.RateLimiter;
import org.kindred.api.security.Secrets;
import org.kindred.api.users.Account;
import org.kindred.api.users.UserStore;

/**
 * Logging in, refreshing and logging out. Refresh tokens rotate on every use; presenting one that was
 * already rotated means it was copied, so the whole family (that login's chain) is revoked.
 */
public final class AuthService {
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

    private enum RefreshOutcome { ROTATED, UNKNOWN, EXPIRED, REUSED }

    /** What a refresh transaction decided; a refusal is thrown only after a revocation has committed. */
    private record Refreshed(RefreshOutcome outcome, TokenResponse tokens) {
        static Refreshed refused(RefreshOutcome outcome) {
            return new Refreshed(outcome, null);
        }
    }

    private final Database db;
    private final UserStore users;
    private final RefreshTokenStore refreshTokens = new RefreshTokenStore();
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public AuthService(Database db, UserStore users, PasswordHasher hasher, AccessTokens accessTokens,
                       RateLimiter rateLimiter, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /**
     * Checks the password, limited per account and per client address. Unknown emails cost a decoy
     * verification, so response time does not reveal which emails have accounts. Each attempt takes its
     * token before the password is verified, so concurrent guesses cannot all slip past the limit; a
     * successful login gives its tokens back.
     */
    public TokenResponse login(TokenRequest request, String clientAddress) {
        request.validate();
        String account = UserStore.normalize(request.email());
        rateLimiter.consume("login_ip", clientAddress);
        try {
            rateLimiter.consume("login_account", account);
        } catch (ApiException limited) {
            rateLimiter.refund("login_ip", clientAddress);
            throw limited;
        }
        Optional<Account> found = users.findByEmail(request.email());
        boolean valid;
        if (found.isPresent()) {
            valid = hasher.matches(request.password(), found.get().passwordHash());
        } else {
            hasher.spendDecoyVerification(request.password());
            valid = false;
        }
        if (!valid) {
            throw new ApiException(ErrorCode.invalid_credentials, "the email or password is wrong");
        }
        rateLimiter.refund("login_ip", clientAddress);
        rateLimiter.refund("login_account", account);
        String userId = found.get().id();
        return db.write(handle -> issue(handle, userId, Ids.next("fam")));
    }

    public TokenResponse refresh(RefreshRequest request, String clientAddress) {
        request.validate();
        rateLimiter.consume("refresh_ip", clientAddress);
        String hash = Secrets.sha256Hex(request.refreshToken());
        Instant now = clock.instant();
        Refreshed result = db.write(handle -> {
            Optional<RefreshTokenStore.StoredToken> stored = refreshTokens.findByHash(handle, hash);
            if (stored.isEmpty() || stored.get().revokedAt() != null) {
                return Refreshed.refused(RefreshOutcome.UNKNOWN);
            }
            RefreshTokenStore.StoredToken token = stored.get();
            if (token.rotatedAt() != null) {
                refreshTokens.revokeFamily(handle, token.familyId(), now);
                return Refreshed.refused(RefreshOutcome.REUSED);
            }
            if (!now.isBefore(token.expiresAt())) {
                return Refreshed.refused(RefreshOutcome.EXPIRED);
            }
            refreshTokens.markRotated(handle, token.id(), now);
            return new Refreshed(RefreshOutcome.ROTATED, issue(handle, token.userId(), token.familyId()));
        });
        return switch (result.outcome()) {
            case ROTATED -> result.tokens();
            case REUSED -> throw new ApiException(ErrorCode.invalid_refresh_token,
                "this refresh token was already used; every session of that login has been signed out, log in again");
            case EXPIRED -> throw new ApiException(ErrorCode.invalid_refresh_token, "the refresh token has expired; log in again");
            case UNKNOWN -> throw new ApiException(ErrorCode.invalid_refresh_token, "the refresh token is not valid; log in again");
        };
    }

    /**
     * Revokes the login the refresh token belongs to. Unknown and already revoked tokens are ignored, so logging out
     * twice is fine; they are found so on a read connection, since anyone may send one and a write takes the write
     * lock, and count against the client address's refreshes. A live token is always revoked: a limit must never keep
     * a login alive.
     */
    public void logout(RefreshRequest request, String clientAddress) {
        request.validate();
        String hash = Secrets.sha256Hex(request.refreshToken());
        boolean live = db.read(handle -> refreshTokens.findByHash(handle, hash))
            .filter(token -> token.revokedAt() == null).isPresent();
        if (!live) {
            rateLimiter.consume("refresh_ip", clientAddress);
            return;
        }
        Instant now = clock.instant();
        db.useWrite(handle -> refreshTokens.findByHash(handle, hash)
            .ifPresent(token -> refreshTokens.revokeFamily(handle, token.familyId(), now)));
    }

    /** Drops refresh tokens that expired over a day ago; run periodically. */
    public int purgeExpiredRefreshTokens() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        return db.write(handle -> refreshTokens.deleteExpiredBefore(handle, cutoff));
    }

    private TokenResponse issue(org.jdbi.v3.core.Handle handle, String userId, String familyId) {
        Instant now = clock.instant();
        String refreshToken = Secrets.randomToken(32);
        refreshTokens.insert(handle, Ids.next("rtk"), familyId, userId, Secrets.sha256Hex(refreshToken), now,
            now.plus(REFRESH_LIFETIME));
        return new TokenResponse(accessTokens.issue(userId), "Bearer", AccessTokens.LIFETIME.toSeconds(), refreshToken);
    }
}
