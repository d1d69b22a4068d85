package org.kindred.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Token lifetimes, reached by moving the server's clock. Each test moves it forward, so each gets its own users. */
class TokenExpiryTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(), CLOCK);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAccessTokenWorksForFifteenMinutesAndNotAMomentLonger() {
        Session river = server.newUser("Quiet River");
        CLOCK.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(river.http().get("/v1/me").status()).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(1));
        HttpResult expired = river.http().get("/v1/me");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("invalid_token");
        assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(expired.body()).doesNotContain(river.email()).doesNotContain("Quiet River");
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithTheRefreshToken() {
        Session heron = server.newUser("Blue Heron");
        CLOCK.advance(Duration.ofHours(1));
        assertThat(heron.http().get("/v1/me").code()).isEqualTo("invalid_token");
        HttpResult renewed = refresh(heron.refreshToken());
        assertThat(renewed.status()).isEqualTo(200);
        HttpResult me = server.http().bearer(renewed.text("/access_token")).get("/v1/me");
        assertThat(me.text("/id")).isEqualTo(heron.userId());
    }

    @Test
    void aRefreshTokenExpiresAfterThirtyDays() {
        Session lark = server.newUser("Morning Lark");
        Session wren = server.newUser("Evening Wren");
        CLOCK.advance(Duration.ofDays(30).minusMinutes(1));
        assertThat(refresh(lark.refreshToken()).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(1));
        HttpResult expired = refresh(wren.refreshToken());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("invalid_refresh_token");
        assertThat(expired.json().has("access_token")).isFalse();
    }

    private static HttpResult refresh(String refreshToken) {
        return server.http().post("/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }
}
