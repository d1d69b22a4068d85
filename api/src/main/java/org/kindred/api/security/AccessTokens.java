package org.kindred.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.kindred.api.db.Ids;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;

/**
 * Short-lived access tokens: EdDSA-signed JWTs with {@code iss}, {@code aud}, {@code sub}, {@code iat},
 * {@code exp} and {@code jti}. Verification demands our signature and algorithm, the issuer, the audience
 * and an expiry, and allows no clock skew.
 */
public final class AccessTokens {
    public static final String AUDIENCE = "kindred-api";
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final SigningKeys keys;
    private final String issuer;
    private final Clock clock;
    private final JwtParser parser;
    /**
     * Tokens whose signature and claims already verified: EdDSA verification is the costliest step of a request.
     * Kept for a lifetime past their expiry, so a client that goes on sending an expired token is told so from
     * memory: verifying it afresh made each such request cost some twenty times an accepted one.
     */
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfterWrite(LIFETIME.multipliedBy(2))
        .build();

    private record Verified(String userId, Instant expiresAt) {
    }

    public AccessTokens(SigningKeys keys, String issuer, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
        this.parser = Jwts.parser()
            .verifyWith(keys.publicKey())
            .requireIssuer(issuer)
            .requireAudience(AUDIENCE)
            .clock(() -> Date.from(clock.instant()))
            .build();
    }

    public String issue(String userId) {
        Instant now = clock.instant();
        return Jwts.builder()
            .header().keyId(keys.keyId()).and()
            .issuer(issuer)
            .audience().add(AUDIENCE).and()
            .subject(userId)
            .id(Ids.next("tok"))
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plus(LIFETIME)))
            .signWith(keys.privateKey(), Jwts.SIG.EdDSA)
            .compact();
    }

    /** The user id a valid token was issued to; anything else is a 401. */
    public String verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            known = verifySignatureAndClaims(token);
            verified.put(token, known);
        }
        if (!clock.instant().isBefore(known.expiresAt())) {
            throw invalid("the access token is not valid: it has expired; refresh it");
        }
        return known.userId();
    }

    private Verified verifySignatureAndClaims(String token) {
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (JwtException | IllegalArgumentException e) {
            throw invalid("the access token is not valid: " + reason(e));
        }
        if (!"EdDSA".equals(jws.getHeader().getAlgorithm())) {
            throw invalid("the access token is not signed with EdDSA");
        }
        Claims claims = jws.getPayload();
        if (claims.getExpiration() == null) {
            throw invalid("the access token has no expiry");
        }
        if (!clock.instant().isBefore(claims.getExpiration().toInstant())) {
            // jjwt still accepts a token at the instant of its exp; RFC 7519 says now must be before it
            throw invalid("the access token is not valid: it has expired; refresh it");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw invalid("the access token names no subject");
        }
        return new Verified(claims.getSubject(), claims.getExpiration().toInstant());
    }

    private static String reason(Exception e) {
        if (e instanceof io.jsonwebtoken.ExpiredJwtException) {
            return "it has expired; refresh it";
        }
        if (e instanceof io.jsonwebtoken.PrematureJwtException) {
            return "it is not valid yet";
        }
        if (e instanceof io.jsonwebtoken.IncorrectClaimException || e instanceof io.jsonwebtoken.MissingClaimException) {
            return "it was not issued for this API";
        }
        return "it is malformed or its signature does not verify";
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ErrorCode.invalid_token, detail);
    }
}
