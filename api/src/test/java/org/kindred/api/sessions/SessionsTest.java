package org.kindred.api.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.groups.GroupFixtures.fieldErrors;
import static org.kindred.api.groups.GroupFixtures.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.groups.GroupFixtures.Setup;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class SessionsTest {
    private static final String MONDAYS_IN_CHICAGO = "{\"timezone\": \"America/Chicago\", \"schedule\": {\"rrule\": "
        + "\"FREQ=WEEKLY;BYDAY=MO\", \"start_date\": \"2026-03-02\", \"start_time\": \"18:30\", \"duration_minutes\": 90}}";

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

    private static List<String> starts(List<JsonNode> sessions) {
        return sessions.stream().map(s -> s.path("starts_at").asText()).toList();
    }

    private static List<String> starts(String groupId, String from, String to) {
        return starts(sessions(server.http(), groupId, from, to));
    }

    private static JsonNode only(List<JsonNode> sessions) {
        assertThat(sessions).hasSize(1);
        return sessions.get(0);
    }

    /** A Monday group in Chicago with a facilitator, and the session of 2026-03-16. */
    private record Monday(Setup setup, Session facilitator, String groupId, JsonNode session) {
        String path() {
            return "/v1/sessions/" + session.path("id").asText();
        }
    }

    private static Monday monday() {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        String id = fixtures.groupId(setup, MONDAYS_IN_CHICAGO.replace("\"timezone\"",
            "\"facilitator_ids\": [\"" + facilitator.userId() + "\"], \"timezone\""));
        JsonNode session = only(sessions(server.http(), id, "2026-03-16T00:00:00Z", "2026-03-17T00:00:00Z"));
        return new Monday(setup, facilitator, id, session);
    }

    @Test
    void weeklySessionsKeepTheirLocalTimeAcrossTheAmericanClockChange() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, MONDAYS_IN_CHICAGO);

        List<JsonNode> sessions = sessions(server.http(), id, "2026-03-01T00:00:00Z", "2026-03-24T00:00:00Z");

        assertThat(starts(sessions)).containsExactly("2026-03-03T00:30:00Z", "2026-03-09T23:30:00Z",
            "2026-03-16T23:30:00Z", "2026-03-23T23:30:00Z");
        for (JsonNode session : sessions) {
            Instant start = Instant.parse(session.path("starts_at").asText());
            assertThat(start.atZone(ZoneId.of("America/Chicago")).toLocalTime()).isEqualTo(LocalTime.of(18, 30));
            assertThat(Instant.parse(session.path("ends_at").asText())).isEqualTo(start.plus(Duration.ofMinutes(90)));
            assertThat(session.path("scheduled_starts_at").asText()).isEqualTo(session.path("starts_at").asText());
            assertThat(session.path("status").asText()).isEqualTo("scheduled");
            assertThat(session.path("note").isNull()).isTrue();
            assertThat(session.path("group_id").asText()).isEqualTo(id);
            assertThat(session.path("id").asText()).startsWith("ses_");
            assertThat(session.path("in_person").isNull()).isTrue();
            assertThat(session.path("online").path("going").asInt()).isZero();
        }
        assertThat(sessions.stream().map(s -> s.path("id").asText()).distinct()).hasSize(4);
    }

    @Test
    void weeklySessionsKeepTheirLocalTimeAcrossTheEuropeanClockChange() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{\"timezone\": \"Europe/Berlin\", \"schedule\": {\"rrule\": "
            + "\"FREQ=WEEKLY;BYDAY=TH\", \"start_date\": \"2026-03-19\", \"start_time\": \"19:00\"}}");

        assertThat(starts(id, "2026-03-15T00:00:00Z", "2026-04-05T00:00:00Z")).containsExactly(
            "2026-03-19T18:00:00Z", "2026-03-26T18:00:00Z", "2026-04-02T17:00:00Z");
    }

    @Test
    void biweeklySessionsSkipEveryOtherWeek() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{\"schedule\": {\"rrule\": \"FREQ=WEEKLY;INTERVAL=2;BYDAY=TH\", "
            + "\"start_date\": \"2026-04-02\", \"start_time\": \"19:00\"}}");

        assertThat(starts(id, "2026-04-01T00:00:00Z", "2026-05-10T00:00:00Z")).containsExactly(
            "2026-04-03T00:00:00Z", "2026-04-17T00:00:00Z", "2026-05-01T00:00:00Z");
    }

    @Test
    void monthlySessionsFallOnTheSecondTuesday() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{\"schedule\": {\"rrule\": \"FREQ=MONTHLY;BYDAY=2TU\", "
            + "\"start_date\": \"2026-01-13\", \"start_time\": \"10:00\"}}");

        assertThat(starts(id, "2026-01-01T00:00:00Z", "2026-05-01T00:00:00Z")).containsExactly(
            "2026-01-13T16:00:00Z", "2026-02-10T16:00:00Z", "2026-03-10T15:00:00Z", "2026-04-14T15:00:00Z");
    }

    @Test
    void exceptionDatesHaveNoSession() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, MONDAYS_IN_CHICAGO.replace("\"duration_minutes\": 90",
            "\"duration_minutes\": 90, \"exception_dates\": [\"2026-03-09\", \"2026-03-23\"]"));

        assertThat(starts(id, "2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z")).containsExactly(
            "2026-03-03T00:30:00Z", "2026-03-16T23:30:00Z", "2026-03-30T23:30:00Z");
    }

    @Test
    void theDefaultWindowIsTheNextNinetyDays() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{}");

        List<JsonNode> sessions = GroupFixtures.comingSessions(server.http(), id);

        assertThat(sessions).hasSizeBetween(12, 13);
        assertThat(Instant.parse(sessions.get(0).path("starts_at").asText()).atZone(ZoneId.of("America/Chicago")).toLocalDate())
            .isEqualTo(GroupFixtures.today("America/Chicago").plusWeeks(1));
        assertThat(Instant.parse(sessions.get(sessions.size() - 1).path("starts_at").asText()))
            .isBefore(Instant.now().plus(Duration.ofDays(90)));
    }

    @Test
    void pagesFollowTheCursorInTimeOrder() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, MONDAYS_IN_CHICAGO);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResult page = server.http().get("/v1/groups/" + id + "/sessions?from=2026-03-01T00:00:00Z"
                + "&to=2026-04-01T00:00:00Z&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("data").forEach(s -> seen.add(s.path("starts_at").asText()));
            cursor = page.json().path("has_more").asBoolean() ? page.text("/next_cursor") : null;
        } while (cursor != null);

        assertThat(seen).containsExactly("2026-03-03T00:30:00Z", "2026-03-09T23:30:00Z", "2026-03-16T23:30:00Z",
            "2026-03-23T23:30:00Z", "2026-03-30T23:30:00Z");
    }

    @Test
    void aWindowMustBeForwardAndAtMostAYear() {
        Setup setup = fixtures.program();
        String path = "/v1/groups/" + fixtures.groupId(setup, "{}") + "/sessions";

        assertThat(fieldErrors(server.http().get(path + "?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z")))
            .containsExactly("to out_of_range");
        assertThat(fieldErrors(server.http().get(path + "?from=2026-01-01T00:00:00Z&to=2027-01-03T00:00:00Z")))
            .containsExactly("to out_of_range");
        assertThat(fieldErrors(server.http().get(path + "?from=yesterday"))).containsExactly("from wrong_type");
        assertThat(fieldErrors(server.http().get(path + "?from=%2B300000000-01-01T00:00:00Z")))
            .containsExactly("from wrong_type");
    }

    @Test
    void sessionsAreKnownUpToTenYearsAhead() {
        Setup setup = fixtures.program();
        String groupId = fixtures.groupId(setup, MONDAYS_IN_CHICAGO);
        String path = "/v1/groups/" + groupId + "/sessions";
        Instant tenYearsAhead = LocalDate.now(ZoneOffset.UTC).plusYears(10).atStartOfDay(ZoneOffset.UTC).toInstant();

        assertThat(sessions(server.http(), groupId, tenYearsAhead.minus(Duration.ofDays(40)).toString(),
            tenYearsAhead.minus(Duration.ofDays(2)).toString())).hasSizeGreaterThan(4);
        assertThat(fieldErrors(server.http().get(path + "?from=" + tenYearsAhead.minus(Duration.ofDays(30))
            + "&to=" + tenYearsAhead.plus(Duration.ofDays(30))))).containsExactly("to out_of_range");
        assertThat(fieldErrors(server.http().get(path + "?from=" + tenYearsAhead.plus(Duration.ofDays(1)))))
            .containsExactly("from out_of_range");
        assertThat(fieldErrors(server.http().get(path + "?cursor=nonsense"))).extracting(e -> e.split(" ")[0])
            .containsExactly("cursor");
    }

    @Test
    void sessionsOfHiddenGroupsAreNotFound() {
        Setup draft = fixtures.draftProgram();
        String id = fixtures.groupId(draft, MONDAYS_IN_CHICAGO);
        JsonNode session = only(sessions(draft.coordinator().http(), id, "2026-03-16T00:00:00Z", "2026-03-17T00:00:00Z"));

        for (Http outsider : List.of(server.http(), server.newUser("Curious Wren").http())) {
            assertThat(outsider.get("/v1/groups/" + id + "/sessions").status()).isEqualTo(404);
            HttpResult hidden = outsider.get("/v1/sessions/" + session.path("id").asText());
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain(id);
        }
    }

    @Test
    void readingOneSessionGivesAnETag() {
        Monday monday = monday();

        HttpResult read = server.http().get(monday.path());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(monday.session());
        assertThat(read.header("ETag")).isNotBlank();
        assertThat(server.http().header("If-None-Match", read.header("ETag")).get(monday.path()).status()).isEqualTo(304);
    }

    @Test
    void madeUpSessionIdsAreNotFound() {
        Monday monday = monday();
        Instant scheduled = Instant.parse(monday.session().path("starts_at").asText());
        Instant elevenYearsAhead = LocalDate.now(ZoneOffset.UTC).plusYears(11).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .atTime(18, 30).atZone(ZoneId.of("America/Chicago")).toInstant();
        Setup setup = fixtures.program();
        String withException = fixtures.groupId(setup, MONDAYS_IN_CHICAGO.replace("\"duration_minutes\": 90",
            "\"duration_minutes\": 90, \"exception_dates\": [\"2026-03-16\"]"));
        List<String> madeUp = List.of(
            "nonsense",
            "ses_",
            "ses_" + "0".repeat(26) + "!!",
            "ses_" + monday.groupId().substring(4) + "VVVVVVVVVVV",
            new SessionId(monday.groupId(), elevenYearsAhead).encode(),
            new SessionId(monday.groupId(), scheduled.plus(Duration.ofMinutes(1))).encode(),
            new SessionId(monday.groupId(), scheduled.plus(Duration.ofDays(1))).encode(),
            new SessionId(withException, scheduled).encode(),
            new SessionId("grp_01JD4Z8Q6K2V9X1M3N5P7R9T0W", scheduled).encode());

        for (String id : madeUp) {
            HttpResult missing = server.admin().http().get("/v1/sessions/" + id);
            assertThat(missing.status()).as(id).isEqualTo(404);
            assertThat(missing.code()).isEqualTo("not_found");
            assertThat(server.admin().http().patch("/v1/sessions/" + id, "{\"note\": \"x\"}").status()).as(id).isEqualTo(404);
        }
    }

    @Test
    void cancellingOneSessionLeavesTheSeriesAlone() {
        Monday monday = monday();
        JsonNode groupBefore = monday.setup().coordinator().http().get("/v1/groups/" + monday.groupId()).json();

        HttpResult cancelled = monday.facilitator().http().patch(monday.path(),
            "{\"status\": \"cancelled\", \"note\": \"The room is closed for a holiday.\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("/status")).isEqualTo("cancelled");
        assertThat(cancelled.text("/note")).isEqualTo("The room is closed for a holiday.");
        assertThat(cancelled.text("/id")).isEqualTo(monday.session().path("id").asText());
        List<JsonNode> march = sessions(server.http(), monday.groupId(), "2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z");
        assertThat(starts(march)).containsExactly("2026-03-03T00:30:00Z", "2026-03-09T23:30:00Z",
            "2026-03-16T23:30:00Z", "2026-03-23T23:30:00Z", "2026-03-30T23:30:00Z");
        assertThat(march).extracting(s -> s.path("status").asText())
            .containsExactly("scheduled", "scheduled", "cancelled", "scheduled", "scheduled");
        assertThat(monday.setup().coordinator().http().get("/v1/groups/" + monday.groupId()).json()).isEqualTo(groupBefore);
    }

    @Test
    void movingOneSessionKeepsItsIdAndScheduledTime() {
        Monday monday = monday();

        HttpResult moved = monday.setup().coordinator().http().patch(monday.path(),
            "{\"starts_at\": \"2026-03-18T23:00:00Z\", \"ends_at\": \"2026-03-19T00:30:00Z\"}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.text("/starts_at")).isEqualTo("2026-03-18T23:00:00Z");
        assertThat(moved.text("/ends_at")).isEqualTo("2026-03-19T00:30:00Z");
        assertThat(moved.text("/scheduled_starts_at")).isEqualTo("2026-03-16T23:30:00Z");
        assertThat(moved.text("/status")).isEqualTo("scheduled");
        assertThat(starts(monday.groupId(), "2026-03-16T00:00:00Z", "2026-03-17T00:00:00Z")).isEmpty();
        List<JsonNode> wednesday = sessions(server.http(), monday.groupId(), "2026-03-18T00:00:00Z", "2026-03-19T00:00:00Z");
        assertThat(only(wednesday).path("id").asText()).isEqualTo(monday.session().path("id").asText());
        assertThat(starts(monday.groupId(), "2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z")).containsExactly(
            "2026-03-03T00:30:00Z", "2026-03-09T23:30:00Z", "2026-03-18T23:00:00Z", "2026-03-23T23:30:00Z",
            "2026-03-30T23:30:00Z");
        assertThat(server.http().get(monday.path()).text("/starts_at")).isEqualTo("2026-03-18T23:00:00Z");
    }

    @Test
    void annotatingAndRestoringASession() {
        Monday monday = monday();
        monday.facilitator().http().patch(monday.path(), "{\"status\": \"cancelled\"}");

        HttpResult restored = monday.facilitator().http().patch(monday.path(),
            "{\"status\": \"scheduled\", \"note\": \"Back on: bring a friend.\"}");

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.text("/status")).isEqualTo("scheduled");
        assertThat(restored.text("/note")).isEqualTo("Back on: bring a friend.");
        assertThat(restored.text("/starts_at")).isEqualTo(monday.session().path("starts_at").asText());
        assertThat(server.http().get(monday.path()).text("/note")).isEqualTo("Back on: bring a friend.");
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        Monday monday = monday();
        String etag = server.http().get(monday.path()).header("ETag");
        monday.facilitator().http().patch(monday.path(), "{\"note\": \"First\"}");

        HttpResult stale = monday.facilitator().http().header("If-Match", etag).patch(monday.path(), "{\"status\": \"cancelled\"}");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("precondition_failed");
        JsonNode now = server.http().get(monday.path()).json();
        assertThat(now.path("status").asText()).isEqualTo("scheduled");
        assertThat(now.path("note").asText()).isEqualTo("First");

        String fresh = server.http().get(monday.path()).header("ETag");
        assertThat(monday.facilitator().http().header("If-Match", fresh).patch(monday.path(), "{\"status\": \"cancelled\"}")
            .status()).isEqualTo(200);
    }

    @Test
    void onlyFacilitatorsAndCoordinatorsChangeASession() {
        Monday monday = monday();
        Session member = fixtures.member(monday.setup().programId(), monday.groupId(), "Green Fern");
        Session participant = fixtures.person(monday.setup().programId(), "Red Kite", "participant");
        Session otherMentor = fixtures.person(monday.setup().programId(), "Far Hill", "mentor");
        Session stranger = server.newUser("Curious Wren");

        for (Session caller : List.of(member, participant, otherMentor, stranger, fixtures.program().coordinator())) {
            HttpResult refused = caller.http().patch(monday.path(), "{\"status\": \"cancelled\"}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        HttpResult anonymous = server.http().patch(monday.path(), "{\"status\": \"cancelled\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(server.http().get(monday.path()).json()).isEqualTo(monday.session());
        assertThat(server.admin().http().patch(monday.path(), "{\"note\": \"Checked\"}").status()).isEqualTo(200);
    }

    @Test
    void aSessionUpdateIsValidated() {
        Monday monday = monday();

        assertThat(fieldErrors(monday.facilitator().http().patch(monday.path(),
            "{\"starts_at\": \"2026-03-16T23:30:00Z\", \"ends_at\": \"2026-03-16T22:00:00Z\"}")))
            .containsExactly("ends_at out_of_range");
        assertThat(fieldErrors(monday.facilitator().http().patch(monday.path(),
            "{\"ends_at\": \"2026-03-17T23:30:00Z\"}"))).containsExactly("ends_at out_of_range");
        assertThat(fieldErrors(monday.facilitator().http().patch(monday.path(), "{\"status\": null}")))
            .containsExactly("status required");
        assertThat(fieldErrors(monday.facilitator().http().patch(monday.path(), "{\"capacity\": 3}")))
            .containsExactly("capacity unknown_property");
        assertThat(server.http().get(monday.path()).json()).isEqualTo(monday.session());
    }
}
