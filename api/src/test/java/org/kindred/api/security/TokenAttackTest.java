package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kindred.api.db.Ids;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Forged, stale and misplaced credentials against GET and PATCH /v1/me: each is a 401 that reveals nothing. */
class TokenAttackTest {
    /** Test servers listen on port 0 and leave KINDRED_BASE_URL unset, so Config makes this the issuer. */
    private static final String ISSUER = "http://localhost:0";
    private static final String AUDIENCE = "kindred-api";

    private static TestServer server;
    private static Session victim;
    private static Session bystander;
    private static PrivateKey serverKey;
    private static PublicKey serverPublicKey;

    @BeforeAll
    static void start() throws IOException, GeneralSecurityException {
        server = TestServer.start();
        victim = server.newUser("Quiet River");
        bystander = server.newUser("Blue Heron");
        Path keys = server.directory().resolve("keys");
        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        serverKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(unpem(keys.resolve("signing-key.pem"))));
        serverPublicKey = ed25519.generatePublic(new X509EncodedKeySpec(unpem(keys.resolve("signing-key.pub.pem"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTokenForgedWithTheServersKeyIsAcceptedSoTheRefusalsBelowAreMeaningful() {
        HttpResult me = server.http().bearer(claimsFor(victim.userId()).signWith(serverKey, Jwts.SIG.EdDSA).compact())
            .get("/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/id")).isEqualTo(victim.userId());
    }

    @Test
    void noTokenIsUnauthorizedWithABearerChallenge() {
        HttpResult read = server.http().get("/v1/me");
        assertThat(read.status()).isEqualTo(401);
        assertThat(read.code()).isEqualTo("unauthorized");
        assertThat(read.header("WWW-Authenticate")).isEqualTo("Bearer");
        HttpResult write = server.http().patch("/v1/me", "{\"display_name\":\"Taken Over\"}");
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.code()).isEqualTo("unauthorized");
        assertThat(write.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    static Stream<Named<Supplier<String>>> forgedCredentials() {
        return Stream.of(
            attack("garbage bearer token", () -> "Bearer this-is-not-a-jwt"),
            attack("Bearer with no token", () -> "Bearer"),
            attack("Basic scheme", () -> "Basic " + base64(victim.email() + ":" + TestServer.PASSWORD)),
            attack("Basic xyz", () -> "Basic xyz"),
            attack("unsigned alg none", () -> bearer(claimsFor(victim.userId()).compact())),
            attack("signed with a different Ed25519 key", () -> bearer(claimsFor(victim.userId())
                .signWith(otherKeyPair().getPrivate(), Jwts.SIG.EdDSA).compact())),
            attack("different key announced in an embedded jwk header", () -> {
                KeyPair attacker = otherKeyPair();
                return bearer(claimsFor(victim.userId())
                    .header().jwk(Jwks.builder().key(attacker.getPublic()).build()).and()
                    .signWith(attacker.getPrivate(), Jwts.SIG.EdDSA).compact());
            }),
            attack("HS256 keyed with the server's public key (DER)", () -> bearer(claimsFor(victim.userId())
                .signWith(Keys.hmacShaKeyFor(serverPublicKey.getEncoded()), Jwts.SIG.HS256).compact())),
            attack("HS256 keyed with the server's public key (PEM)", () -> bearer(claimsFor(victim.userId())
                .signWith(Keys.hmacShaKeyFor(publicPem()), Jwts.SIG.HS256).compact())),
            attack("expired one second ago", () -> serverSigned(claimsFor(victim.userId())
                .issuedAt(Date.from(now().minus(Duration.ofMinutes(15)).minusSeconds(1)))
                .expiration(Date.from(now().minusSeconds(1))))),
            attack("not valid before a minute from now", () -> serverSigned(claimsFor(victim.userId())
                .notBefore(Date.from(now().plusSeconds(60))))),
            attack("no exp", () -> serverSigned(claimsFor(victim.userId()).expiration(null))),
            attack("no sub", () -> serverSigned(claimsFor(victim.userId()).subject(null))),
            attack("wrong iss", () -> serverSigned(claimsFor(victim.userId()).issuer("https://kindred.example.org"))),
            attack("no iss", () -> serverSigned(claimsFor(victim.userId()).issuer(null))),
            attack("wrong aud", () -> serverSigned(claimsFor(victim.userId())
                .audience().single("another-api"))),
            attack("no aud", () -> serverSigned(Jwts.builder().issuer(ISSUER).subject(victim.userId())
                .issuedAt(Date.from(now())).expiration(Date.from(now().plusSeconds(600))))),
            attack("payload tampered to another user, signature kept",
                () -> bearer(withSubject(victim.accessToken(), bystander.userId()))),
            attack("account that does not exist", () -> serverSigned(claimsFor(Ids.next("usr")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedCredentials")
    void readingMeWithAForgedCredentialIsInvalidTokenAndRevealsNothing(Supplier<String> authorization) {
        HttpResult refused = server.http().header("Authorization", authorization.get()).get("/v1/me");
        assertInvalidToken(refused);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedCredentials")
    void patchingMeWithAForgedCredentialIsInvalidTokenAndChangesNothing(Supplier<String> authorization) {
        HttpResult refused = server.http().header("Authorization", authorization.get())
            .patch("/v1/me", "{\"display_name\":\"Taken Over\"}");
        assertInvalidToken(refused);
        assertThat(victim.http().get("/v1/me").text("/display_name")).isEqualTo("Quiet River");
        assertThat(bystander.http().get("/v1/me").text("/display_name")).isEqualTo("Blue Heron");
    }

    @Test
    void aValidTokenInTheQueryStringIsRefused() {
        HttpResult read = server.http().get("/v1/me?access_token=" + victim.accessToken());
        assertInvalidToken(read);
        HttpResult write = server.http().patch("/v1/me?access_token=" + victim.accessToken(),
            "{\"display_name\":\"Taken Over\"}");
        assertInvalidToken(write);
        assertThat(victim.http().get("/v1/me").text("/display_name")).isEqualTo("Quiet River");
    }

    @Test
    void theTokenOfADeletedAccountStopsWorkingAtOnce() {
        Session gone = server.newUser("Fading Ember");
        assertThat(gone.http().get("/v1/me").status()).isEqualTo(200);
        server.services().db().useWrite(handle -> handle.execute("DELETE FROM users WHERE id = ?", gone.userId()));
        HttpResult refused = gone.http().get("/v1/me");
        assertInvalidToken(refused);
        assertThat(refused.body()).doesNotContain(gone.userId()).doesNotContain(gone.email())
            .doesNotContain("Fading Ember");
        HttpResult renewal = server.http().post("/v1/auth/refresh", "{\"refresh_token\":\"" + gone.refreshToken() + "\"}");
        assertThat(renewal.status()).isEqualTo(401);
        assertThat(renewal.code()).isEqualTo("invalid_refresh_token");
    }

    private static void assertInvalidToken(HttpResult refused) {
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("invalid_token");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.json().has("id")).isFalse();
        assertThat(refused.body())
            .doesNotContain(victim.userId()).doesNotContain(victim.email()).doesNotContain("Quiet River")
            .doesNotContain(bystander.userId()).doesNotContain(bystander.email()).doesNotContain("Blue Heron");
    }

    private static Named<Supplier<String>> attack(String name, Supplier<String> authorization) {
        return Named.of(name, authorization);
    }

    /** Everything a genuine token carries, valid for ten minutes; each attack takes one part away or changes it. */
    private static JwtBuilder claimsFor(String userId) {
        Instant now = now();
        return Jwts.builder()
            .issuer(ISSUER)
            .audience().add(AUDIENCE).and()
            .subject(userId)
            .id(Ids.next("tok"))
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plusSeconds(600)));
    }

    private static String serverSigned(JwtBuilder builder) {
        return bearer(builder.signWith(serverKey, Jwts.SIG.EdDSA).compact());
    }

    private static String withSubject(String token, String subject) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + subject + "\"");
        assertThat(changed).contains(subject);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static Instant now() {
        return server.services().clock().instant();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair otherKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] publicPem() {
        try {
            return Files.readAllBytes(server.directory().resolve("keys/signing-key.pub.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] unpem(Path file) throws IOException {
        String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }
}
