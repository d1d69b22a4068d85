package org.kindred.api.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.checkins.CheckinFixtures.body;
import static org.kindred.api.checkins.CheckinFixtures.checkin;
import static org.kindred.api.checkins.CheckinFixtures.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.checkins.CheckinFixtures.Program;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * A participant's progress: check-ins and average mood per ISO week in the program's time zone (Chicago),
 * the current streak, WHO-5 first against latest, the period's validation and who may read it. Check-ins are
 * made over HTTP on a clock set to each moment; January and February 2026 are all standard time (UTC-6).
 */
class ProgressTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-05T18:00:00Z"));
    private static TestServer server;
    private static CheckinFixtures fixtures;
    private static Seeded sixWeeks;

    @BeforeAll
    static void start() {
        server = TestServer.start(CheckinFixtures.ENV, CLOCK);
        fixtures = new CheckinFixtures(server);
        sixWeeks = seedSixWeeks();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Instant chicago(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHICAGO).toInstant();
    }

    /** Sets the server's clock to a Chicago wall-clock time and checks in then, signed in afresh. */
    private static void checkInAt(String localDateTime, Program program, Session participant, Object... fields) {
        CLOCK.set(chicago(localDateTime));
        checkin(fixtures.fresh(participant), body(program.id(), fields));
    }

    private static HttpResult progress(Session reader, Session participant, Program program, String query) {
        return reader.http().get("/v1/participants/" + participant.userId() + "/progress?program_id=" + program.id() + query);
    }

    private static JsonNode read(Session reader, Session participant, Program program, String query) {
        HttpResult result = progress(reader, participant, program, query);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }

    /** "week checkins average" for each week. */
    private static List<String> weeks(JsonNode progress) {
        List<String> weeks = new ArrayList<>();
        progress.path("weeks").forEach(w -> weeks.add(w.path("week").asText() + " " + w.path("checkins").asInt() + " "
            + (w.path("average_mood").isNull() ? "-" : w.path("average_mood").asText())));
        return weeks;
    }

    private record Seeded(Program program, Session participant) {
    }

    /** Eight check-ins over six weeks, with a week off. */
    private static Seeded seedSixWeeks() {
        CLOCK.set(chicago("2026-01-05T08:00"));
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session participant = fixtures.participant(program, "Green Fern");
        checkInAt("2026-01-05T12:00", program, participant, "mood", 2, "who5", List.of(2, 2, 2, 2, 2));
        checkInAt("2026-01-07T12:00", program, participant, "mood", 4);
        checkInAt("2026-01-18T23:30", program, participant, "mood", 5);
        checkInAt("2026-01-19T00:30", program, participant, "mood", 1);
        checkInAt("2026-02-03T12:00", program, participant, "mood", 3, "who5", List.of(3, 3, 3, 2, 2));
        checkInAt("2026-02-04T12:00", program, participant, "mood", 4);
        checkInAt("2026-02-05T12:00", program, participant, "mood", 4);
        checkInAt("2026-02-10T12:00", program, participant, "mood", 4);
        return new Seeded(program, participant);
    }

    /** The six weeks seen on Wednesday 11 February. */
    private static Seeded sixWeeks() {
        CLOCK.set(chicago("2026-02-11T12:00"));
        return new Seeded(sixWeeks.program(), fixtures.fresh(sixWeeks.participant()));
    }

    @Test
    void checkinsAndAverageMoodAreCountedPerIsoWeekInTheProgramsTimeZone() {
        Seeded seeded = sixWeeks();

        JsonNode progress = read(seeded.participant(), seeded.participant(), seeded.program(),
            "&from=2026-01-05&to=2026-02-11");

        assertThat(progress.path("from").asText()).isEqualTo("2026-01-05");
        assertThat(progress.path("to").asText()).isEqualTo("2026-02-11");
        assertThat(weeks(progress)).containsExactly(
            "2026-W02 2 3.0",
            "2026-W03 1 5.0",
            "2026-W04 1 1.0",
            "2026-W05 0 -",
            "2026-W06 3 3.67",
            "2026-W07 1 4.0");
    }

    @Test
    void aGapEndsTheStreak() {
        Seeded seeded = sixWeeks();

        JsonNode progress = read(seeded.participant(), seeded.participant(), seeded.program(), "");

        assertThat(progress.path("current_streak_weeks").asInt()).isEqualTo(2);
    }

    @Test
    void who5IsComparedFirstAgainstLatestInPercentagePoints() {
        Seeded seeded = sixWeeks();

        JsonNode who5 = read(seeded.participant(), seeded.participant(), seeded.program(), "&from=2026-01-05")
            .path("who5");

        assertThat(who5.path("first").asInt()).isEqualTo(40);
        assertThat(who5.path("first_at").asText()).isEqualTo("2026-01-05T18:00:00Z");
        assertThat(who5.path("latest").asInt()).isEqualTo(52);
        assertThat(who5.path("latest_at").asText()).isEqualTo("2026-02-03T18:00:00Z");
        assertThat(who5.path("change").asInt()).isEqualTo(12);
        assertThat(who5.path("meaningful").asBoolean()).isTrue();
    }

    @Test
    void thePeriodLimitsWeeksAndWho5() {
        Seeded seeded = sixWeeks();

        JsonNode progress = read(seeded.participant(), seeded.participant(), seeded.program(),
            "&from=2026-01-07&to=2026-01-20");

        assertThat(weeks(progress)).containsExactly("2026-W02 1 4.0", "2026-W03 1 5.0", "2026-W04 1 1.0");
        assertThat(progress.path("who5").isNull()).isTrue();
        assertThat(progress.path("current_streak_weeks").asInt()).isEqualTo(2);
    }

    @Test
    void aChangeOfEightPointsIsNotMeaningfulAndTwelveIsEitherWay() {
        CLOCK.set(chicago("2026-01-05T08:00"));
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session rising = fixtures.participant(program, "Green Fern");
        Session falling = fixtures.participant(program, "Blue Heron");
        checkInAt("2026-01-05T12:00", program, rising, "who5", List.of(2, 2, 2, 2, 2));
        checkInAt("2026-01-06T12:00", program, rising, "who5", List.of(3, 3, 2, 2, 2));
        checkInAt("2026-01-05T12:00", program, falling, "who5", List.of(3, 3, 3, 2, 2));
        checkInAt("2026-01-06T12:00", program, falling, "who5", List.of(2, 2, 2, 2, 2));

        JsonNode eight = read(fixtures.fresh(rising), rising, program, "").path("who5");
        JsonNode twelveDown = read(fixtures.fresh(falling), falling, program, "").path("who5");

        assertThat(eight.path("change").asInt()).isEqualTo(8);
        assertThat(eight.path("meaningful").asBoolean()).isFalse();
        assertThat(twelveDown.path("change").asInt()).isEqualTo(-12);
        assertThat(twelveDown.path("meaningful").asBoolean()).isTrue();
    }

    @Test
    void aWeekStillUnderWayDoesNotBreakTheStreak() {
        CLOCK.set(chicago("2026-01-26T08:00"));
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session participant = fixtures.participant(program, "Green Fern");
        checkInAt("2026-01-27T12:00", program, participant);
        checkInAt("2026-02-03T12:00", program, participant);
        CLOCK.set(chicago("2026-02-11T12:00"));
        Session now = fixtures.fresh(participant);

        assertThat(read(now, now, program, "").path("current_streak_weeks").asInt()).isEqualTo(2);

        CLOCK.set(chicago("2026-02-16T12:00"));
        now = fixtures.fresh(participant);
        assertThat(read(now, now, program, "").path("current_streak_weeks").asInt()).isZero();
    }

    @Test
    void todayIsTheProgramsToday() {
        CLOCK.set(chicago("2026-02-15T22:00"));
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session participant = fixtures.participant(program, "Green Fern");
        checkInAt("2026-02-15T23:30", program, participant, "mood", 5);

        JsonNode progress = read(fixtures.fresh(participant), participant, program, "");

        assertThat(progress.path("to").asText()).isEqualTo("2026-02-15");
        assertThat(progress.path("from").asText()).isEqualTo("2025-11-24");
        assertThat(progress.path("weeks")).hasSize(12);
        assertThat(weeks(progress).get(11)).isEqualTo("2026-W07 1 5.0");
        assertThat(progress.path("current_streak_weeks").asInt()).isEqualTo(1);
    }

    @Test
    void thePeriodIsValidated() {
        CLOCK.set(chicago("2026-02-11T12:00"));
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session participant = fixtures.participant(program, "Green Fern");
        String path = "/v1/participants/" + participant.userId() + "/progress";

        Map<String, List<String>> refusals = new LinkedHashMap<>();
        for (String query : List.of("?program_id=" + program.id() + "&from=2026-02-10&to=2026-02-09",
            "?program_id=" + program.id() + "&from=2024-02-10&to=2026-02-11",
            "?program_id=" + program.id() + "&from=2026-02-30",
            "?program_id=" + program.id() + "&to=11-02-2026",
            "?from=2026-01-01")) {
            HttpResult refused = participant.http().get(path + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            refusals.put(query.substring(query.indexOf('&') + 1), errors(refused));
        }

        assertThat(refusals.values()).containsExactly(List.of("to out_of_range"), List.of("to out_of_range"),
            List.of("from wrong_type"), List.of("to wrong_type"), List.of("program_id required"));
        assertThat(participant.http().get(path + "?program_id=" + program.id() + "&from=2024-02-11&to=2026-02-11")
            .status()).isEqualTo(200);
        assertThat(participant.http().get(path + "?program_id=prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W").status()).isEqualTo(404);
    }

    @Test
    void theParticipantTheirMentorAndTheCoordinatorsReadProgressAndNobodyElseNotEvenAnAdmin() {
        CLOCK.set(chicago("2026-02-11T12:00"));
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Program other = fixtures.program("Cedar Valley Circle", "Still Pond");
        Session participant = fixtures.participant(program, "Green Fern");
        Session exMentor = fixtures.mentor(program, "Bright Harbor");
        CheckinFixtures.end(exMentor, fixtures.mentorship(program, exMentor, participant));
        Session mentor = fixtures.mentor(program, "Steady Oak");
        fixtures.mentorship(program, mentor, participant);
        Session peer = fixtures.participant(program, "Blue Heron");
        Session secondCoordinator = fixtures.person(program.id(), "Calm Lake", "coordinator");
        checkin(participant, body(program.id(), "mood", 4, "note", "Kept this one to myself."));

        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("participant", progress(participant, participant, program, "").status());
        answers.put("mentor", progress(mentor, participant, program, "").status());
        answers.put("coordinator", progress(program.coordinator(), participant, program, "").status());
        answers.put("second coordinator", progress(secondCoordinator, participant, program, "").status());
        answers.put("ex-mentor", progress(exMentor, participant, program, "").status());
        answers.put("peer", progress(peer, participant, program, "").status());
        answers.put("other coordinator", progress(other.coordinator(), participant, program, "").status());
        answers.put("admin", progress(fixtures.admin(), participant, program, "").status());
        answers.put("anonymous", server.http().get("/v1/participants/" + participant.userId() + "/progress?program_id="
            + program.id()).status());

        assertThat(answers).containsExactly(Map.entry("participant", 200), Map.entry("mentor", 200),
            Map.entry("coordinator", 200), Map.entry("second coordinator", 200), Map.entry("ex-mentor", 404),
            Map.entry("peer", 404), Map.entry("other coordinator", 404), Map.entry("admin", 404),
            Map.entry("anonymous", 401));
        assertThat(progress(mentor, participant, program, "").body()).doesNotContain("Kept this one to myself.");
        assertThat(progress(peer, participant, program, "").body()).doesNotContain("weeks")
            .doesNotContain(participant.email());
    }
}
