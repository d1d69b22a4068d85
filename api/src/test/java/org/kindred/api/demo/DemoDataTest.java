package org.kindred.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.kindred.api.Main;
import org.kindred.api.ServeCommand;
import org.kindred.api.ServeCommand.RunningServer;
import org.kindred.api.config.Config;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.SpecValidator;
import org.kindred.api.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {
    private static final Pattern LOGIN_LINE = Pattern.compile("(?m)^\\s+(\\S+@demo\\.kindred\\.dev)\\s+(\\S+)\\s+\\((.+)\\)$");
    private static final List<String> ACTIVE = List.of("harbor-peer-circle", "grief-to-growth");
    private static final String DRAFT = "steady-steps";

    @TempDir
    static Path directory;

    private static Map<String, String> env;
    private static String seedOutput;
    private static RunningServer running;
    private static TestServer server;

    @BeforeAll
    static void seed() {
        env = settings(directory);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        running = ServeCommand.start(Config.load(env, List.of("--demo")), new PrintStream(out, true, StandardCharsets.UTF_8));
        seedOutput = out.toString(StandardCharsets.UTF_8);
        server = TestServer.start(env);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (running != null) {
            running.close();
        }
    }

    @Test
    void seedingPrintsTheDemoLogins() {
        assertThat(seedOutput).contains("Demo data created in " + directory.resolve("kindred-demo.db"));
        assertThat(logins(seedOutput)).extracting(DemoLogin::email).containsExactlyInAnyOrder(
            "admin@demo.kindred.dev", "coordinator@demo.kindred.dev", "mentor@demo.kindred.dev",
            "participant@demo.kindred.dev", "peer@demo.kindred.dev", "mentor2@demo.kindred.dev", "mentor3@demo.kindred.dev",
            "alumni@demo.kindred.dev");
        assertThat(logins(seedOutput)).extracting(DemoLogin::password).containsOnly(DemoData.PASSWORD);
        assertThat(seedOutput).contains("Kindred is listening on http://localhost:" + running.port());
    }

    @Test
    void everyPrintedLoginWorks() {
        List<DemoLogin> logins = logins(seedOutput);
        assertThat(logins).hasSize(8);
        for (DemoLogin login : logins) {
            HttpResult tokens = server.http().post("/v1/auth/token",
                "{\"email\":\"" + login.email() + "\",\"password\":\"" + login.password() + "\"}");
            assertThat(tokens.status()).as(login.email()).isEqualTo(200);
            assertThat(tokens.text("/token_type")).isEqualTo("Bearer");
        }
    }

    @Test
    void demoAdminIsAnAdmin() {
        HttpResult me = signedIn("admin@demo.kindred.dev").get("/v1/me");

        assertThat(me.json().path("admin").asBoolean()).isTrue();
        assertThat(me.text("/display_name")).isEqualTo("Kindred Admin");
    }

    @Test
    void demoParticipantIsEnrolledInHarbor() {
        HttpResult me = signedIn("participant@demo.kindred.dev").get("/v1/me");

        assertThat(me.json().path("admin").asBoolean()).isFalse();
        assertThat(me.json().path("memberships")).hasSize(1);
        assertThat(me.text("/memberships/0/role")).isEqualTo("participant");
        assertThat(me.text("/memberships/0/enrollment_status")).isEqualTo("enrolled");
    }

    @Test
    void demoCoordinatorSeesTheirThreeProgramsOnMe() {
        HttpResult me = signedIn("coordinator@demo.kindred.dev").get("/v1/me");

        assertThat(me.json().path("memberships").findValuesAsText("role")).containsExactly("coordinator", "coordinator",
            "coordinator");
        assertThat(me.json().path("memberships").get(0).path("enrollment_status").isNull()).isTrue();
    }

    @Test
    void theStartedServerServesTheDemoDirectory() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + running.port() + "/v1/programs")).build(),
            HttpResponse.BodyHandlers.ofString());

        SpecValidator.get().check("GET", "/v1/programs", response.statusCode(), response.headers().map(), response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(ACTIVE.get(0), ACTIVE.get(1)).doesNotContain(DRAFT);
    }

    @Test
    void anonymousDirectoryListsTheTwoActiveProgramsButNotTheDraft() {
        HttpResult list = server.http().get("/v1/programs");

        assertThat(list.status()).isEqualTo(200);
        assertThat(slugs(list)).containsExactlyInAnyOrderElementsOf(ACTIVE);
        assertThat(list.json().path("data").findValuesAsText("status")).containsOnly("active");
        assertThat(list.body()).doesNotContain("Steady Steps").doesNotContain("@demo.kindred.dev");
    }

    @Test
    void demoCoordinatorSeesTheDraft() {
        Http coordinator = signedIn("coordinator@demo.kindred.dev");

        HttpResult list = coordinator.get("/v1/programs");

        assertThat(slugs(list)).containsExactlyInAnyOrder(ACTIVE.get(0), ACTIVE.get(1), DRAFT);
        HttpResult draft = coordinator.get("/v1/programs/" + draftId());
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.text("/status")).isEqualTo("draft");
    }

    @Test
    void demoVenuesAroundChicagoIncludeAStepFreeDogFriendlyOneAndHideTheClosedOne() {
        HttpResult near = server.http().get("/v1/venues?near=41.88,-87.63&radius_km=20&limit=100");
        assertThat(near.json().path("data")).hasSize(5);
        HttpResult dogsStepFree = server.http().get("/v1/venues?near=41.88,-87.63&radius_km=20&species=dog&step_free=true");
        assertThat(dogsStepFree.json().path("data")).extracting(v -> v.path("name").asText())
            .containsExactly("Lakeside Community Room");
        HttpResult staffView = signedIn("coordinator@demo.kindred.dev").get("/v1/venues?status=closed");
        assertThat(staffView.json().path("data")).extracting(v -> v.path("name").asText())
            .containsExactlyInAnyOrder("Old Town Studio", "Atelier am Kanal");
    }

    @Test
    void demoGroupsCoverEveryFormatAndTheFeedListsTheWeeklyOnes() {
        HttpResult groups = server.http().get("/v1/groups?limit=100");
        assertThat(groups.json().path("data")).extracting(g -> g.path("format").asText())
            .contains("in_person", "virtual", "hybrid");
        assertThat(groups.body()).doesNotContain("meet.example.org");
        HttpResult feed = server.http().get("/v1/feeds/meeting-guide.json");
        assertThat(feed.json()).extracting(m -> m.path("name").asText()).containsExactlyInAnyOrder(
            "Monday Evening Circle", "Thursday Lunch Check-in", "Online Grief Circle");
        String monday = signedIn("participant@demo.kindred.dev").get("/v1/groups?q=Monday").text("/data/0/id");
        HttpResult sessions = server.http().get("/v1/groups/" + monday + "/sessions?limit=1");
        assertThat(sessions.json().at("/data/0/in_person/going").asInt()).isEqualTo(1);
        assertThat(sessions.json().at("/data/0/online/going").asInt()).isEqualTo(1);
    }

    @Test
    void demoMentorsIncludeOneWithRoomOneFullAndOnePausedAndTheParticipantIsMatched() {
        Http participant = signedIn("participant@demo.kindred.dev");
        HttpResult mentors = participant.get("/v1/mentors?limit=100");
        assertThat(mentors.json().path("data")).extracting(m -> m.path("display_name").asText() + "/"
                + m.path("status").asText() + "/" + m.path("free_capacity").asInt())
            .containsExactlyInAnyOrder("Steady Oak/active/2", "Bright Harbor/active/0", "Quiet Lantern/paused/0");
        String program = participant.get("/v1/programs?q=Harbor").text("/data/0/id");
        HttpResult matches = participant.get("/v1/programs/" + program + "/mentor-matches");
        assertThat(matches.json().path("data")).extracting(m -> m.path("display_name").asText())
            .containsExactly("Steady Oak");
        HttpResult continuing = signedIn("alumni@demo.kindred.dev").get("/v1/mentorships");
        assertThat(continuing.json().at("/data/0/status").asText()).isEqualTo("continuing");
        assertThat(signedIn("coordinator@demo.kindred.dev").get("/v1/mentorships?status=continuing").json().path("data"))
            .isEmpty();
    }

    @Test
    void demoCheckinsSpanWeeksWithASharedSmallVictoryEncouragedAndAnAcknowledgedAlert() {
        Http participant = signedIn("participant@demo.kindred.dev");
        HttpResult own = participant.get("/v1/checkins?limit=100");
        assertThat(own.json().path("data")).hasSize(13);
        String program = participant.get("/v1/programs?q=Harbor").text("/data/0/id");
        String fern = own.text("/data/0/participant_id");
        HttpResult progress = participant.get("/v1/participants/" + fern + "/progress?program_id=" + program);
        assertThat(progress.json().path("weeks").size()).isGreaterThanOrEqualTo(4);
        assertThat(progress.json().at("/who5/meaningful").asBoolean()).isTrue();

        HttpResult celebrations = signedIn("peer@demo.kindred.dev").get("/v1/programs/" + program + "/celebrations");
        assertThat(celebrations.json().path("data")).hasSize(1);
        String victory = celebrations.text("/data/0/checkin_id");
        assertThat(participant.get("/v1/checkins/" + victory + "/encouragements").json().path("data")).hasSize(1);

        HttpResult mentorView = signedIn("mentor@demo.kindred.dev").get("/v1/checkins?participant_id=" + fern + "&limit=100");
        assertThat(mentorView.json().path("data")).extracting(c -> c.path("visibility").asText())
            .isNotEmpty().allMatch(v -> v.equals("mentor") || v.equals("group"));

        HttpResult alerts = signedIn("coordinator@demo.kindred.dev").get("/v1/alerts?acknowledged=true");
        assertThat(alerts.json().path("data")).hasSize(1);
        assertThat(alerts.body()).doesNotContain("Evening notes");
    }

    @Test
    void participantAndAnonymousCannotSeeTheDraft() {
        Http participant = signedIn("participant@demo.kindred.dev");
        String draftId = draftId();

        assertThat(slugs(participant.get("/v1/programs"))).containsExactlyInAnyOrderElementsOf(ACTIVE);
        for (Http caller : List.of(participant, server.http())) {
            HttpResult draft = caller.get("/v1/programs/" + draftId);
            assertThat(draft.status()).isEqualTo(404);
            assertThat(draft.code()).isEqualTo("not_found");
            assertThat(draft.body()).doesNotContain("Steady Steps").doesNotContain("Riverside");
        }
    }

    @Test
    void startingAgainOnTheSameFileDoesNotSeedTwice(@TempDir Path own) {
        Map<String, String> settings = settings(own);
        String first = start(settings);
        int programsAfterFirst = programCount(settings);

        String second = start(settings);

        assertThat(first).contains("Demo data created");
        assertThat(second).contains("Using the existing demo database " + own.resolve("kindred-demo.db"))
            .doesNotContain("Demo data created");
        assertThat(programsAfterFirst).isEqualTo(3);
        assertThat(programCount(settings)).isEqualTo(3);
    }

    @Test
    void demoIsRefusedOnADatabaseHoldingRealData(@TempDir Path own) {
        Path file = own.resolve("real.db");
        Map<String, String> settings = Map.of("KINDRED_DB", file.toString(), "KINDRED_KEYS", own.resolve("keys").toString(),
            "KINDRED_PORT", "0");
        assertThat(runMain(settings, "Sunlit meadow 4821 secret\n", "admin", "create", "--email", "blue.heron@example.org")
            .get(0)).isEqualTo("0");

        List<String> refused = runMain(settings, "", "serve", "--demo");

        assertThat(refused.get(0)).isEqualTo("2");
        assertThat(refused.get(2)).startsWith("kindred: --demo: " + file + " holds real data");
        assertThat(refused.get(1)).doesNotContain("Demo data created").doesNotContain("listening");
        try (TestServer onFile = TestServer.start(Map.of("KINDRED_DB", file.toString(),
                "KINDRED_KEYS", own.resolve("keys").toString()))) {
            assertThat(slugs(onFile.http().get("/v1/programs"))).isEmpty();
            HttpResult demoAdmin = onFile.http().post("/v1/auth/token",
                "{\"email\":\"admin@demo.kindred.dev\",\"password\":\"" + DemoData.PASSWORD + "\"}");
            assertThat(demoAdmin.status()).isEqualTo(401);
            assertThat(demoAdmin.code()).isEqualTo("invalid_credentials");
        }
    }

    private static Map<String, String> settings(Path dir) {
        return Map.of("KINDRED_PORT", "0", "KINDRED_DB", dir.resolve("kindred-demo.db").toString(),
            "KINDRED_KEYS", dir.resolve("keys").toString(), "KINDRED_DURABILITY", "normal");
    }

    private static String start(Map<String, String> settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RunningServer started = ServeCommand.start(Config.load(settings, List.of("--demo")),
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(started.port()).isPositive();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int programCount(Map<String, String> settings) {
        try (TestServer onFile = TestServer.start(settings)) {
            HttpResult tokens = onFile.http().post("/v1/auth/token",
                "{\"email\":\"admin@demo.kindred.dev\",\"password\":\"" + DemoData.PASSWORD + "\"}");
            return slugs(onFile.http().bearer(tokens.text("/access_token")).get("/v1/programs?limit=100")).size();
        }
    }

    private static List<String> runMain(Map<String, String> settings, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), settings, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return List.of(String.valueOf(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Http signedIn(String email) {
        HttpResult tokens = server.http().post("/v1/auth/token",
            "{\"email\":\"" + email + "\",\"password\":\"" + DemoData.PASSWORD + "\"}");
        assertThat(tokens.status()).isEqualTo(200);
        return server.http().bearer(tokens.text("/access_token"));
    }

    private static String draftId() {
        HttpResult list = signedIn("admin@demo.kindred.dev").get("/v1/programs?status=draft");
        JsonNode draft = list.json().path("data").get(0);
        assertThat(draft.path("slug").asText()).isEqualTo(DRAFT);
        return draft.path("id").asText();
    }

    private static List<String> slugs(HttpResult list) {
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("has_more").asBoolean()).isFalse();
        return StreamSupport.stream(list.json().path("data").spliterator(), false)
            .map(program -> program.path("slug").asText())
            .toList();
    }

    private static List<DemoLogin> logins(String output) {
        List<DemoLogin> logins = new ArrayList<>();
        Matcher m = LOGIN_LINE.matcher(output);
        while (m.find()) {
            logins.add(new DemoLogin(m.group(1), m.group(2), m.group(3)));
        }
        return logins;
    }
}
