package org.kindred.api.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.checkins.CheckinFixtures.body;
import static org.kindred.api.checkins.CheckinFixtures.checkin;
import static org.kindred.api.checkins.CheckinFixtures.checkinId;
import static org.kindred.api.checkins.CheckinFixtures.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.checkins.CheckinFixtures.Program;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Checking in, reading, editing within a day, deleting; validation and Idempotency-Key. */
class CheckinCrudTest {
    private static final MutableClock CLOCK = MutableClock.atSystemTime();
    private static TestServer server;
    private static CheckinFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(CheckinFixtures.ENV, CLOCK);
        fixtures = new CheckinFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Person(Program program, Session participant) {
        String programId() {
            return program.id();
        }

        HttpResult create(Object... fields) {
            return participant.http().post("/v1/checkins", body(programId(), fields));
        }

        List<String> checkins() {
            return CheckinFixtures.allIds(participant.http(), "/v1/checkins");
        }
    }

    private static Person person() {
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        return new Person(program, fixtures.participant(program, "Green Fern"));
    }

    private static void assertRefused(HttpResult result, int status, String code, String... fieldErrors) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.code()).isEqualTo(code);
        assertThat(errors(result)).containsExactly(fieldErrors);
    }

    private static void assertInvalid(Person person, HttpResult result, String... fieldErrors) {
        assertRefused(result, 400, "validation_failed", fieldErrors);
        assertThat(person.checkins()).isEmpty();
    }

    @Test
    void aCheckinIsAnsweredWithItsScores() {
        Person person = person();

        HttpResult created = person.create("mood", 2, "energy", 1, "tags", List.of("setback"), "note", "Rough week.",
            "who5", List.of(2, 2, 3, 3, 2), "phq4", List.of(1, 2, 0, 1));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode checkin = created.json();
        assertThat(created.header("Location")).isEqualTo("/v1/checkins/" + checkin.path("id").asText());
        assertThat(checkin.path("id").asText()).startsWith("chk_");
        assertThat(checkin.path("participant_id").asText()).isEqualTo(person.participant().userId());
        assertThat(checkin.path("participant_display_name").asText()).isEqualTo("Green Fern");
        assertThat(checkin.path("note").asText()).isEqualTo("Rough week.");
        assertThat(checkin.path("visibility").asText()).isEqualTo("private");
        assertThat(checkin.path("in_crisis").asBoolean()).isFalse();
        assertThat(checkin.path("safety").isNull()).isTrue();
        assertThat(checkin.path("who5_score").toString())
            .isEqualTo("{\"raw\":12,\"percentage\":48,\"poor_wellbeing\":true}");
        assertThat(checkin.path("phq4_score").toString()).isEqualTo("{\"total\":4,\"band\":\"mild\",\"anxiety\":3,"
            + "\"anxiety_positive\":true,\"depression\":1,\"depression_positive\":false}");
        assertThat(person.participant().http().get("/v1/checkins/" + checkin.path("id").asText()).json()
            .path("who5_score")).isEqualTo(checkin.path("who5_score"));
    }

    @Test
    void aCheckinWithoutInstrumentsHasNoScores() {
        Person person = person();
        JsonNode checkin = checkin(person.participant(), body(person.programId()));

        assertThat(checkin.path("who5").isNull()).isTrue();
        assertThat(checkin.path("who5_score").isNull()).isTrue();
        assertThat(checkin.path("phq4_score").isNull()).isTrue();
        assertThat(checkin.path("tags").isEmpty()).isTrue();
    }

    @Test
    void instrumentAnswersOutOfRangeAreRefusedWithTheItemAtFault() {
        Person person = person();

        assertInvalid(person, person.create("who5", List.of(1, 1, 6, 1, 1)), "who5[2] out_of_range");
        assertInvalid(person, person.create("who5", List.of(1, 1, 1, 1, -1)), "who5[4] out_of_range");
        assertInvalid(person, person.create("phq4", List.of(0, 4, 0, 0)), "phq4[1] out_of_range");
        assertInvalid(person, person.create("who5", List.of(1, 1, 1, 1)), "who5 invalid_value");
        assertInvalid(person, person.create("phq4", List.of(0, 0, 0, 0, 0)), "phq4 invalid_value");
        assertInvalid(person, person.create("who5", List.of(5, 5, 5, 5, 5, 5), "phq4", List.of(3, 3, 3, 9)),
            "who5 invalid_value", "phq4[3] out_of_range");
    }

    @Test
    void moodIsRequiredAndRunsFromOneToFive() {
        Person person = person();

        assertInvalid(person, person.create("mood", null), "mood required");
        assertInvalid(person, person.create("mood", 0), "mood out_of_range");
        assertInvalid(person, person.create("mood", 6), "mood out_of_range");
        assertThat(person.create("mood", 1).status()).isEqualTo(201);
        assertThat(person.create("mood", 5).status()).isEqualTo(201);
    }

    @Test
    void energyRunsFromOneToFive() {
        Person person = person();

        assertInvalid(person, person.create("energy", 0), "energy out_of_range");
        assertInvalid(person, person.create("energy", 6), "energy out_of_range");
        assertThat(person.create("energy", 1).status()).isEqualTo(201);
        assertThat(person.create("energy", 5).status()).isEqualTo(201);
    }

    @Test
    void tagsComeFromTheListAndDoNotRepeat() {
        Person person = person();

        assertInvalid(person, person.create("tags", List.of("gratitude", "gratitude")), "tags duplicate");
        assertInvalid(person, person.create("tags", List.of("gratitude", "joy")), "tags[1] invalid_value");
        JsonNode all = checkin(person.participant(), body(person.programId(), "tags", List.of("small_victory",
            "setback", "gratitude", "coping_strategy", "attended_group", "craving", "other")));
        assertThat(all.path("tags")).hasSize(7);
    }

    @Test
    void aNoteHoldsAtMostTwoThousandCharacters() {
        Person person = person();

        assertInvalid(person, person.create("note", "a".repeat(2001)), "note too_long");
        assertInvalid(person, person.create("note", "   "), "note too_short");
        assertThat(checkin(person.participant(), body(person.programId(), "note", "é".repeat(2000)))
            .path("note").asText()).hasSize(2000);
    }

    @Test
    void sharingWithAGroupNamesTheGroupAndOnlyThen() {
        Person person = person();
        String groupId = fixtures.group(person.program());
        CheckinFixtures.join(person.participant(), groupId);

        assertInvalid(person, person.create("visibility", "group"), "group_id required");
        assertInvalid(person, person.create("visibility", "private", "group_id", groupId), "group_id invalid_value");
        assertInvalid(person, person.create("visibility", "mentor", "group_id", groupId), "group_id invalid_value");
        assertInvalid(person, person.create("group_id", groupId), "group_id invalid_value");
        assertInvalid(person, person.create("visibility", "friends"), "visibility invalid_value");
        JsonNode shared = checkin(person.participant(), body(person.programId(), "visibility", "group", "group_id", groupId));
        assertThat(shared.path("group_id").asText()).isEqualTo(groupId);
    }

    @Test
    void aGroupShareNeedsAGroupOfTheProgramTheAuthorBelongsTo() {
        Person person = person();
        String notJoined = fixtures.group(person.program());
        Program elsewhere = fixtures.program("Cedar Valley Circle", "Still Pond");
        Session sameParticipant = person.participant();
        org.kindred.api.programs.ProgramFixtures.grant(server, elsewhere.id(), sameParticipant, "participant");
        String otherProgramsGroup = fixtures.group(elsewhere);
        CheckinFixtures.join(sameParticipant, otherProgramsGroup);

        for (String groupId : List.of(notJoined, otherProgramsGroup, "grp_01JD4Z8Q6K2V9X1M3N5P7R9T0W")) {
            HttpResult refused = person.create("visibility", "group", "group_id", groupId);
            assertRefused(refused, 422, "unprocessable", "group_id invalid_reference");
        }
        assertThat(person.checkins()).isEmpty();
    }

    @Test
    void onlyTheProgramsParticipantsCheckIn() {
        Person person = person();
        Program other = fixtures.program("Cedar Valley Circle", "Still Pond");
        Session mentor = fixtures.mentor(person.program(), "Steady Oak");

        assertRefused(person.participant().http().post("/v1/checkins", body(other.id())), 403, "forbidden");
        assertRefused(person.program().coordinator().http().post("/v1/checkins", body(person.programId())), 403,
            "forbidden");
        assertRefused(mentor.http().post("/v1/checkins", body(person.programId())), 403, "forbidden");
        assertRefused(person.participant().http().post("/v1/checkins", body("prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W")), 404,
            "not_found");
        assertRefused(server.http().post("/v1/checkins", body(person.programId())), 401, "unauthorized");
        assertThat(person.checkins()).isEmpty();
        assertThat(CheckinFixtures.allIds(person.program().coordinator().http(), "/v1/checkins")).isEmpty();
    }

    @Test
    void unknownPropertiesAreRefused() {
        Person person = person();

        assertInvalid(person, person.create("who5_score", 25), "who5_score unknown_property");
    }

    @Test
    void aReadCarriesAnEtagThatAnswersNotModified() {
        Person person = person();
        String id = checkinId(person.participant(), person.programId());
        HttpResult read = person.participant().http().get("/v1/checkins/" + id);

        HttpResult again = person.participant().http().header("If-None-Match", read.header("ETag"))
            .get("/v1/checkins/" + id);

        assertThat(read.header("ETag")).isNotBlank();
        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void theAuthorEditsWithinTwentyFourHoursAndNotAfter() {
        Person person = person();
        String path = "/v1/checkins/" + checkinId(person.participant(), person.programId(), "mood", 2);

        CLOCK.advance(Duration.ofHours(24).minusSeconds(1));
        Session author = fixtures.fresh(person.participant());
        HttpResult edited = author.http().patch(path, "{\"mood\": 4, \"note\": \"Better by evening.\"}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("mood").asInt()).isEqualTo(4);
        assertThat(edited.text("/updated_at")).isNotEqualTo(edited.text("/created_at"));

        CLOCK.advance(Duration.ofSeconds(2));
        author = fixtures.fresh(author);
        HttpResult late = author.http().patch(path, "{\"mood\": 1}");

        assertRefused(late, 409, "conflict");
        JsonNode kept = author.http().get(path).json();
        assertThat(kept.path("mood").asInt()).isEqualTo(4);
        assertThat(kept.path("note").asText()).isEqualTo("Better by evening.");
    }

    @Test
    void instrumentsAndTheCrisisFlagStayAsFirstSent() {
        Person person = person();
        String path = "/v1/checkins/" + checkinId(person.participant(), person.programId(), "who5", List.of(3, 3, 3, 3, 3));
        String before = person.participant().http().get(path).body();

        assertRefused(person.participant().http().patch(path, "{\"who5\": [0, 0, 0, 0, 0]}"), 400, "validation_failed",
            "who5 unknown_property");
        assertRefused(person.participant().http().patch(path, "{\"in_crisis\": true}"), 400, "validation_failed",
            "in_crisis unknown_property");
        assertRefused(person.participant().http().patch(path, "{\"mood\": 0}"), 400, "validation_failed",
            "mood out_of_range");
        assertRefused(person.participant().http().patch(path, "{\"mood\": null}"), 400, "validation_failed",
            "mood required");
        assertThat(person.participant().http().get(path).body()).isEqualTo(before);
    }

    @Test
    void anEditCannotShareWithSomeoneElsesGroup() {
        Person person = person();
        String path = "/v1/checkins/" + checkinId(person.participant(), person.programId());
        String before = person.participant().http().get(path).body();

        HttpResult refused = person.participant().http().patch(path,
            "{\"visibility\": \"group\", \"group_id\": \"" + fixtures.group(person.program()) + "\"}");

        assertRefused(refused, 422, "unprocessable", "group_id invalid_reference");
        assertThat(person.participant().http().get(path).body()).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        Person person = person();
        String path = "/v1/checkins/" + checkinId(person.participant(), person.programId(), "mood", 2);
        String stale = person.participant().http().get(path).header("ETag");
        HttpResult first = person.participant().http().header("If-Match", stale).patch(path, "{\"mood\": 3}");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String current = person.participant().http().get(path).body();

        assertRefused(person.participant().http().header("If-Match", stale).patch(path, "{\"mood\": 5}"), 412,
            "precondition_failed");
        assertRefused(person.participant().http().header("If-Match", stale).delete(path), 412, "precondition_failed");

        assertThat(person.participant().http().get(path).body()).isEqualTo(current);
        HttpResult deleted = person.participant().http().header("If-Match", first.header("ETag")).delete(path);
        assertThat(deleted.status()).isEqualTo(204);
    }

    @Test
    void deletingACheckinTakesItsEncouragementWithIt() {
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session author = fixtures.participant(program, "Green Fern");
        Session mentor = fixtures.mentor(program, "Steady Oak");
        fixtures.mentorship(program, mentor, author);
        String path = "/v1/checkins/" + checkinId(author, program.id(), "visibility", "mentor");
        assertThat(mentor.http().post(path + "/encouragements", "{\"message\": \"Proud of you\"}").status()).isEqualTo(201);

        assertThat(author.http().delete(path).status()).isEqualTo(204);

        assertThat(author.http().get(path).status()).isEqualTo(404);
        assertThat(author.http().get(path + "/encouragements").status()).isEqualTo(404);
        assertThat(mentor.http().get(path + "/encouragements").status()).isEqualTo(404);
        assertThat(author.http().delete(path).status()).isEqualTo(404);
        assertThat(CheckinFixtures.allIds(author.http(), "/v1/checkins")).isEmpty();
    }

    @Test
    void aReplayedIdempotencyKeyReturnsTheFirstResponseAndCreatesNothing() {
        Person person = person();
        String body = body(person.programId(), "mood", 4, "note", "Walked to the lake.");
        HttpResult first = person.participant().http().header("Idempotency-Key", "checkin-lake-1")
            .post("/v1/checkins", body);

        HttpResult replay = person.participant().http().header("Idempotency-Key", "checkin-lake-1")
            .post("/v1/checkins", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(person.checkins()).containsExactly(first.text("/id"));
    }

    @Test
    void anIdempotencyKeyReusedForADifferentCheckinIsRefused() {
        Person person = person();
        HttpResult first = person.participant().http().header("Idempotency-Key", "checkin-lake-2")
            .post("/v1/checkins", body(person.programId(), "mood", 4));

        HttpResult reused = person.participant().http().header("Idempotency-Key", "checkin-lake-2")
            .post("/v1/checkins", body(person.programId(), "mood", 1));

        assertRefused(reused, 422, "idempotency_key_reused");
        assertThat(person.checkins()).containsExactly(first.text("/id"));
    }

    @Test
    void idempotencyKeysBelongToOnePerson() {
        Person person = person();
        Session peer = fixtures.participant(person.program(), "Blue Heron");
        String body = body(person.programId(), "mood", 4);
        HttpResult mine = person.participant().http().header("Idempotency-Key", "same-key").post("/v1/checkins", body);

        HttpResult theirs = peer.http().header("Idempotency-Key", "same-key").post("/v1/checkins", body);

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.text("/id")).isNotEqualTo(mine.text("/id"));
        assertThat(theirs.text("/participant_id")).isEqualTo(peer.userId());
    }

    @Test
    void theListPagesNewestFirst() {
        Person person = person();
        String first = checkinId(person.participant(), person.programId());
        String second = checkinId(person.participant(), person.programId());
        String third = checkinId(person.participant(), person.programId());

        HttpResult page = person.participant().http().get("/v1/checkins?limit=2");

        assertThat(CheckinFixtures.allIds(person.participant().http(), "/v1/checkins")).containsExactly(third, second, first);
        assertThat(page.json().path("has_more").asBoolean()).isTrue();
        HttpResult next = person.participant().http().get("/v1/checkins?limit=2&cursor=" + page.text("/next_cursor"));
        assertThat(next.json().path("data").get(0).path("id").asText()).isEqualTo(first);
        assertRefused(person.participant().http().get("/v1/checkins?limit=0"), 400, "validation_failed", "limit out_of_range");
        assertThat(person.participant().http().get("/v1/checkins?cursor=not-a-cursor").status()).isEqualTo(400);
    }

    @Test
    void theSameListAskedAgainShowsEveryWriteInBetween() {
        Person person = person();
        Http http = person.participant().http();
        String first = checkinId(person.participant(), person.programId());
        assertThat(CheckinFixtures.allIds(http, "/v1/checkins")).containsExactly(first);

        String second = checkinId(person.participant(), person.programId());
        assertThat(CheckinFixtures.allIds(http, "/v1/checkins")).containsExactly(second, first);

        assertThat(http.delete("/v1/checkins/" + first).status()).isEqualTo(204);
        assertThat(CheckinFixtures.allIds(http, "/v1/checkins")).containsExactly(second);
    }
}
