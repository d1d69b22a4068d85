package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;
import org.kindred.api.users.Account;

/** Each case starts its own server: buckets live in the server and would leak between tests. */
class RateLimitTest {
    private static final String WRONG = "not the right password";

    @Test
    void tenWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        try (TestServer server = TestServer.start()) {
            Account account = server.account("Quiet River", false);
            for (int i = 0; i < 10; i++) {
                assertThat(login(server, account.email(), WRONG).code()).as("attempt " + (i + 1))
                    .isEqualTo("invalid_credentials");
            }
            HttpResult locked = login(server, account.email(), TestServer.PASSWORD);
            assertRateLimited(locked);
            assertThat(Integer.parseInt(locked.header("Retry-After"))).isLessThanOrEqualTo(15 * 60);
            assertThat(locked.json().has("access_token")).isFalse();
        }
    }

    @Test
    void anotherAccountStillLogsInFromTheSameClient() {
        try (TestServer server = TestServer.start()) {
            Account attacked = server.account("Blue Heron", false);
            Account other = server.account("Morning Lark", false);
            for (int i = 0; i < 10; i++) {
                login(server, attacked.email(), WRONG);
            }
            assertRateLimited(login(server, attacked.email(), TestServer.PASSWORD));
            assertThat(login(server, other.email(), TestServer.PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void successfulLoginsDoNotUseUpTheAccountsAttempts() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "login_account=3/1m"))) {
            Account account = server.account("Steady Oak", false);
            for (int i = 0; i < 5; i++) {
                assertThat(login(server, account.email(), TestServer.PASSWORD).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void withLimitsOffThirtyWrongPasswordsAreEachJustRefused() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "off"))) {
            Account account = server.account("Still Water", false);
            for (int i = 0; i < 30; i++) {
                HttpResult refused = login(server, account.email(), WRONG);
                assertThat(refused.status()).as("attempt " + (i + 1)).isEqualTo(401);
                assertThat(refused.code()).isEqualTo("invalid_credentials");
            }
            assertThat(login(server, account.email(), TestServer.PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void aConfiguredAccountLimitRefusesTheFourthAttemptWhateverTheEmailsLetterCase() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "login_account=3/1m"))) {
            Account account = server.account("Amber Field", false);
            String email = account.email();
            for (String variant : List.of(email, email.toUpperCase(Locale.ROOT), " " + email + " ")) {
                assertThat(login(server, variant, WRONG).code()).isEqualTo("invalid_credentials");
            }
            HttpResult locked = login(server, email, TestServer.PASSWORD);
            assertRateLimited(locked);
            assertThat(Integer.parseInt(locked.header("Retry-After"))).isLessThanOrEqualTo(60);
        }
    }

    @Test
    void unknownEmailsAreLimitedLikeRealAccounts() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "login_account=3/1m"))) {
            String email = "nobody-" + System.nanoTime() + "@example.org";
            for (int i = 0; i < 3; i++) {
                assertThat(login(server, email, WRONG).code()).isEqualTo("invalid_credentials");
            }
            assertRateLimited(login(server, email, WRONG));
        }
    }

    @Test
    void concurrentWrongPasswordsCannotGetPastTheAccountLimit() throws Exception {
        try (TestServer server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "login_account=3/1m"))) {
            Account account = server.account("Swift Current", false);
            int attempts = 16;
            ExecutorService pool = Executors.newFixedThreadPool(attempts);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResult>> results = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return login(server, account.email(), WRONG);
                    }));
                }
                go.countDown();
                int verified = 0;
                int limited = 0;
                for (Future<HttpResult> result : results) {
                    int status = result.get().status();
                    verified += status == 401 ? 1 : 0;
                    limited += status == 429 ? 1 : 0;
                }
                assertThat(verified).as("passwords checked").isEqualTo(3);
                assertThat(limited).isEqualTo(attempts - 3);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void registrationIsLimitedPerClientAddress() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "register_ip=2/1h"))) {
            assertThat(register(server.http(), "first").status()).isEqualTo(201);
            assertThat(register(server.http().header("X-Forwarded-For", "203.0.113.7"), "second").status())
                .isEqualTo(201);
            String third = email("third");
            HttpResult refused = register(server.http().header("X-Forwarded-For", "198.51.100.9"), third);
            assertRateLimited(refused);
            HttpResult found = server.admin().http()
                .get("/v1/users?email=" + URLEncoder.encode(third, StandardCharsets.UTF_8));
            assertThat(found.json().path("data")).isEmpty();
        }
    }

    @Test
    void invitationRedemptionIsLimitedPerPerson() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "redeem_user=3/1m"))) {
            Session guesser = server.newUser("Guessing Crow");
            for (int i = 0; i < 3; i++) {
                HttpResult miss = redeem(guesser, "ZZZZ-ZZZZ-ZZZ" + i);
                assertThat(miss.status()).isEqualTo(404);
                assertThat(miss.code()).isEqualTo("not_found");
            }
            assertRateLimited(redeem(guesser, "ZZZZ-ZZZZ-ZZZ9"));
            HttpResult someoneElse = redeem(server.newUser("Patient Dove"), "ZZZZ-ZZZZ-ZZZ9");
            assertThat(someoneElse.status()).isEqualTo(404);
        }
    }

    @Test
    void refreshIsLimitedPerClientAddressEvenForAValidToken() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "refresh_ip=3/1m"))) {
            Session session = server.newUser("Harbor Light");
            for (int i = 0; i < 3; i++) {
                assertThat(refresh(server, "never-issued-" + i).code()).isEqualTo("invalid_refresh_token");
            }
            HttpResult refused = refresh(server, session.refreshToken());
            assertRateLimited(refused);
            assertThat(refused.json().has("access_token")).isFalse();
        }
    }

    @Test
    void logoutsOfUnknownOrRevokedTokensAreLimitedWithRefreshesButARealLogoutAlwaysWorks() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "refresh_ip=3/1m"))) {
            Session session = server.newUser("Harbor Light");
            for (int i = 0; i < 3; i++) {
                assertThat(logout(server, "never-issued-" + i).status()).isEqualTo(204);
            }
            assertRateLimited(logout(server, "never-issued-3"));
            assertRateLimited(refresh(server, "never-issued-4"));

            assertThat(logout(server, session.refreshToken()).status()).isEqualTo(204);
            assertRateLimited(logout(server, session.refreshToken()));
            int unrevoked = server.services().db().read(handle -> handle.createQuery(
                    "SELECT count(*) FROM refresh_tokens WHERE user_id = :user AND revoked_at IS NULL")
                .bind("user", session.userId())
                .mapTo(Integer.class)
                .one());
            assertThat(unrevoked).isZero();
        }
    }

    private static void assertRateLimited(HttpResult result) {
        assertThat(result.status()).isEqualTo(429);
        assertThat(result.code()).isEqualTo("rate_limited");
        assertThat(result.header("Retry-After")).matches("[1-9][0-9]*");
    }

    private static HttpResult login(TestServer server, String email, String password) {
        return server.http().post("/v1/auth/token",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static HttpResult logout(TestServer server, String refreshToken) {
        return server.http().post("/v1/auth/logout", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private static HttpResult refresh(TestServer server, String refreshToken) {
        return server.http().post("/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private static HttpResult redeem(Session session, String code) {
        return session.http().post("/v1/invitations/redeem", "{\"code\":\"" + code + "\"}");
    }

    private static HttpResult register(Http http, String handleOrEmail) {
        String email = handleOrEmail.contains("@") ? handleOrEmail : email(handleOrEmail);
        return http.post("/v1/auth/register",
            "{\"email\":\"" + email + "\",\"password\":\"a long passphrase\",\"display_name\":\"New Sparrow\"}");
    }

    private static String email(String handle) {
        return handle + "." + System.nanoTime() + "@example.org";
    }
}
