package org.kindred.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private static final String EMAIL = "quiet.river@example.org";
    private static final String PASSWORD = "Sunlit meadow 4821 secret";

    @TempDir
    Path directory;

    private Path database;
    private Map<String, String> env;

    @BeforeEach
    void settings() {
        database = directory.resolve("kindred.db");
        env = new HashMap<>(Map.of("KINDRED_DB", database.toString(), "KINDRED_KEYS", directory.resolve("keys").toString()));
    }

    @Test
    void adminCreateReadsThePasswordFromStandardInputAndTheAdminCanLogIn() {
        Run run = run(env, PASSWORD + "\n", "admin", "create", "--email", EMAIL, "--display-name", "Quiet River");

        assertThat(run.status).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).contains("Created admin " + EMAIL).contains(database.toString()).doesNotContain(PASSWORD);
        try (TestServer server = TestServer.start(env)) {
            HttpResult me = meAfterLogin(server, EMAIL, PASSWORD);
            assertThat(me.json().path("admin").asBoolean()).isTrue();
            assertThat(me.text("/display_name")).isEqualTo("Quiet River");
            assertThat(me.text("/email")).isEqualTo(EMAIL);
        }
    }

    @Test
    void adminCreateTakesThePasswordFromKindredAdminPassword() {
        env.put("KINDRED_ADMIN_PASSWORD", PASSWORD);

        Run run = run(env, "", "admin", "create", "--email=" + EMAIL);

        assertThat(run.status).isZero();
        assertThat(run.out).doesNotContain(PASSWORD);
        env.remove("KINDRED_ADMIN_PASSWORD");
        try (TestServer server = TestServer.start(env)) {
            HttpResult me = meAfterLogin(server, EMAIL, PASSWORD);
            assertThat(me.json().path("admin").asBoolean()).isTrue();
            assertThat(me.text("/display_name")).isEqualTo("Admin");
        }
    }

    @Test
    void adminCreateRefusesAPasswordOnTheCommandLine() {
        for (List<String> password : List.of(List.of("--password", PASSWORD), List.of("--password=" + PASSWORD))) {
            List<String> args = new java.util.ArrayList<>(List.of("admin", "create", "--email", EMAIL));
            args.addAll(password);

            Run run = run(env, PASSWORD + "\n", args.toArray(String[]::new));

            assertThat(run.status).isEqualTo(2);
            assertThat(run.err).startsWith("kindred: --password is not accepted")
                .contains("standard input", "KINDRED_ADMIN_PASSWORD")
                .doesNotContain(PASSWORD);
            assertThat(database).doesNotExist();
        }
    }

    @Test
    void adminCreateRefusesAShortPasswordAndCreatesNothing() {
        Run refused = run(env, "short1\n", "admin", "create", "--email", EMAIL);

        assertThat(refused.status).isEqualTo(2);
        assertThat(refused.err).isEqualTo("kindred: password must be at least 12 characters\n").doesNotContain("short1");
        assertThat(refused.out).isEmpty();
        assertThat(database).doesNotExist();

        assertThat(run(env, PASSWORD + "\n", "admin", "create", "--email", EMAIL).status).isZero();
    }

    @Test
    void adminCreateRefusesAnEmptyStandardInput() {
        Run run = run(env, "", "admin", "create", "--email", EMAIL);

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).contains("standard input", "KINDRED_ADMIN_PASSWORD");
        assertThat(database).doesNotExist();
    }

    @Test
    void adminCreateNeedsAnEmail() {
        Run missing = run(env, PASSWORD + "\n", "admin", "create");
        Run withoutValue = run(env, PASSWORD + "\n", "admin", "create", "--email");

        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.err).isEqualTo("kindred: admin create needs --email\n");
        assertThat(withoutValue.status).isEqualTo(2);
        assertThat(withoutValue.err).isEqualTo("kindred: --email needs a value\n");
        assertThat(database).doesNotExist();
    }

    @Test
    void adminCreateRefusesAnEmailThatIsTaken() {
        assertThat(run(env, PASSWORD + "\n", "admin", "create", "--email", EMAIL).status).isZero();

        Run again = run(env, "Another password 77\n", "admin", "create", "--email", EMAIL.toUpperCase());

        assertThat(again.status).isEqualTo(2);
        assertThat(again.err).startsWith("kindred: an account with this email already exists");
        try (TestServer server = TestServer.start(env)) {
            assertThat(meAfterLogin(server, EMAIL, PASSWORD).json().path("admin").asBoolean()).isTrue();
            HttpResult wrong = login(server, EMAIL, "Another password 77");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo("invalid_credentials");
        }
    }

    @Test
    void adminCreateRefusesAnUnknownOption() {
        Run run = run(env, PASSWORD + "\n", "admin", "create", "--email", EMAIL, "--role", "admin");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).startsWith("kindred: unknown option --role");
        assertThat(database).doesNotExist();
    }

    @Test
    void adminNeedsTheCreateSubcommand() {
        Run run = run(env, "", "admin", "delete");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).isEqualTo("kindred: admin takes one subcommand: create\n");
    }

    @Test
    void serveWithABadPortStopsWithOneLineNamingTheSetting() {
        env.put("KINDRED_PORT", "eighty");

        Run run = run(env, "", "serve");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).startsWith("kindred: KINDRED_PORT").contains("'eighty'").endsWith("\n");
        assertThat(run.err.lines()).hasSize(1);
        assertThat(run.out).isEmpty();
        assertThat(database).doesNotExist();
    }

    @Test
    void serveWithADatabaseInAMissingDirectoryStopsWithOneLine() {
        Path missing = directory.resolve("no-such-dir").resolve("kindred.db");
        env.put("KINDRED_DB", missing.toString());
        env.put("KINDRED_PORT", "0");

        Run run = run(env, "", "serve");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).startsWith("kindred: cannot open database " + missing);
        assertThat(run.err.lines()).hasSize(1);
    }

    @Test
    void serveOnAFileThatIsNotADatabaseStopsWithOneLineAndLeavesItAlone() throws IOException {
        Path notes = Files.writeString(directory.resolve("notes.txt"), "Blue Heron's shopping list, not a database\n");
        env.put("KINDRED_DB", notes.toString());
        env.put("KINDRED_PORT", "0");

        Run run = run(env, "", "serve");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).startsWith("kindred: cannot open database " + notes);
        assertThat(run.err.lines()).hasSize(1);
        assertThat(notes).hasContent("Blue Heron's shopping list, not a database");
    }

    @Test
    void serveWithAKeysPathThatIsAFileStopsWithOneLine() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("keys-file"), "not keys");
        env.put("KINDRED_KEYS", notADirectory.toString());
        env.put("KINDRED_PORT", "0");

        Run run = run(env, "", "serve");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).startsWith("kindred: cannot use keys directory " + notADirectory);
        assertThat(run.err.lines()).hasSize(1);
    }

    @Test
    void flagsWithoutACommandMeanServe() {
        Run run = run(env, "", "--port", "70000");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).startsWith("kindred: KINDRED_PORT");
    }

    @Test
    void helpPrintsUsage() {
        for (String help : List.of("help", "--help", "-h")) {
            Run run = run(env, "", help);

            assertThat(run.status).isZero();
            assertThat(run.err).isEmpty();
            assertThat(run.out).startsWith("usage:").contains("serve", "--demo", "admin create --email",
                "KINDRED_ADMIN_PASSWORD");
        }
    }

    @Test
    void unknownCommandPrintsUsageOnStandardError() {
        Run run = run(env, "", "migrate");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).startsWith("kindred: unknown command migrate").contains("usage:");
        assertThat(run.out).isEmpty();
    }

    private static HttpResult login(TestServer server, String email, String password) {
        return server.http().post("/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static HttpResult meAfterLogin(TestServer server, String email, String password) {
        HttpResult tokens = login(server, email, password);
        assertThat(tokens.status()).as("login of %s: %s", email, tokens).isEqualTo(200);
        HttpResult me = server.http().bearer(tokens.text("/access_token")).get("/v1/me");
        assertThat(me.status()).isEqualTo(200);
        return me;
    }

    static Run run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int status, String out, String err) {
    }
}
