package org.kindred.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.checkins.CheckinFixtures.body;
import static org.kindred.api.checkins.CheckinFixtures.checkin;
import static org.kindred.api.checkins.CheckinFixtures.checkinId;
import static org.kindred.api.checkins.CheckinFixtures.postEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.checkins.CheckinFixtures.World;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * The audit log: reads of someone else's check-ins and progress, the safety path, acknowledgements, exports
 * and erasures each write one row naming who, whose, what and in which request; only admins read it; no
 * row and no log line carries note text or a token.
 */
class AuditTest {
    private static final String NOTE = "The panic came back on the bus and I had to get off two stops early.";

    private static TestServer server;
    private static CheckinFixtures fixtures;
    private static World world;

    @BeforeAll
    static void start() {
        server = TestServer.start(CheckinFixtures.ENV);
        fixtures = new CheckinFixtures(server);
        world = fixtures.world();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every audit row matching the query, newest first, read by the admin page by page. */
    private static List<JsonNode> audit(String query) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            HttpResult page = world.admin().http().get("/v1/audit?limit=100" + query
                + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("data").forEach(rows::add);
            cursor = page.json().path("next_cursor").isNull() ? null : page.text("/next_cursor");
        } while (cursor != null);
        return rows;
    }

    /** "actor action subject object" of the rows about one object. */
    private static List<String> rowsAbout(String objectId) {
        return audit("").stream().filter(row -> row.path("object_id").asText().equals(objectId))
            .map(AuditTest::describe).toList();
    }

    private static String describe(JsonNode row) {
        return row.path("actor_id").asText() + " " + row.path("action").asText() + " " + row.path("subject_id").asText()
            + " " + row.path("object_id").asText(null);
    }

    private static JsonNode onlyRowOf(String requestId) {
        List<JsonNode> rows = audit("").stream().filter(row -> row.path("request_id").asText().equals(requestId)).toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static String mentorShared() {
        return checkinId(world.owner(), world.program().id(), "note", NOTE, "visibility", "mentor");
    }

    @Test
    void readingSomeoneElsesCheckinWritesARowInThatRequest() {
        String checkin = mentorShared();

        HttpResult read = world.mentor().http().get("/v1/checkins/" + checkin);

        assertThat(read.status()).isEqualTo(200);
        JsonNode row = onlyRowOf(read.header("Request-Id"));
        assertThat(describe(row)).isEqualTo(world.mentor().userId() + " checkin_read " + world.owner().userId() + " " + checkin);
        assertThat(row.path("id").asLong()).isPositive();
        assertThat(Instant.parse(row.path("at").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void listingSomeoneElsesCheckinsWritesARowForEachOneShown() {
        String first = checkinId(world.owner(), world.program().id(), "visibility", "group", "group_id", world.groupId());
        String second = checkinId(world.owner(), world.program().id(), "visibility", "group", "group_id", world.groupId());

        HttpResult list = world.member().http().get("/v1/checkins?limit=2&group_id=" + world.groupId());

        List<String> rows = audit("&actor_id=" + world.member().userId()).stream()
            .filter(row -> row.path("request_id").asText().equals(list.header("Request-Id"))).map(AuditTest::describe).toList();
        assertThat(rows).containsExactlyInAnyOrder(
            world.member().userId() + " checkin_read " + world.owner().userId() + " " + first,
            world.member().userId() + " checkin_read " + world.owner().userId() + " " + second);
    }

    @Test
    void readingYourOwnCheckinsOrProgressWritesNoRow() {
        String checkin = mentorShared();

        world.owner().http().get("/v1/checkins/" + checkin);
        world.owner().http().get("/v1/checkins?limit=100");
        world.owner().http().get("/v1/participants/" + world.owner().userId() + "/progress?program_id=" + world.program().id());

        assertThat(audit("&actor_id=" + world.owner().userId() + "&action=checkin_read")).isEmpty();
        assertThat(audit("&actor_id=" + world.owner().userId() + "&action=progress_read")).isEmpty();
    }

    @Test
    void aRefusedReadWritesNoRow() {
        String checkin = mentorShared();

        assertThat(world.peer().http().get("/v1/checkins/" + checkin).status()).isEqualTo(404);
        assertThat(world.peer().http().get("/v1/participants/" + world.owner().userId() + "/progress?program_id="
            + world.program().id()).status()).isEqualTo(404);

        assertThat(audit("&actor_id=" + world.peer().userId())).isEmpty();
        assertThat(rowsAbout(checkin)).isEmpty();
    }

    @Test
    void readingSomeonesProgressWritesARow() {
        HttpResult read = world.program().coordinator().http().get("/v1/participants/" + world.owner().userId()
            + "/progress?program_id=" + world.program().id());

        assertThat(read.status()).isEqualTo(200);
        assertThat(describe(onlyRowOf(read.header("Request-Id")))).isEqualTo(world.program().coordinator().userId()
            + " progress_read " + world.owner().userId() + " " + world.program().id());
    }

    @Test
    void theSafetyPathWritesTheSafetyResponseAndTheAlertInTheSameRequest() {
        HttpResult created = world.owner().http().post("/v1/checkins",
            body(world.program().id(), "mood", 1, "note", NOTE, "in_crisis", true));

        String owner = world.owner().userId();
        List<String> rows = audit("&subject_id=" + owner).stream()
            .filter(row -> row.path("request_id").asText().equals(created.header("Request-Id")))
            .map(row -> row.path("action").asText() + " " + row.path("actor_id").asText()).toList();
        assertThat(rows).containsExactlyInAnyOrder("safety_shown " + owner, "alert_created " + owner);
        assertThat(rowsAbout(created.text("/id"))).containsExactly(owner + " safety_shown " + owner + " " + created.text("/id"));
    }

    @Test
    void anAcknowledgementIsAuditedOnce() {
        checkin(world.owner(), body(world.program().id(), "phq4", List.of(3, 3, 3, 3)));
        String alert = world.mentor().http().get("/v1/alerts?acknowledged=false&limit=1").json().path("data").get(0)
            .path("id").asText();

        postEmpty(world.mentor(), "/v1/alerts/" + alert + "/acknowledge");
        postEmpty(world.program().coordinator(), "/v1/alerts/" + alert + "/acknowledge");
        postEmpty(world.mentor(), "/v1/alerts/" + alert + "/acknowledge");

        assertThat(rowsAbout(alert)).containsExactly(
            world.mentor().userId() + " alert_acknowledged " + world.owner().userId() + " " + alert,
            world.owner().userId() + " alert_created " + world.owner().userId() + " " + alert);
    }

    @Test
    void anExportIsAudited() {
        Session person = fixtures.participant(world.program(), "Amber Dawn");

        HttpResult export = person.http().get("/v1/me/export");

        assertThat(export.status()).isEqualTo(200);
        JsonNode row = onlyRowOf(export.header("Request-Id"));
        assertThat(describe(row)).isEqualTo(person.userId() + " data_exported " + person.userId() + " null");
    }

    @Test
    void anErasureIsAuditedUnderAPseudonymAndTheirEarlierRowsToo() {
        Session person = fixtures.participant(world.program(), "Amber Dawn");
        HttpResult export = person.http().get("/v1/me/export");
        HttpResult read = world.program().coordinator().http().get("/v1/participants/" + person.userId()
            + "/progress?program_id=" + world.program().id());

        HttpResult erased = person.http().send("DELETE", "/v1/me",
            "{\"password\": \"" + TestServer.PASSWORD + "\"}", "application/json");

        assertThat(erased.status()).isEqualTo(204);
        assertThat(audit("&subject_id=" + person.userId())).isEmpty();
        assertThat(audit("&actor_id=" + person.userId())).isEmpty();
        JsonNode erasure = onlyRowOf(erased.header("Request-Id"));
        String pseudonym = erasure.path("subject_id").asText();
        assertThat(erasure.path("action").asText()).isEqualTo("account_erased");
        assertThat(pseudonym).startsWith("erased_").doesNotContain(person.userId());
        assertThat(erasure.path("actor_id").asText()).isEqualTo(pseudonym);
        assertThat(describe(onlyRowOf(export.header("Request-Id")))).isEqualTo(pseudonym + " data_exported " + pseudonym + " null");
        assertThat(describe(onlyRowOf(read.header("Request-Id")))).isEqualTo(world.program().coordinator().userId()
            + " progress_read " + pseudonym + " " + world.program().id());
    }

    @Test
    void theLogFiltersByActorSubjectActionAndTime() {
        String checkin = mentorShared();
        world.mentor().http().get("/v1/checkins/" + checkin);
        world.continuingMentor().http().get("/v1/checkins/" + checkin);
        List<JsonNode> both = audit("&subject_id=" + world.owner().userId() + "&action=checkin_read").stream()
            .filter(row -> row.path("object_id").asText().equals(checkin)).toList();
        assertThat(both).hasSize(2);
        String newerAt = both.get(0).path("at").asText();

        assertThat(audit("&actor_id=" + world.mentor().userId())).allMatch(row ->
            row.path("actor_id").asText().equals(world.mentor().userId()));
        assertThat(audit("&action=progress_read")).allMatch(row -> row.path("action").asText().equals("progress_read"));
        assertThat(audit("&subject_id=" + world.peer().userId())).allMatch(row ->
            row.path("subject_id").asText().equals(world.peer().userId()));
        assertThat(audit("&since=" + newerAt)).allMatch(row -> !Instant.parse(row.path("at").asText())
            .isBefore(Instant.parse(newerAt)));
        assertThat(audit("&until=" + newerAt)).allMatch(row -> Instant.parse(row.path("at").asText())
            .isBefore(Instant.parse(newerAt)));
        assertThat(audit("&since=" + Instant.now().plus(Duration.ofHours(1)))).isEmpty();
        assertThat(audit("&actor_id=" + world.continuingMentor().userId() + "&action=checkin_read")).extracting(
            row -> row.path("object_id").asText()).contains(checkin);
        assertThat(world.admin().http().get("/v1/audit?action=checkin_peeked").status()).isEqualTo(400);
        assertThat(world.admin().http().get("/v1/audit?since=yesterday").status()).isEqualTo(400);
        assertThat(world.admin().http().get("/v1/audit?cursor=abc").status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsReadTheLog() {
        mentorShared();

        for (Session person : List.of(world.owner(), world.mentor(), world.program().coordinator(), world.peer())) {
            HttpResult refused = person.http().get("/v1/audit");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(refused.body()).doesNotContain("checkin_read").doesNotContain(world.owner().userId());
        }
        HttpResult anonymous = server.http().get("/v1/audit");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthorized");
    }

    @Test
    void noAuditRowAndNoLogLineCarriesNoteTextOrTokens() {
        Session person = fixtures.participant(world.program(), "Amber Dawn");
        fixtures.mentorship(world.program(), world.otherMentor(), person);
        String secret = "Secret note " + System.nanoTime() + ": I skipped my meds again this week.";
        String lastRequest;
        try (LogCapture logs = LogCapture.of("kindred.http", "org.kindred.api.http.ProblemResponder")) {
            String checkin = checkin(person, body(world.program().id(), "note", secret, "visibility", "mentor",
                "in_crisis", true)).path("id").asText();
            person.http().patch("/v1/checkins/" + checkin, "{\"note\": \"" + secret + " (edited)\"}");
            world.otherMentor().http().get("/v1/checkins/" + checkin);
            world.otherMentor().http().get("/v1/checkins?participant_id=" + person.userId());
            world.peer().http().get("/v1/checkins/" + checkin);
            person.http().post("/v1/checkins", "{\"program_id\": \"" + world.program().id() + "\", \"mood\": 9, \"note\": \""
                + secret + "\"}");
            person.http().get("/v1/me/export");
            String alert = world.otherMentor().http().get("/v1/alerts?limit=1").json().path("data").get(0)
                .path("id").asText();
            postEmpty(world.otherMentor(), "/v1/alerts/" + alert + "/acknowledge");
            lastRequest = server.http().get("/health").header("Request-Id");
            awaitLine(logs, lastRequest);

            assertThat(logs.text()).contains("/v1/checkins/" + checkin).doesNotContain(secret).doesNotContain("meds")
                .doesNotContain(person.accessToken()).doesNotContain(person.refreshToken())
                .doesNotContain(world.otherMentor().accessToken()).doesNotContain(TestServer.PASSWORD);
        }

        String everything = audit("").toString();
        assertThat(everything).doesNotContain(secret).doesNotContain("meds").doesNotContain(person.accessToken())
            .doesNotContain(person.refreshToken()).doesNotContain(person.email()).doesNotContain("Amber Dawn");
    }

    private static void awaitLine(LogCapture logs, String requestId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!logs.text().contains(requestId) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(logs.text()).as("the request log is captured").contains(requestId);
    }
}
