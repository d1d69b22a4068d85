package org.kindred.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Single cases the fuzz tests found, kept as plain regression tests. */
class RefusedInputTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "off"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void enumValueWithSurroundingSpaceIsRefusedAndGrantsNothing() {
        Session coordinator = server.newUser("Quiet River");
        String programId = ProgramFixtures.active(server, "open");
        ProgramFixtures.grant(server, programId, coordinator, "coordinator");
        Session person = server.newUser("Open Meadow");

        for (String role : new String[] {" coordinator", "coordinator ", "\\tmentor", "participant\\n"}) {
            HttpResult result = coordinator.http().post("/v1/programs/" + programId + "/members",
                "{\"user_id\": \"" + person.userId() + "\", \"role\": \"" + role + "\"}");

            assertThat(result.status()).as(role + " " + result).isEqualTo(400);
            assertThat(result.text("/errors/0/field")).isEqualTo("role");
            assertThat(result.text("/errors/0/code")).isEqualTo("invalid_value");
        }
        assertThat(person.http().get("/v1/me").json().path("memberships")).isEmpty();
    }

    @Test
    void bodyThatIsNotUtf8IsRefusedAsMalformedAndChangesNothing() {
        Session person = server.newUser("Quiet Brook");
        byte[][] notUtf8 = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};

        for (byte[] bytes : notUtf8) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"display_name\": \"a".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
            HttpResult result = person.http().send("PATCH", "/v1/me", body.toByteArray(),
                "application/merge-patch+json");

            assertThat(result.status()).as(HexFormat.of().formatHex(bytes) + " " + result).isEqualTo(400);
            assertThat(result.code()).isEqualTo("malformed_json");
        }
        assertThat(person.http().get("/v1/me").text("/display_name")).isEqualTo("Quiet Brook");
    }

    @Test
    void searchTextWithAControlCharacterIsRefusedByName() {
        Session admin = server.admin();

        for (String path : new String[] {"/v1/venues?q=%00", "/v1/venues?q=harbor%00", "/v1/programs?q=%00",
            "/v1/groups?q=a%1Bb"}) {
            HttpResult result = admin.http().get(path);

            assertThat(result.status()).as(path + " " + result).isEqualTo(400);
            assertThat(result.text("/errors/0/field")).isEqualTo("q");
            assertThat(result.text("/errors/0/code")).isEqualTo("invalid_format");
        }
    }

    @Test
    void searchTextIsMeasuredInCharactersNotUtf16Units() {
        String emoji = "%F0%9F%8C%8A".repeat(200);

        HttpResult atTheLimit = server.admin().http().get("/v1/programs?q=" + emoji);
        HttpResult overTheLimit = server.admin().http().get("/v1/programs?q=" + emoji + "a");

        assertThat(atTheLimit.status()).as(atTheLimit.toString()).isEqualTo(200);
        assertThat(overTheLimit.status()).isEqualTo(400);
        assertThat(overTheLimit.text("/errors/0/field")).isEqualTo("q");
    }

    @Test
    void userSearchByAnEmailOverTheContractsLimitIsRefusedByName() {
        HttpResult atTheLimit = server.admin().http().get("/v1/users?email=" + "q".repeat(242) + "%40example.org");
        HttpResult overTheLimit = server.admin().http().get("/v1/users?email=" + "q".repeat(243) + "%40example.org");

        assertThat(atTheLimit.status()).as(atTheLimit.toString()).isEqualTo(200);
        assertThat(atTheLimit.json().path("data")).isEmpty();
        assertThat(overTheLimit.status()).as(overTheLimit.toString()).isEqualTo(400);
        assertThat(overTheLimit.text("/errors/0/field")).isEqualTo("email");
        assertThat(overTheLimit.text("/errors/0/code")).isEqualTo("too_long");
    }

    @Test
    void dateOrTimestampWithSurroundingSpaceIsRefusedByName() {
        Session coordinator = server.newUser("Still Pond");
        String programId = ProgramFixtures.active(server, "open");
        ProgramFixtures.grant(server, programId, coordinator, "coordinator");
        String groupId = coordinator.http().post("/v1/groups", GroupFixtures.body(programId, "{}")).text("/id");
        String session = GroupFixtures.comingSessions(coordinator.http(), groupId).get(0).path("id").asText();

        HttpResult date = coordinator.http().post("/v1/groups", GroupFixtures.body(programId,
            "{\"schedule\": {\"start_date\": \" 2030-01-07\"}}"));
        HttpResult timestamp = coordinator.http().patch("/v1/sessions/" + session,
            "{\"note\": \"Moved\", \"starts_at\": \"2030-01-07T18:00:00Z\\n\"}");

        assertThat(date.status()).as(date.toString()).isEqualTo(400);
        assertThat(date.text("/errors/0/field")).isEqualTo("schedule.start_date");
        assertThat(timestamp.status()).as(timestamp.toString()).isEqualTo(400);
        assertThat(timestamp.text("/errors/0/field")).isEqualTo("starts_at");
        assertThat(coordinator.http().get("/v1/sessions/" + session).json().path("note").isNull()).isTrue();
    }

    @Test
    void numberOrArrayForADateOrTimestampIsAWrongType() {
        Session coordinator = server.newUser("Calm Shore");
        String programId = ProgramFixtures.active(server, "open");
        ProgramFixtures.grant(server, programId, coordinator, "coordinator");

        HttpResult epochDay = coordinator.http().post("/v1/groups", GroupFixtures.body(programId,
            "{\"schedule\": {\"start_date\": 20000}}"));
        HttpResult dateArray = coordinator.http().post("/v1/groups", GroupFixtures.body(programId,
            "{\"schedule\": {\"start_date\": [2030, 1, 7]}}"));
        HttpResult epochSeconds = server.admin().http().post("/v1/venues", JsonText.merge(GroupFixtures.PLAIN_VENUE,
            "{\"animal_policy\": {\"verified_at\": 5}}"));

        for (HttpResult result : new HttpResult[] {epochDay, dateArray, epochSeconds}) {
            assertThat(result.status()).as(result.toString()).isEqualTo(400);
            assertThat(result.text("/errors/0/code")).isEqualTo("wrong_type");
        }
        assertThat(epochDay.text("/errors/0/field")).isEqualTo("schedule.start_date");
        assertThat(epochSeconds.text("/errors/0/field")).isEqualTo("animal_policy.verified_at");
    }

    @Test
    void timestampForADateOrDigitsForATimestampAreRefusedByName() {
        Session coordinator = server.newUser("Low Tide");
        String programId = ProgramFixtures.active(server, "open");
        ProgramFixtures.grant(server, programId, coordinator, "coordinator");

        HttpResult date = coordinator.http().post("/v1/groups", GroupFixtures.body(programId,
            "{\"schedule\": {\"start_date\": \"2030-01-07T00:00:00Z\"}}"));
        HttpResult timestamp = server.admin().http().post("/v1/venues", JsonText.merge(GroupFixtures.PLAIN_VENUE,
            "{\"animal_policy\": {\"verified_at\": \"1700000000\"}}"));

        assertThat(date.status()).as(date.toString()).isEqualTo(400);
        assertThat(date.text("/errors/0/field")).isEqualTo("schedule.start_date");
        assertThat(timestamp.status()).as(timestamp.toString()).isEqualTo(400);
        assertThat(timestamp.text("/errors/0/field")).isEqualTo("animal_policy.verified_at");
        assertThat(coordinator.http().get("/v1/groups?program_id=" + programId).json().path("data")).isEmpty();
    }

    @Test
    void notANumberOrInfinityAsTextIsAWrongTypeAndCreatesNothing() {
        Session admin = server.admin();
        int venuesBefore = admin.http().get("/v1/venues?limit=100").json().path("data").size();

        for (String overrides : new String[] {"{\"latitude\": \"NaN\"}", "{\"longitude\": \"-Infinity\"}",
            "{\"animal_policy\": {\"pets\": {\"species\": [\"dog\"], \"where\": \"outdoor\", \"max_weight_kg\": \"NaN\"}}}"}) {
            HttpResult result = admin.http().post("/v1/venues", JsonText.merge(GroupFixtures.PLAIN_VENUE, overrides));

            assertThat(result.status()).as(overrides + " " + result).isEqualTo(400);
            assertThat(result.text("/errors/0/code")).isEqualTo("wrong_type");
        }
        assertThat(admin.http().get("/v1/venues?limit=100").json().path("data")).hasSize(venuesBefore);
    }

    @Test
    void erasureWithAPasswordOverTheLimitIsRefusedByNameAndErasesNothing() {
        Session person = server.newUser("Passing Cloud");

        HttpResult result = person.http().send("DELETE", "/v1/me",
            "{\"password\": \"" + "x".repeat(1025) + "\"}", "application/json");

        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo("password");
        assertThat(result.text("/errors/0/code")).isEqualTo("too_long");
        assertThat(person.http().get("/v1/me").status()).isEqualTo(200);
    }
}
