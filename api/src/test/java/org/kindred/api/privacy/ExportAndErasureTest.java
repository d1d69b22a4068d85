package org.kindred.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.checkins.CheckinFixtures.body;
import static org.kindred.api.checkins.CheckinFixtures.checkinId;
import static org.kindred.api.checkins.CheckinFixtures.postEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.checkins.CheckinFixtures.Program;
import org.kindred.api.db.Database;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * A person's own data: {@code GET /v1/me/export} holds all of it and nothing of anyone else beyond display
 * names; {@code DELETE /v1/me} with the right password leaves no trace of them in any table of the database.
 * The person first leaves data in every kind of table the API can reach.
 */
class ExportAndErasureTest {
    private static final String NOTE = "Told nobody but this app: the nightmares are back.";

    private static TestServer server;
    private static CheckinFixtures fixtures;
    private static Life kept;

    @BeforeAll
    static void start() {
        server = TestServer.start(CheckinFixtures.ENV);
        fixtures = new CheckinFixtures(server);
        kept = life();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The person to export or erase (tests that erase make their own; {@code kept} is never erased), and everyone and everything around them. */
    private record Life(Program program, Session person, String displayName, Session mentor, Session member,
                        String groupId, String mentorshipId, String meetingPath, String meetingBody,
                        String membersCheckin, String victory, String alertId) {
    }

    private static HttpResult created(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isIn(200, 201);
        return result;
    }

    /**
     * A person who registered and redeemed an invitation (both with Idempotency-Key), set match preferences,
     * joined a group and took a seat, has a mentor who logged a meeting about them, checked in privately, with
     * their mentor and with the group, said they were in crisis (an alert a coordinator acknowledged), was
     * encouraged, encouraged someone, was marked as attending a past session, exported their data and had
     * their check-ins and progress read.
     */
    private static Life life() {
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        String displayName = "Saffron Kestrel " + ProgramFixtures.token();
        String email = "kestrel-" + System.nanoTime() + "@test.kindred.dev";
        created(server.http().header("Idempotency-Key", "register-" + email).post("/v1/auth/register",
            ProgramFixtures.json(Map.of("email", email, "password", TestServer.PASSWORD, "display_name", displayName))));
        Session person = server.login(email);
        server.login(email);

        String code = created(program.coordinator().http().post("/v1/programs/" + program.id() + "/invitations",
            "{\"role\": \"participant\"}")).text("/code");
        String memberId = created(person.http().header("Idempotency-Key", "redeem-1").post("/v1/invitations/redeem",
            ProgramFixtures.json(Map.of("code", code)))).text("/id");
        created(person.http().put("/v1/programs/" + program.id() + "/members/" + memberId + "/preferences",
            "{\"lived_experience\": [\"anxiety\"], \"languages\": [\"en\"], \"mode\": \"virtual\", \"timezone\": \"America/Chicago\"}"));

        Session mentor = fixtures.mentor(program, "Steady Oak");
        Session member = fixtures.participant(program, "Blue Heron");
        LocalDate threeWeeksAgo = LocalDate.now(ZoneId.of("America/Chicago")).minusWeeks(3);
        String groupId = created(program.coordinator().http().post("/v1/groups", GroupFixtures.body(program.id(),
            "{\"facilitator_ids\": [\"" + mentor.userId() + "\"], \"schedule\": {\"start_date\": \"" + threeWeeksAgo
                + "\"}}"))).text("/id");
        created(person.http().header("Idempotency-Key", "join-1").send("POST", "/v1/groups/" + groupId + "/members",
            (String) null, null));
        CheckinFixtures.join(member, groupId);
        String session = GroupFixtures.comingSessions(person.http(), groupId).get(0).path("id").asText();
        created(person.http().put("/v1/sessions/" + session + "/rsvp", "{\"status\": \"going\", \"attendance_mode\": \"online\"}"));
        String past = GroupFixtures.sessions(mentor.http(), groupId, Instant.now().minus(Duration.ofDays(22)).toString(),
            Instant.now().toString()).get(0).path("id").asText();
        created(mentor.http().put("/v1/sessions/" + past + "/attendance",
            "{\"records\": [{\"user_id\": \"" + person.userId() + "\", \"status\": \"attended\"}]}"));

        String mentorshipId = created(program.coordinator().http().header("Idempotency-Key", "pair-1").post("/v1/mentorships",
            ProgramFixtures.json(Map.of("program_id", program.id(), "participant_id", person.userId(),
                "mentor_id", CheckinFixtures.mentorProfileId(program, mentor))))).text("/id");
        created(postEmpty(mentor, "/v1/mentorships/" + mentorshipId + "/accept"));
        String meetingPath = "/v1/mentorships/" + mentorshipId + "/meetings";
        String meetingBody = ProgramFixtures.json(Map.of("date", LocalDate.now(ZoneId.of("America/Chicago")).toString(),
            "duration_minutes", 45, "mode", "virtual", "note", "Talked with " + displayName + " about the nightmares."));
        created(mentor.http().header("Idempotency-Key", "meeting-1").post(meetingPath, meetingBody));

        checkinId(person, program.id(), "note", NOTE, "who5", List.of(3, 3, 3, 3, 3));
        String shared = checkinId(person, program.id(), "note", NOTE, "visibility", "mentor");
        String victory = checkinId(person, program.id(), "note", NOTE, "tags", List.of("small_victory"),
            "visibility", "group", "group_id", groupId);
        created(person.http().header("Idempotency-Key", "crisis-1").post("/v1/checkins",
            body(program.id(), "mood", 1, "note", NOTE, "in_crisis", true)));
        String membersCheckin = checkinId(member, program.id(), "note", "Blue Heron's own private words",
            "visibility", "group", "group_id", groupId);

        created(member.http().header("Idempotency-Key", "cheer-1").post("/v1/checkins/" + victory + "/encouragements",
            "{\"message\": \"So proud of you!\"}"));
        created(person.http().header("Idempotency-Key", "cheer-2").post("/v1/checkins/" + membersCheckin + "/encouragements",
            "{\"message\": \"You've got this\"}"));
        created(mentor.http().get("/v1/checkins/" + shared));
        created(program.coordinator().http().get("/v1/participants/" + person.userId() + "/progress?program_id="
            + program.id()));
        created(member.http().get("/v1/programs/" + program.id() + "/celebrations"));
        String alertId = program.coordinator().http().get("/v1/alerts?limit=1").json().path("data").get(0).path("id").asText();
        created(postEmpty(program.coordinator(), "/v1/alerts/" + alertId + "/acknowledge"));
        created(person.http().get("/v1/me/export"));
        return new Life(program, person, displayName, mentor, member, groupId, mentorshipId, meetingPath, meetingBody,
            membersCheckin, victory, alertId);
    }

    private static String exportWithoutTime(Session person) {
        ObjectNode export = (ObjectNode) person.http().get("/v1/me/export").json();
        export.remove("exported_at");
        return export.toString();
    }

    private static HttpResult erase(Http http, String password) {
        return http.send("DELETE", "/v1/me", ProgramFixtures.json(Map.of("password", password)), "application/json");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    @Test
    void theExportHoldsEverythingAboutThePerson() {
        Life life = kept;

        HttpResult export = life.person().http().get("/v1/me/export");

        assertThat(export.status()).isEqualTo(200);
        JsonNode data = export.json();
        assertThat(data.at("/account/id").asText()).isEqualTo(life.person().userId());
        assertThat(data.at("/account/email").asText()).isEqualTo(life.person().email());
        assertThat(data.at("/account/display_name").asText()).isEqualTo(life.displayName());
        assertThat(texts(data.at("/account/memberships"), "program_id")).containsExactly(life.program().id());
        assertThat(texts(data.path("match_preferences"), "program_id")).containsExactly(life.program().id());
        assertThat(texts(data.path("group_memberships"), "group_id")).containsExactly(life.groupId());
        assertThat(texts(data.path("rsvps"), "status")).containsExactly("going");
        assertThat(texts(data.path("mentorships"), "id")).containsExactly(life.mentorshipId());
        assertThat(texts(data.path("mentorships"), "mentor_display_name")).containsExactly("Steady Oak");
        assertThat(texts(data.path("mentorship_meetings"), "note"))
            .containsExactly("Talked with " + life.displayName() + " about the nightmares.");
        assertThat(data.path("checkins")).hasSize(4);
        assertThat(texts(data.path("checkins"), "note")).containsOnly(NOTE);
        assertThat(texts(data.path("encouragements_sent"), "message")).containsExactly("You've got this");
        assertThat(texts(data.path("encouragements_sent"), "checkin_id")).containsExactly(life.membersCheckin());
        assertThat(texts(data.path("encouragements_received"), "message")).containsExactly("So proud of you!");
        assertThat(texts(data.path("encouragements_received"), "author_display_name")).containsExactly("Blue Heron");
        assertThat(texts(data.path("alerts"), "id")).containsExactly(life.alertId());
        assertThat(texts(data.path("alerts"), "acknowledged_by_display_name")).containsExactly("Quiet River");
    }

    @Test
    void aMentorsExportHoldsTheirMentorProfile() {
        Life life = life();
        String profileId = CheckinFixtures.mentorProfileId(life.program(), life.mentor());
        String bio = "Ten years past the worst of my panic attacks.";
        assertThat(life.mentor().http().patch("/v1/mentors/" + profileId, "{\"bio\": \"" + bio + "\"}").status())
            .isEqualTo(200);

        JsonNode profiles = created(life.mentor().http().get("/v1/me/export")).json().path("mentor_profiles");

        assertThat(profiles).hasSize(1);
        assertThat(profiles.at("/0/id").asText()).isEqualTo(profileId);
        assertThat(profiles.at("/0/bio").asText()).isEqualTo(bio);
        assertThat(created(life.person().http().get("/v1/me/export")).json().path("mentor_profiles")).isEmpty();
    }

    @Test
    void theExportHoldsTheirAttendance() {
        JsonNode data = kept.person().http().get("/v1/me/export").json();

        assertThat(data.path("attendance")).hasSize(1);
        assertThat(data.path("attendance").get(0).path("status").asText()).isEqualTo("attended");
        assertThat(data.path("attendance").get(0).path("session_id").asText()).startsWith("ses_");
    }

    @Test
    void theExportHoldsNothingOfOtherPeopleButTheirDisplayNames() {
        Life life = kept;

        String export = life.person().http().get("/v1/me/export").body();

        assertThat(export).doesNotContain(life.member().userId()).doesNotContain(life.member().email())
            .doesNotContain("Blue Heron's own private words")
            .doesNotContain(life.program().coordinator().userId()).doesNotContain(life.program().coordinator().email())
            .doesNotContain(life.mentor().email()).doesNotContain(TestServer.PASSWORD);
    }

    @Test
    void theExportIsTheCallersOwn() {
        Life life = kept;

        String theirs = life.member().http().get("/v1/me/export").body();

        assertThat(theirs).doesNotContain(NOTE).doesNotContain(life.person().userId())
            .doesNotContain(life.person().email()).doesNotContain(life.alertId());
        assertThat(server.http().get("/v1/me/export").status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordErasesNothing() {
        Life life = kept;
        String before = exportWithoutTime(life.person());

        HttpResult refused = erase(life.person().http(), "not my password at all");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(exportWithoutTime(server.login(life.person().email()))).isEqualTo(before);
        assertThat(life.mentor().http().get("/v1/mentorships/" + life.mentorshipId()).status()).isEqualTo(200);
        assertThat(life.member().http().get("/v1/checkins/" + life.victory()).status()).isEqualTo(200);
    }

    @Test
    void erasureNeedsATokenAndThePassword() {
        Life life = kept;

        HttpResult anonymous = erase(server.http(), TestServer.PASSWORD);
        HttpResult missing = life.person().http().send("DELETE", "/v1/me", "{}", "application/json");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(CheckinFixtures.errors(missing)).containsExactly("password required");
        assertThat(life.person().http().get("/v1/me").status()).isEqualTo(200);
    }

    @Test
    void afterErasureTheAccountAndItsTokensNoLongerWork() {
        Life life = life();

        HttpResult erased = erase(life.person().http(), TestServer.PASSWORD);

        assertThat(erased.status()).isEqualTo(204);
        HttpResult login = server.http().post("/v1/auth/token", ProgramFixtures.json(Map.of("email", life.person().email(),
            "password", TestServer.PASSWORD)));
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.code()).isEqualTo("invalid_credentials");
        HttpResult oldAccess = life.person().http().get("/v1/me");
        assertThat(oldAccess.status()).isEqualTo(401);
        assertThat(oldAccess.code()).isEqualTo("invalid_token");
        HttpResult oldRefresh = server.http().post("/v1/auth/refresh",
            ProgramFixtures.json(Map.of("refresh_token", life.person().refreshToken())));
        assertThat(oldRefresh.status()).isEqualTo(401);
        assertThat(oldRefresh.code()).isEqualTo("invalid_refresh_token");
    }

    @Test
    void afterErasureNoTableHoldsTheirIdEmailOrDisplayName() throws SQLException {
        Life life = life();
        List<String> before = traces(life);
        assertThat(before).as("the person left data in these tables").contains("users.id", "users.email",
            "users.display_name", "checkins.participant_id", "encouragements.author_id", "group_members.user_id",
            "rsvps.user_id", "attendance.user_id", "mentorships.participant_id", "alerts.participant_id",
            "idempotency_keys.scope", "idempotency_keys.body", "refresh_tokens.user_id", "invitations.redeemed_by",
            "program_members.user_id", "audit_log.subject_id", "audit_log.actor_id", "mentorship_meetings.note");

        assertThat(erase(life.person().http(), TestServer.PASSWORD).status()).isEqualTo(204);

        assertThat(traces(life)).isEmpty();
    }

    /** Deleted rows would otherwise stay readable in the file's free space until SQLite reused it. */
    @Test
    void afterErasureTheDatabaseFileHoldsNoCopyOfTheirEmail() throws IOException {
        Life life = life();
        Database db = server.services().db();

        assertThat(erase(life.person().http(), TestServer.PASSWORD).status()).isEqualTo(204);
        assertThat(db.checkpoint()).isTrue();

        byte[] email = life.person().email().getBytes(StandardCharsets.UTF_8);
        for (Path file : List.of(db.file(), Path.of(db.file() + "-wal"))) {
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            assertThat(indexOf(bytes, email)).as(file.toString()).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void erasureTakesTheirThingsButLeavesOtherPeoplesThings() {
        Life life = life();

        assertThat(erase(life.person().http(), TestServer.PASSWORD).status()).isEqualTo(204);

        assertThat(life.mentor().http().get("/v1/mentorships/" + life.mentorshipId()).status()).isEqualTo(404);
        assertThat(life.member().http().get("/v1/checkins/" + life.victory()).status()).isEqualTo(404);
        assertThat(life.program().coordinator().http().get("/v1/alerts?limit=100").body()).doesNotContain(life.alertId());
        HttpResult membersOwn = life.member().http().get("/v1/checkins/" + life.membersCheckin());
        assertThat(membersOwn.status()).isEqualTo(200);
        assertThat(membersOwn.text("/note")).isEqualTo("Blue Heron's own private words");
        assertThat(life.member().http().get("/v1/checkins/" + life.membersCheckin() + "/encouragements").json()
            .path("data")).isEmpty();
        assertThat(life.member().http().get("/v1/groups/" + life.groupId()).status()).isEqualTo(200);
        assertThat(life.member().http().get("/v1/me/export").json().path("encouragements_sent")).isEmpty();
    }

    @Test
    void storedResponsesAboutTheErasedPersonAreNotReplayed() {
        Life life = life();

        assertThat(erase(life.person().http(), TestServer.PASSWORD).status()).isEqualTo(204);

        HttpResult meeting = life.mentor().http().header("Idempotency-Key", "meeting-1").post(life.meetingPath(),
            life.meetingBody());
        assertThat(meeting.status()).isEqualTo(404);
        assertThat(meeting.body()).doesNotContain(life.displayName());
        HttpResult cheer = life.member().http().header("Idempotency-Key", "cheer-1")
            .post("/v1/checkins/" + life.victory() + "/encouragements", "{\"message\": \"So proud of you!\"}");
        assertThat(cheer.status()).isEqualTo(404);
    }

    /**
     * "table.column" for every value anywhere in the database that contains the person's user id, email or
     * display name (the email and name in any case), read through a connection of our own.
     */
    private static List<String> traces(Life life) throws SQLException {
        List<String> needles = List.of(life.person().userId().toLowerCase(Locale.ROOT), life.person().email().toLowerCase(Locale.ROOT),
            life.displayName().toLowerCase(Locale.ROOT));
        TreeSet<String> found = new TreeSet<>();
        String url = "jdbc:sqlite:" + server.directory().resolve("kindred.db");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("users", "checkins", "audit_log", "idempotency_keys", "venue_search_content");
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            String value = text(rs, column);
                            if (value != null && needles.stream().anyMatch(value.toLowerCase(Locale.ROOT)::contains)) {
                                found.add(table + "." + meta.getColumnName(column));
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
