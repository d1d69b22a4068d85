package org.kindred.api.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.groups.GroupFixtures.fieldErrors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.groups.GroupFixtures.Setup;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class AttendanceTest {
    private static TestServer server;
    private static GroupFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new GroupFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A weekly group that began two weeks ago, with a facilitator, two members, last week's and a coming session. */
    private record Circle(Setup setup, Session facilitator, String groupId, Session fern, Session kite, String past,
                          String coming) {
        String attendance(String sessionId) {
            return "/v1/sessions/" + sessionId + "/attendance";
        }
    }

    private static Circle circle() {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        String id = fixtures.groupId(setup, "{\"facilitator_ids\": [\"" + facilitator.userId() + "\"], \"schedule\": "
            + "{\"start_date\": \"" + GroupFixtures.today(GroupFixtures.CHICAGO).minusWeeks(2) + "\"}}");
        Instant now = Instant.now();
        String past = GroupFixtures.sessions(server.http(), id, now.minus(Duration.ofDays(10)).toString(),
            now.minus(Duration.ofDays(2)).toString()).get(0).path("id").asText();
        String coming = GroupFixtures.sessions(server.http(), id, now.plus(Duration.ofHours(1)).toString(),
            now.plus(Duration.ofDays(30)).toString()).get(0).path("id").asText();
        return new Circle(setup, facilitator, id, fixtures.member(setup.programId(), id, "Green Fern"),
            fixtures.member(setup.programId(), id, "Red Kite"), past, coming);
    }

    private static String records(Object... userIdsAndStatuses) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < userIdsAndStatuses.length; i += 2) {
            records.add("{\"user_id\": \"" + userIdsAndStatuses[i] + "\", \"status\": \"" + userIdsAndStatuses[i + 1] + "\"}");
        }
        return "{\"records\": [" + String.join(", ", records) + "]}";
    }

    /** "display_name status" of the session's attendance, as the facilitator reads it. */
    private static List<String> attendance(Circle circle, String sessionId) {
        HttpResult list = circle.facilitator().http().get(circle.attendance(sessionId));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        list.json().path("data").forEach(r -> rows.add(r.path("display_name").asText() + " " + r.path("status").asText()));
        return rows;
    }

    @Test
    void aFacilitatorRecordsWhoCameToASessionThatTookPlace() {
        Circle circle = circle();

        HttpResult recorded = circle.facilitator().http().put(circle.attendance(circle.past()),
            records(circle.kite().userId(), "absent", circle.fern().userId(), "attended"));

        assertThat(recorded.status()).isEqualTo(200);
        JsonNode data = recorded.json().path("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).path("user_id").asText()).isEqualTo(circle.fern().userId());
        assertThat(data.get(0).path("status").asText()).isEqualTo("attended");
        assertThat(data.get(0).path("recorded_at").asText()).isNotBlank();
        assertThat(recorded.json().path("has_more").asBoolean()).isFalse();
        assertThat(attendance(circle, circle.past())).containsExactly("Green Fern attended", "Red Kite absent");
    }

    @Test
    void recordingAgainChangesTheRecord() {
        Circle circle = circle();
        circle.facilitator().http().put(circle.attendance(circle.past()), records(circle.fern().userId(), "absent"));

        HttpResult corrected = circle.facilitator().http().put(circle.attendance(circle.past()),
            records(circle.fern().userId(), "attended", circle.kite().userId(), "attended"));

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(attendance(circle, circle.past())).containsExactly("Green Fern attended", "Red Kite attended");
    }

    @Test
    void theProgramsCoordinatorRecordsToo() {
        Circle circle = circle();

        HttpResult recorded = circle.setup().coordinator().http().put(circle.attendance(circle.past()),
            records(circle.fern().userId(), "attended"));

        assertThat(recorded.status()).isEqualTo(200);
        assertThat(attendance(circle, circle.past())).containsExactly("Green Fern attended");
    }

    @Test
    void attendanceWaitsUntilTheSessionStarts() {
        Circle circle = circle();

        HttpResult early = circle.facilitator().http().put(circle.attendance(circle.coming()),
            records(circle.fern().userId(), "attended"));

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("conflict");
        assertThat(attendance(circle, circle.coming())).isEmpty();
    }

    @Test
    void aCancelledSessionHasNoAttendance() {
        Circle circle = circle();
        assertThat(circle.facilitator().http().patch("/v1/sessions/" + circle.past(), "{\"status\": \"cancelled\"}").status())
            .isEqualTo(200);

        HttpResult refused = circle.facilitator().http().put(circle.attendance(circle.past()),
            records(circle.fern().userId(), "attended"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(attendance(circle, circle.past())).isEmpty();
    }

    @Test
    void attendanceIsOnlyForTheGroupsMembers() {
        Circle circle = circle();
        Session stranger = server.newUser("Curious Wren");
        Session participant = fixtures.person(circle.setup().programId(), "Waiting Lark", "participant");

        HttpResult refused = circle.facilitator().http().put(circle.attendance(circle.past()),
            records(circle.fern().userId(), "attended", stranger.userId(), "attended", participant.userId(), "absent",
                "usr_01JD4Z8Q6K2V9X1M3N5P7R9T0W", "absent"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unprocessable");
        List<String> fields = new ArrayList<>();
        refused.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly("records[1].user_id", "records[2].user_id", "records[3].user_id");
        assertThat(refused.body()).doesNotContain("Curious Wren").doesNotContain("Waiting Lark");
        assertThat(attendance(circle, circle.past())).isEmpty();
    }

    @Test
    void pendingMembersAreNotMembersYet() {
        Circle circle = circle();
        HttpResult approval = circle.setup().coordinator().http().patch("/v1/groups/" + circle.groupId(),
            "{\"membership_policy\": \"approval\"}");
        assertThat(approval.status()).isEqualTo(200);
        Session pending = fixtures.person(circle.setup().programId(), "Waiting Lark", "participant");
        GroupFixtures.join(pending, circle.groupId());

        HttpResult refused = circle.facilitator().http().put(circle.attendance(circle.past()),
            records(pending.userId(), "attended"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(attendance(circle, circle.past())).isEmpty();
    }

    @Test
    void membersAndOutsidersNeitherRecordNorRead() {
        Circle circle = circle();
        circle.facilitator().http().put(circle.attendance(circle.past()), records(circle.kite().userId(), "absent"));
        Session otherMentor = fixtures.person(circle.setup().programId(), "Far Hill", "mentor");

        for (Session outsider : List.of(circle.fern(), circle.kite(), otherMentor, server.newUser("Curious Wren"))) {
            HttpResult record = outsider.http().put(circle.attendance(circle.past()), records(circle.fern().userId(), "attended"));
            assertThat(record.status()).isEqualTo(403);
            assertThat(record.code()).isEqualTo("forbidden");
            HttpResult read = outsider.http().get(circle.attendance(circle.past()));
            assertThat(read.status()).isEqualTo(403);
            assertThat(read.body()).doesNotContain("Red Kite").doesNotContain(circle.kite().userId());
        }
        assertThat(server.http().put(circle.attendance(circle.past()), records(circle.fern().userId(), "attended")).status())
            .isEqualTo(401);
        assertThat(server.http().get(circle.attendance(circle.past())).status()).isEqualTo(401);
        assertThat(attendance(circle, circle.past())).containsExactly("Red Kite absent");
    }

    @Test
    void anAttendanceUpdateIsValidated() {
        Circle circle = circle();
        String fern = circle.fern().userId();

        assertThat(fieldErrors(circle.facilitator().http().put(circle.attendance(circle.past()),
            records(fern, "attended", fern, "absent")))).containsExactly("records duplicate");
        assertThat(fieldErrors(circle.facilitator().http().put(circle.attendance(circle.past()),
            "{\"records\": [{\"user_id\": \"" + fern + "\"}]}"))).containsExactly("records[0].status required");
        assertThat(fieldErrors(circle.facilitator().http().put(circle.attendance(circle.past()), "{}")))
            .containsExactly("records required");
        assertThat(fieldErrors(circle.facilitator().http().put(circle.attendance(circle.past()),
            records(fern, "late")))).extracting(e -> e.split(" ")[0]).containsExactly("records[0].status");
        assertThat(attendance(circle, circle.past())).isEmpty();
    }

    @Test
    void unknownSessionsHaveNoAttendance() {
        Circle circle = circle();

        HttpResult missing = circle.facilitator().http().put("/v1/sessions/ses_nothing/attendance",
            records(circle.fern().userId(), "attended"));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(circle.facilitator().http().get("/v1/sessions/ses_nothing/attendance").status()).isEqualTo(404);
    }

    @Test
    void aSessionTakesAnswersUntilItStartsAndAttendanceFromThen() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-03T00:20:00Z"));
        try (TestServer timed = TestServer.start(ProgramFixtures.ENV, clock)) {
            GroupFixtures here = new GroupFixtures(timed);
            Setup setup = here.program();
            Session facilitator = here.person(setup.programId(), "Tall Pine", "mentor");
            String id = here.groupId(setup, "{\"facilitator_ids\": [\"" + facilitator.userId() + "\"], \"schedule\": "
                + "{\"rrule\": \"FREQ=WEEKLY;BYDAY=MO\", \"start_date\": \"2026-03-02\", \"start_time\": \"18:30\"}}");
            Session member = here.member(setup.programId(), id, "Green Fern");
            JsonNode session = GroupFixtures.comingSessions(timed.http(), id).get(0);
            assertThat(session.path("starts_at").asText()).isEqualTo("2026-03-03T00:30:00Z");
            String path = "/v1/sessions/" + session.path("id").asText();
            String going = "{\"status\": \"going\", \"attendance_mode\": \"online\"}";

            assertThat(member.http().put(path + "/rsvp", going).status()).isEqualTo(200);
            assertThat(facilitator.http().put(path + "/attendance", records(member.userId(), "attended")).status())
                .isEqualTo(409);

            clock.advance(Duration.ofMinutes(11));

            HttpResult late = member.http().put(path + "/rsvp", "{\"status\": \"cancelled\", \"attendance_mode\": \"online\"}");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.code()).isEqualTo("conflict");
            HttpResult recorded = facilitator.http().put(path + "/attendance", records(member.userId(), "attended"));
            assertThat(recorded.status()).isEqualTo(200);
            assertThat(recorded.text("/data/0/recorded_at")).isEqualTo("2026-03-03T00:31:00Z");
            assertThat(timed.http().get(path).json().at("/online/going").asInt()).isEqualTo(1);
        }
    }
}
