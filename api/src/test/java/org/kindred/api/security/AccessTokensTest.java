package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.testing.MutableClock;

class AccessTokensTest {
    private static final String ISSUER = "https://kindred.example.org";
    private static final String USER = "usr_01JD4Z8Q6K2V9X1M3N5P7R9T0W";

    @TempDir
    Path keysDirectory;

    private MutableClock clock;
    private SigningKeys keys;
    private AccessTokens tokens;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));
        keys = SigningKeys.loadOrCreate(keysDirectory);
        tokens = new AccessTokens(keys, ISSUER, clock);
    }

    @Test
    void verifyReturnsTheSubjectOfAnIssuedToken() {
        assertThat(tokens.verify(tokens.issue(USER))).isEqualTo(USER);
    }

    @Test
    void issuedTokenCarriesIssuerAudienceSubjectAndFifteenMinuteExpiry() {
        Jws<Claims> jws = Jwts.parser().verifyWith(keys.publicKey())
            .clock(() -> java.util.Date.from(clock.instant())).build()
            .parseSignedClaims(tokens.issue(USER));
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo("EdDSA");
        assertThat(jws.getHeader().getKeyId()).isEqualTo(keys.keyId());
        Claims claims = jws.getPayload();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly(AccessTokens.AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo(USER);
        assertThat(claims.getId()).startsWith("tok_");
        assertThat(claims.getIssuedAt().toInstant()).isEqualTo(clock.instant());
        assertThat(claims.getExpiration().toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void tokenIsStillValidOneSecondBeforeItExpires() {
        String token = tokens.issue(USER);
        clock.advance(AccessTokens.LIFETIME.minusSeconds(1));
        assertThat(tokens.verify(token)).isEqualTo(USER);
    }

    @Test
    void tokenIsRefusedOnceTheClockReachesItsExpiry() {
        String token = tokens.issue(USER);
        clock.advance(AccessTokens.LIFETIME);
        assertInvalid(token);
    }

    @Test
    void tokenIsRefusedAfterItExpired() {
        String token = tokens.issue(USER);
        clock.advance(AccessTokens.LIFETIME.plusSeconds(1));
        assertInvalid(token);
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        String token = new AccessTokens(keys, "https://elsewhere.example.org", clock).issue(USER);
        assertInvalid(token);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused(@TempDir Path otherDirectory) {
        String token = new AccessTokens(SigningKeys.loadOrCreate(otherDirectory), ISSUER, clock).issue(USER);
        assertInvalid(token);
    }

    @Test
    void keysAreReloadedFromTheirDirectory() {
        String token = tokens.issue(USER);
        AccessTokens reloaded = new AccessTokens(SigningKeys.loadOrCreate(keysDirectory), ISSUER, clock);
        assertThat(reloaded.verify(token)).isEqualTo(USER);
    }

    private void assertInvalid(String token) {
        assertThatThrownBy(() -> tokens.verify(token))
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.invalid_token));
    }
}
