package org.kindred.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.checkins.CheckinFixtures.body;
import static org.kindred.api.checkins.CheckinFixtures.checkin;
import static org.kindred.api.checkins.CheckinFixtures.postEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.checkins.CheckinFixtures.Program;
import org.kindred.api.checkins.CheckinFixtures.World;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * The safety path: the response that carries the program's own crisis lines, and the alert that goes to the
 * participant's mentors and the program's coordinators and to nobody else, never with the note.
 */
class SafetyAlertTest {
    private static final String NOTE = "I can't keep going like this and I'm scared of what I might do tonight.";

    private static TestServer server;
    private static CheckinFixtures fixtures;
    private static World world;
    private static Session secondCoordinator;

    @BeforeAll
    static void start() {
        server = TestServer.start(CheckinFixtures.ENV);
        fixtures = new CheckinFixtures(server);
        world = fixtures.world();
        secondCoordinator = fixtures.person(world.program().id(), "Calm Lake", "coordinator");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A program, a participant and a mentor who mentors them. */
    private record Small(Program program, Session participant, Session mentor) {
        HttpResult create(Object... fields) {
            return participant.http().post("/v1/checkins", body(program.id(), fields));
        }
    }

    private static Small small() {
        Program program = fixtures.program("Harbor Peer Circle", "Quiet River");
        Session participant = fixtures.participant(program, "Green Fern");
        Session mentor = fixtures.mentor(program, "Steady Oak");
        fixtures.mentorship(program, mentor, participant);
        return new Small(program, participant, mentor);
    }

    /** The alerts about {@code participantId} that {@code reader} receives, newest first. */
    private static List<JsonNode> alerts(Session reader, String participantId, String query) {
        HttpResult list = reader.http().get("/v1/alerts?limit=100" + query);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonNode> alerts = new ArrayList<>();
        list.json().path("data").forEach(alert -> {
            if (alert.path("participant_id").asText().equals(participantId)) {
                alerts.add(alert);
            }
        });
        return alerts;
    }

    private static List<JsonNode> alerts(Session reader, String participantId) {
        return alerts(reader, participantId, "");
    }

    private static List<String> alertIds(Session reader, String participantId) {
        return alerts(reader, participantId).stream().map(alert -> alert.path("id").asText()).toList();
    }

    /** The owner says they are in crisis; returns the id of the alert that raised. */
    private static String ownerInCrisis() {
        List<String> before = alertIds(world.program().coordinator(), world.owner().userId());
        checkin(world.owner(), body(world.program().id(), "mood", 1, "note", NOTE, "in_crisis", true));
        List<String> after = new ArrayList<>(alertIds(world.program().coordinator(), world.owner().userId()));
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.get(0);
    }

    private static Map<String, Session> everyoneElse() {
        Map<String, Session> people = new LinkedHashMap<>();
        people.put("owner", world.owner());
        people.put("ex-mentor", world.exMentor());
        people.put("completed mentor", world.completedMentor());
        people.put("other mentor", world.otherMentor());
        people.put("facilitator", world.facilitator());
        people.put("member", world.member());
        people.put("leaver", world.leaver());
        people.put("other group member", world.otherGroupMember());
        people.put("peer", world.peer());
        people.put("other program's coordinator", world.otherProgram().coordinator());
        people.put("admin", world.admin());
        return people;
    }

    private static Map<String, Session> recipients() {
        return Map.of("mentor", world.mentor(), "continuing mentor", world.continuingMentor(),
            "coordinator", world.program().coordinator(), "second coordinator", secondCoordinator);
    }

    private static void assertOnlyHomeLines(JsonNode safety) {
        assertThat(safety.path("crisis_lines")).hasSize(1);
        JsonNode line = safety.path("crisis_lines").get(0);
        assertThat(line.path("name").asText()).isEqualTo("Harbor Crisis Line");
        assertThat(line.path("phone").asText()).isEqualTo("988");
        assertThat(line.path("country").asText()).isEqualTo("US");
        assertThat(safety.toString()).doesNotContain("Northern Lights").doesNotContain("866 555 0199")
            .doesNotContain("\"CA\"");
    }

    @Test
    void sayingYouAreInCrisisIsAnsweredWithTheProgramsOwnCrisisLines() {
        Small small = small();

        HttpResult created = small.create("mood", 1, "note", NOTE, "in_crisis", true);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode safety = created.json().path("safety");
        assertThat(safety.path("level").asText()).isEqualTo("crisis");
        assertThat(safety.path("message").asText()).isNotBlank();
        assertOnlyHomeLines(safety);
        assertThat(created.json().path("in_crisis").asBoolean()).isTrue();
    }

    @Test
    void theSafetyBlockIsOnlyInTheResponseThatCreatedTheCheckin() {
        Small small = small();
        String id = checkin(small.participant(), body(small.program().id(), "in_crisis", true, "visibility", "mentor"))
            .path("id").asText();

        HttpResult own = small.participant().http().get("/v1/checkins/" + id);
        HttpResult mentors = small.mentor().http().get("/v1/checkins/" + id);

        assertThat(own.json().path("safety").isNull()).isTrue();
        assertThat(own.json().path("in_crisis").asBoolean()).isTrue();
        assertThat(mentors.json().path("safety").isNull()).isTrue();
        assertThat(mentors.json().path("in_crisis").asBoolean()).isTrue();
    }

    @Test
    void aPhq4TotalOfNineIsElevatedAndEightIsNot() {
        Small small = small();

        HttpResult eight = small.create("phq4", List.of(2, 2, 2, 2));
        assertThat(eight.json().path("safety").isNull()).isTrue();
        assertThat(alerts(small.program().coordinator(), small.participant().userId())).isEmpty();

        HttpResult nine = small.create("phq4", List.of(3, 2, 2, 2));
        assertThat(nine.json().path("safety").path("level").asText()).isEqualTo("elevated");
        assertOnlyHomeLines(nine.json().path("safety"));
        List<JsonNode> raised = alerts(small.program().coordinator(), small.participant().userId());
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).path("level").asText()).isEqualTo("elevated");
    }

    @Test
    void aWho5FallIntoPoorWellbeingIsElevated() {
        Small small = small();
        assertThat(small.create("who5", List.of(3, 3, 3, 3, 3)).json().path("safety").isNull()).isTrue();

        HttpResult fell = small.create("who5", List.of(3, 3, 2, 2, 2));

        assertThat(fell.json().path("who5_score").path("raw").asInt()).isEqualTo(12);
        assertThat(fell.json().path("safety").path("level").asText()).isEqualTo("elevated");
        assertThat(alerts(small.mentor(), small.participant().userId())).hasSize(1);
    }

    @Test
    void aSmallerFallOrOneThatStaysAboveTwelveIsNotElevated() {
        Small small = small();
        small.create("who5", List.of(3, 3, 3, 3, 2));

        assertThat(small.create("who5", List.of(3, 3, 2, 2, 2)).json().path("safety").isNull())
            .as("raw 14 to 12 is 8 points").isTrue();
        assertThat(small.create("who5", List.of(5, 5, 5, 5, 5)).json().path("safety").isNull()).isTrue();
        assertThat(small.create("who5", List.of(5, 5, 3, 0, 0)).json().path("safety").isNull())
            .as("raw 25 to 13 is not poor wellbeing").isTrue();
        assertThat(alerts(small.program().coordinator(), small.participant().userId())).isEmpty();
    }

    @Test
    void theAlertReachesTheMentorsAndCoordinatorsAndNobodyElse() {
        String alert = ownerInCrisis();

        recipients().forEach((who, person) ->
            assertThat(alertIds(person, world.owner().userId())).as(who).contains(alert));
        everyoneElse().forEach((who, person) -> {
            HttpResult list = person.http().get("/v1/alerts?limit=100");
            assertThat(list.body()).as(who).doesNotContain(alert).doesNotContain(world.owner().userId());
        });
        assertThat(server.http().get("/v1/alerts").status()).isEqualTo(401);
    }

    @Test
    void theAlertSaysWhoNeedsSupportButNeverWhatTheyWrote() {
        String id = ownerInCrisis();

        JsonNode alert = alerts(world.mentor(), world.owner().userId()).stream()
            .filter(a -> a.path("id").asText().equals(id)).findFirst().orElseThrow();

        assertThat(alert.path("participant_display_name").asText()).isEqualTo("Green Fern");
        assertThat(alert.path("program_id").asText()).isEqualTo(world.program().id());
        assertThat(alert.path("level").asText()).isEqualTo("crisis");
        assertThat(alert.path("acknowledged_at").isNull()).isTrue();
        for (Session recipient : recipients().values()) {
            assertThat(recipient.http().get("/v1/alerts?limit=100").body()).doesNotContain(NOTE)
                .doesNotContain("scared").doesNotContain(world.owner().email());
        }
    }

    @Test
    void aRecipientAcknowledgesAndEveryRecipientSeesIt() {
        String alert = ownerInCrisis();

        HttpResult acknowledged = postEmpty(world.mentor(), "/v1/alerts/" + alert + "/acknowledge");

        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.text("/acknowledged_by_display_name")).isEqualTo("Steady Oak");
        String at = acknowledged.text("/acknowledged_at");
        for (Session recipient : recipients().values()) {
            JsonNode seen = alerts(recipient, world.owner().userId(), "&acknowledged=true").stream()
                .filter(a -> a.path("id").asText().equals(alert)).findFirst().orElseThrow();
            assertThat(seen.path("acknowledged_at").asText()).isEqualTo(at);
            assertThat(seen.path("acknowledged_by_display_name").asText()).isEqualTo("Steady Oak");
            assertThat(alerts(recipient, world.owner().userId(), "&acknowledged=false"))
                .noneMatch(a -> a.path("id").asText().equals(alert));
        }
    }

    @Test
    void aSecondAcknowledgementKeepsTheFirst() {
        String alert = ownerInCrisis();
        HttpResult first = postEmpty(world.program().coordinator(), "/v1/alerts/" + alert + "/acknowledge");

        HttpResult second = postEmpty(secondCoordinator, "/v1/alerts/" + alert + "/acknowledge");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("/acknowledged_by_display_name")).isEqualTo("Quiet River");
        assertThat(second.text("/acknowledged_at")).isEqualTo(first.text("/acknowledged_at"));
    }

    @Test
    void onlyARecipientCanAcknowledge() {
        String alert = ownerInCrisis();

        everyoneElse().forEach((who, person) -> {
            HttpResult refused = postEmpty(person, "/v1/alerts/" + alert + "/acknowledge");
            assertThat(refused.status()).as(who).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("not_found");
            assertThat(refused.body()).doesNotContain("Green Fern").doesNotContain(world.owner().userId());
        });
        assertThat(server.http().send("POST", "/v1/alerts/" + alert + "/acknowledge", (String) null, null).status())
            .isEqualTo(401);
        assertThat(postEmpty(world.mentor(), "/v1/alerts/alr_01JD4Z8Q6K2V9X1M3N5P7R9T0W/acknowledge").status())
            .isEqualTo(404);

        JsonNode unchanged = alerts(world.program().coordinator(), world.owner().userId()).stream()
            .filter(a -> a.path("id").asText().equals(alert)).findFirst().orElseThrow();
        assertThat(unchanged.path("acknowledged_at").isNull()).isTrue();
        assertThat(unchanged.path("acknowledged_by_display_name").isNull()).isTrue();
    }

    @Test
    void aReplayedCrisisCheckinCreatesNoSecondCheckinAndNoSecondAlert() {
        Small small = small();
        String body = body(small.program().id(), "mood", 1, "note", NOTE, "in_crisis", true);
        HttpResult first = small.participant().http().header("Idempotency-Key", "crisis-1").post("/v1/checkins", body);

        HttpResult replay = small.participant().http().header("Idempotency-Key", "crisis-1").post("/v1/checkins", body);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.json().path("safety").path("level").asText()).isEqualTo("crisis");
        assertThat(CheckinFixtures.allIds(small.participant().http(), "/v1/checkins")).containsExactly(first.text("/id"));
        assertThat(alerts(small.program().coordinator(), small.participant().userId())).hasSize(1);
        assertThat(alerts(small.mentor(), small.participant().userId())).hasSize(1);
    }

    /** The person was told someone now knows: with no coordinator and no mentor to tell, the admins are told. */
    @Test
    void anAlertOfAProgramWithNobodyToTellGoesToTheAdminsAndALaterCoordinatorTakesItUp() {
        HttpResult program = fixtures.admin().http().post("/v1/programs",
            ProgramFixtures.json(ProgramFixtures.activeProgram("Lone Harbor Circle", "open")));
        assertThat(program.status()).as(program.toString()).isEqualTo(201);
        String programId = program.text("/id");
        Session participant = fixtures.person(programId, "Lone Heron", "participant");

        JsonNode crisis = checkin(participant, body(programId, "mood", 1, "in_crisis", true));

        assertThat(crisis.at("/safety/level").asText()).isEqualTo("crisis");
        assertThat(alerts(fixtures.admin(), participant.userId())).hasSize(1);
        Session coordinator = fixtures.person(programId, "Late Willow", "coordinator");
        assertThat(alerts(coordinator, participant.userId())).hasSize(1);
        assertThat(alerts(fixtures.admin(), participant.userId())).as("the program has a coordinator again").isEmpty();
        assertThat(alerts(world.program().coordinator(), participant.userId())).isEmpty();
    }

    /** Only an active program is sure to have crisis lines to answer a crisis with. */
    @Test
    void aProgramThatIsNotActiveTakesNoCheckinsEvenFromItsStaff() {
        String draftId = ProgramFixtures.draft(server);
        Session staff = fixtures.person(draftId, "Both Hats", "coordinator");
        ProgramFixtures.grant(server, draftId, staff, "participant");

        HttpResult refused = staff.http().post("/v1/checkins", body(draftId, "mood", 1, "in_crisis", true));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("conflict");
        assertThat(staff.http().get("/v1/checkins").json().path("data")).isEmpty();
    }

    @Test
    void aCoordinatorWhoChecksInInCrisisIsNotShownTheirOwnAlert() {
        Small small = small();
        Session coordinator = small.program().coordinator();
        ProgramFixtures.grant(server, small.program().id(), coordinator, "participant");

        checkin(coordinator, body(small.program().id(), "mood", 1, "in_crisis", true));

        assertThat(alerts(coordinator, coordinator.userId())).isEmpty();
        assertThat(alerts(fixtures.admin(), coordinator.userId())).as("nobody but them to tell: the admins").hasSize(1);
        Session colleague = fixtures.person(small.program().id(), "Even Keel", "coordinator");
        assertThat(alerts(colleague, coordinator.userId())).hasSize(1);
        assertThat(alerts(fixtures.admin(), coordinator.userId())).isEmpty();
    }

    @Test
    void aMentorWhoseMentorshipEndedGetsNoNewAlerts() {
        Small small = small();
        Session next = fixtures.mentor(small.program(), "Bright Harbor");
        HttpResult mentorships = small.mentor().http().get("/v1/mentorships?as=mentor");
        CheckinFixtures.end(small.mentor(), mentorships.json().path("data").get(0).path("id").asText());
        fixtures.mentorship(small.program(), next, small.participant());

        small.create("in_crisis", true);

        assertThat(alerts(small.mentor(), small.participant().userId())).isEmpty();
        assertThat(alerts(next, small.participant().userId())).hasSize(1);
    }
}
