package org.kindred.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kindred.api.ServeCommand.RunningServer;
import org.kindred.api.config.Config;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.TestServer;
import org.kindred.api.users.NewAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {
    private static final String EMAIL = "quiet.river@example.org";
    private static final String PASSWORD = "Sunlit meadow 4821 secret ";

    @TempDir
    Path directory;

    private Map<String, String> files;

    @BeforeEach
    void settings() {
        files = Map.of("KINDRED_DB", directory.resolve("kindred.db").toString(),
            "KINDRED_KEYS", directory.resolve("keys").toString());
    }

    @Test
    void serveCreatesTheFirstAdminFromTheEnvironmentOnlyOnce() {
        String first = serve(bootstrap(EMAIL, PASSWORD));
        String second = serve(bootstrap(EMAIL, PASSWORD));
        String otherEmail = serve(bootstrap("blue.heron@example.org", "Another password 77"));

        assertThat(first).contains("Created the first admin, " + EMAIL).doesNotContain(PASSWORD.strip());
        assertThat(second).doesNotContain("Created the first admin");
        assertThat(otherEmail).doesNotContain("Created the first admin");
        try (TestServer server = TestServer.start(files)) {
            HttpResult tokens = login(server, EMAIL, PASSWORD);
            assertThat(tokens.status()).isEqualTo(200);
            HttpResult me = server.http().bearer(tokens.text("/access_token")).get("/v1/me");
            assertThat(me.json().path("admin").asBoolean()).isTrue();
            assertThat(me.text("/email")).isEqualTo(EMAIL);

            assertThat(login(server, EMAIL, PASSWORD.strip()).code()).isEqualTo("invalid_credentials");
            HttpResult other = login(server, "blue.heron@example.org", "Another password 77");
            assertThat(other.status()).isEqualTo(401);
            assertThat(other.code()).isEqualTo("invalid_credentials");
        }
    }

    @Test
    void aBootstrapPasswordThatBreaksTheRulesStopsStartUpAndCreatesNobody() {
        Map<String, String> env = bootstrap(EMAIL, "tooshort");

        MainTest.Run run = MainTest.run(env, "", "serve");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(
            "kindred: KINDRED_ADMIN_EMAIL/KINDRED_ADMIN_PASSWORD: password must be at least 12 characters\n");
        assertThat(run.out()).doesNotContain("listening");
        try (TestServer server = TestServer.start(files)) {
            assertThat(login(server, EMAIL, "tooshort").code()).isEqualTo("invalid_credentials");
        }
    }

    @Test
    void aBootstrapEmailHeldByAnOrdinaryAccountIsNotPromoted() {
        try (TestServer server = TestServer.start(files)) {
            server.services().users().create(new NewAccount(EMAIL, TestServer.PASSWORD, "Quiet River", false));
        }

        MainTest.Run run = MainTest.run(bootstrap(EMAIL, PASSWORD), "", "serve");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("kindred: KINDRED_ADMIN_EMAIL/KINDRED_ADMIN_PASSWORD: an account with this email");
        try (TestServer server = TestServer.start(files)) {
            HttpResult tokens = login(server, EMAIL, TestServer.PASSWORD);
            HttpResult me = server.http().bearer(tokens.text("/access_token")).get("/v1/me");
            assertThat(me.json().path("admin").asBoolean()).isFalse();
            assertThat(login(server, EMAIL, PASSWORD).code()).isEqualTo("invalid_credentials");
        }
    }

    private Map<String, String> bootstrap(String email, String password) {
        Map<String, String> env = new HashMap<>(files);
        env.put("KINDRED_PORT", "0");
        env.put("KINDRED_ADMIN_EMAIL", email);
        env.put("KINDRED_ADMIN_PASSWORD", password);
        return env;
    }

    private static String serve(Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RunningServer running = ServeCommand.start(Config.load(env, List.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(running.port()).isPositive();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static HttpResult login(TestServer server, String email, String password) {
        return server.http().post("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }
}
