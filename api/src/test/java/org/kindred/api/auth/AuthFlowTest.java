package org.kindred.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.TestServer;
import org.kindred.api.users.Account;

class AuthFlowTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginReturnsABearerAccessTokenForFifteenMinutesAndARefreshToken() {
        Account account = server.account("Quiet River", false);
        HttpResult tokens = login(account.email(), TestServer.PASSWORD);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.text("/token_type")).isEqualTo("Bearer");
        assertThat(tokens.json().path("expires_in").isInt()).isTrue();
        assertThat(tokens.json().path("expires_in").asInt()).isEqualTo(900);
        assertThat(tokens.text("/access_token").split("\\.")).hasSize(3);
        assertThat(tokens.text("/refresh_token")).isNotBlank().isNotEqualTo(tokens.text("/access_token"));
        assertThat(tokens.header("Cache-Control")).isEqualTo("no-store");
        assertThat(idOf(tokens.text("/access_token"))).isEqualTo(account.id());
        JsonNode claims = claimsOf(tokens.text("/access_token"));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
    }

    @Test
    void loginRefusesAPasswordLongerThanTheContractAllows() {
        Account account = server.account("Long Shadow", false);
        HttpResult refused = login(account.email(), "p".repeat(1025));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.json().findValuesAsText("field")).containsExactly("password");
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        Account account = server.account("Blue Heron", false);
        HttpResult refused = login(account.email(), TestServer.PASSWORD + "!");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("invalid_credentials");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
        assertThat(refused.json().has("access_token")).isFalse();
        assertThat(refused.body()).doesNotContain(account.id()).doesNotContain("Blue Heron");
    }

    @Test
    void unknownEmailGetsExactlyTheAnswerOfAWrongPassword() {
        Account account = server.account("Still Water", false);
        HttpResult wrongPassword = login(account.email(), "not the password at all");
        HttpResult unknownEmail = login("nobody-" + System.nanoTime() + "@example.org", "not the password at all");
        assertThat(unknownEmail.status()).isEqualTo(401).isEqualTo(wrongPassword.status());
        assertThat(unknownEmail.code()).isEqualTo("invalid_credentials");
        for (String field : new String[] {"type", "title", "status", "detail", "code", "errors"}) {
            assertThat(unknownEmail.json().get(field)).as(field).isEqualTo(wrongPassword.json().get(field));
        }
        assertThat(unknownEmail.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
    }

    @Test
    void loginIgnoresTheLetterCaseOfTheEmail() {
        Account account = server.account("Morning Lark", false);
        HttpResult tokens = login(account.email().toUpperCase(Locale.ROOT), TestServer.PASSWORD);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(idOf(tokens.text("/access_token"))).isEqualTo(account.id());
    }

    @Test
    void refreshIssuesNewTokensAndTheNewRefreshTokenWorks() {
        Account account = server.account("Cedar Path", false);
        String first = loginRefreshToken(account);
        HttpResult second = refresh(first);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("/token_type")).isEqualTo("Bearer");
        assertThat(second.header("Cache-Control")).isEqualTo("no-store");
        assertThat(second.text("/refresh_token")).isNotEqualTo(first);
        assertThat(idOf(second.text("/access_token"))).isEqualTo(account.id());
        HttpResult third = refresh(second.text("/refresh_token"));
        assertThat(third.status()).isEqualTo(200);
        assertThat(idOf(third.text("/access_token"))).isEqualTo(account.id());
    }

    @Test
    void aRefreshTokenWorksOnlyOnce() {
        String first = loginRefreshToken(server.account("Gentle Tide", false));
        assertThat(refresh(first).status()).isEqualTo(200);
        HttpResult again = refresh(first);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("invalid_refresh_token");
        assertThat(again.header("Cache-Control")).isEqualTo("no-store");
        assertThat(again.json().has("access_token")).isFalse();
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheNewestTokenOfThatLogin() {
        String first = loginRefreshToken(server.account("Silver Birch", false));
        String second = refresh(first).text("/refresh_token");
        assertThat(refresh(first).code()).isEqualTo("invalid_refresh_token");
        HttpResult newest = refresh(second);
        assertThat(newest.status()).isEqualTo(401);
        assertThat(newest.code()).isEqualTo("invalid_refresh_token");
    }

    @Test
    void reuseInOneLoginLeavesTheSamePersonsOtherLoginSignedIn() {
        Account account = server.account("Amber Field", false);
        String phone = loginRefreshToken(account);
        String laptop = loginRefreshToken(account);
        refresh(phone);
        assertThat(refresh(phone).status()).isEqualTo(401);
        HttpResult other = refresh(laptop);
        assertThat(other.status()).isEqualTo(200);
        assertThat(refresh(other.text("/refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void unknownRefreshTokenIsInvalidRefreshToken() {
        HttpResult refused = refresh("not-a-refresh-token-we-issued");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("invalid_refresh_token");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String token = loginRefreshToken(server.account("Evening Star", false));
        HttpResult logout = logout(token);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Cache-Control")).isEqualTo("no-store");
        HttpResult refused = refresh(token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("invalid_refresh_token");
    }

    @Test
    void logoutRevokesEveryTokenRotatedFromThatLogin() {
        String first = loginRefreshToken(server.account("Willow Bend", false));
        String second = refresh(first).text("/refresh_token");
        assertThat(logout(first).status()).isEqualTo(204);
        assertThat(refresh(second).code()).isEqualTo("invalid_refresh_token");
    }

    @Test
    void logoutLeavesTheSamePersonsOtherLoginSignedIn() {
        Account account = server.account("Harbor Light", false);
        String phone = loginRefreshToken(account);
        String laptop = loginRefreshToken(account);
        assertThat(logout(phone).status()).isEqualTo(204);
        assertThat(refresh(laptop).status()).isEqualTo(200);
    }

    @Test
    void logoutOfAnUnknownOrAlreadyRevokedTokenIsNoContent() {
        assertThat(logout("never-issued-by-this-server").status()).isEqualTo(204);
        String token = loginRefreshToken(server.account("Mossy Stone", false));
        assertThat(logout(token).status()).isEqualTo(204);
        assertThat(logout(token).status()).isEqualTo(204);
    }

    @Test
    void registerCreatesTheAccountAndReturnsMe() {
        String email = uniqueEmail("Quiet.Meadow");
        HttpResult created = register(body("email", email, "password", "twelve chars", "display_name", "Quiet Meadow"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/me");
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        JsonNode me = created.json();
        assertThat(me.path("id").asText()).startsWith("usr_");
        assertThat(me.path("email").asText()).isEqualTo(email);
        assertThat(me.path("display_name").asText()).isEqualTo("Quiet Meadow");
        assertThat(me.path("admin").asBoolean(true)).isFalse();
        assertThat(me.path("memberships").isEmpty()).isTrue();
        HttpResult tokens = login(email, "twelve chars");
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(idOf(tokens.text("/access_token"))).isEqualTo(me.path("id").asText());
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
            Arguments.of("password of 11 characters", change(r -> r.put("password", "eleven char")), "password",
                "too_short"),
            Arguments.of("email without @", change(r -> r.put("email", r.get("email").toString().replace('@', '.'))),
                "email", "invalid_format"),
            Arguments.of("no display name", change(r -> r.remove("display_name")), "display_name", "required"),
            Arguments.of("admin flag", change(r -> r.put("admin", true)), "admin", "unknown_property"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void invalidRegistrationNamesTheFieldAndCreatesNothing(String why, UnaryOperator<Map<String, Object>> change,
                                                           String field, String code) {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("email", uniqueEmail("quiet.brook"),
            "password", "a long passphrase", "display_name", "Quiet Brook"));
        String sentEmail = (String) change.apply(request).get("email");
        HttpResult refused = register(json(request));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.json().findValuesAsText("field")).containsExactly(field);
        assertThat(refused.text("/errors/0/code")).isEqualTo(code);
        assertThat(refused.body()).doesNotContain("usr_");
        assertNoAccount(sentEmail);
        assertThat(login(sentEmail, "a long passphrase").status()).isEqualTo(401);
    }

    private static UnaryOperator<Map<String, Object>> change(Consumer<Map<String, Object>> edit) {
        return request -> {
            edit.accept(request);
            return request;
        };
    }

    @Test
    void invalidRegistrationNamesEveryFieldAtOnce() {
        HttpResult refused = register(body("email", "not an email", "password", "eleven char"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.json().findValuesAsText("field"))
            .containsExactlyInAnyOrder("email", "password", "display_name");
    }

    @Test
    void registeringAnEmailTakenInOtherLetterCaseIsEmailTakenAndChangesNothing() {
        Account existing = server.account("Lantern Keeper", false);
        HttpResult refused = register(body("email", existing.email().toUpperCase(Locale.ROOT),
            "password", "another long passphrase", "display_name", "Impostor Moth"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("email_taken");
        assertThat(refused.body()).doesNotContain(existing.id()).doesNotContain("Lantern Keeper");
        assertThat(login(existing.email(), "another long passphrase").status()).isEqualTo(401);
        HttpResult found = server.admin().http().get("/v1/users?email=" + encode(existing.email()));
        assertThat(found.json().path("data")).hasSize(1);
        assertThat(found.text("/data/0/id")).isEqualTo(existing.id());
        assertThat(found.text("/data/0/display_name")).isEqualTo("Lantern Keeper");
        assertThat(login(existing.email(), TestServer.PASSWORD).status()).isEqualTo(200);
    }

    private static void assertNoAccount(String email) {
        HttpResult found = server.admin().http().get("/v1/users?email=" + encode(email));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("data")).isEmpty();
    }

    private static JsonNode claimsOf(String accessToken) {
        try {
            return MAPPER.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String idOf(String accessToken) {
        return server.http().bearer(accessToken).get("/v1/me").text("/id");
    }

    private static String loginRefreshToken(Account account) {
        HttpResult tokens = login(account.email(), TestServer.PASSWORD);
        assertThat(tokens.status()).isEqualTo(200);
        return tokens.text("/refresh_token");
    }

    private static HttpResult login(String email, String password) {
        return server.http().post("/v1/auth/token", body("email", email, "password", password));
    }

    private static HttpResult refresh(String refreshToken) {
        return server.http().post("/v1/auth/refresh", body("refresh_token", refreshToken));
    }

    private static HttpResult logout(String refreshToken) {
        return server.http().post("/v1/auth/logout", body("refresh_token", refreshToken));
    }

    private static HttpResult register(String json) {
        return server.http().post("/v1/auth/register", json);
    }

    private static String uniqueEmail(String handle) {
        return handle + "." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@example.org";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String body(String... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return json(map);
    }

    private static String json(Map<String, Object> map) {
        try {
            return MAPPER.writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
