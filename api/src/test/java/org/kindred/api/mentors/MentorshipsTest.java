package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.mentors.MentorFixtures.act;
import static org.kindred.api.mentors.MentorFixtures.active;
import static org.kindred.api.mentors.MentorFixtures.completed;
import static org.kindred.api.mentors.MentorFixtures.continuing;
import static org.kindred.api.mentors.MentorFixtures.decline;
import static org.kindred.api.mentors.MentorFixtures.end;
import static org.kindred.api.mentors.MentorFixtures.expect;
import static org.kindred.api.mentors.MentorFixtures.ids;
import static org.kindred.api.mentors.MentorFixtures.read;
import static org.kindred.api.mentors.MentorFixtures.request;
import static org.kindred.api.mentors.MentorFixtures.requested;
import static org.kindred.api.mentors.MentorFixtures.status;
import static org.kindred.api.programs.ProgramFixtures.fieldErrors;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.mentors.MentorFixtures.Circle;
import org.kindred.api.mentors.MentorFixtures.MentorRef;
import org.kindred.api.mentors.MentorFixtures.Participant;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class MentorshipsTest {
    private static TestServer server;
    private static MentorFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new MentorFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> mentorshipsOf(Session viewer, String query) {
        return ids(viewer.http().get("/v1/mentorships?limit=100" + query));
    }

    @Test
    void aParticipantAsksAMentor() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");

        HttpResult created = participant.http().post("/v1/mentorships", json(fields("program_id", circle.id(),
            "mentor_id", mentor.id(), "participant_id", participant.userId(), "message", "Evenings are hard for me.")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(id).startsWith("msh_");
        assertThat(created.header("Location")).isEqualTo("/v1/mentorships/" + id);
        assertThat(created.text("/status")).isEqualTo("requested");
        assertThat(created.text("/program_id")).isEqualTo(circle.id());
        assertThat(created.text("/mentor_id")).isEqualTo(mentor.id());
        assertThat(created.text("/mentor_user_id")).isEqualTo(mentor.person().userId());
        assertThat(created.text("/mentor_display_name")).isEqualTo("Tall Pine");
        assertThat(created.text("/participant_id")).isEqualTo(participant.userId());
        assertThat(created.text("/participant_display_name")).isEqualTo("Quiet River");
        assertThat(created.text("/message")).isEqualTo("Evenings are hard for me.");
        assertThat(created.json().path("started_at").isNull()).isTrue();
        assertThat(created.json().path("reason").isNull()).isTrue();
        assertThat(created.body()).doesNotContain("@");
        assertThat(read(mentor.person(), "/v1/mentorships/" + id)).isEqualTo(created.json());
    }

    @Test
    void aCoordinatorAsksAMentorForAParticipant() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");

        HttpResult created = request(circle.coordinator(), circle, mentor, participant.userId());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("/participant_id")).isEqualTo(participant.userId());
        assertThat(mentorshipsOf(participant.person(), "")).containsExactly(created.text("/id"));
    }

    @Test
    void nobodyElseAsksOnAParticipantsBehalf() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");
        Participant other = fixtures.participant(circle, "Blue Heron");
        Circle elsewhere = fixtures.circle();

        for (Session caller : List.of(other.person(), mentor.person(), elsewhere.coordinator())) {
            HttpResult refused = request(caller, circle, mentor, participant.userId());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        HttpResult unauthenticated = server.http().post("/v1/mentorships", json(fields("program_id", circle.id(),
            "mentor_id", mentor.id(), "participant_id", participant.userId())));
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.code()).isEqualTo("unauthorized");
        assertThat(mentorshipsOf(participant.person(), "")).isEmpty();
        assertThat(mentorshipsOf(circle.coordinator(), "&program_id=" + circle.id())).isEmpty();
    }

    @Test
    void onlyParticipantsOfTheProgramAndMentorsOfTheProgramMakeAMentorship() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");
        Session stranger = server.newUser("Curious Wren");
        Circle elsewhere = fixtures.circle();
        MentorRef foreignMentor = fixtures.mentor(elsewhere, "Bright Fern");

        HttpResult notAParticipant = request(circle.coordinator(), circle, mentor, stranger.userId());
        HttpResult mentorOfAnotherProgram = request(participant.person(), circle, foreignMentor, participant.userId());
        HttpResult mentorAsTheirOwnMentee = request(circle.coordinator(), circle, mentor, mentor.person().userId());

        for (HttpResult refused : List.of(notAParticipant, mentorOfAnotherProgram, mentorAsTheirOwnMentee)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("unprocessable");
            assertThat(refused.body()).doesNotContain("Bright Fern");
        }
        assertThat(mentorshipsOf(circle.coordinator(), "&program_id=" + circle.id())).isEmpty();
        assertThat(mentorshipsOf(elsewhere.coordinator(), "&program_id=" + elsewhere.id())).isEmpty();
    }

    @Test
    void aMentorWhoIsAlsoAParticipantCannotMentorThemself() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        assertThat(mentor.person().http().post(circle.path("/enrollments"), null).status()).isEqualTo(201);

        HttpResult refused = request(mentor.person(), circle, mentor, mentor.person().userId());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unprocessable");
        assertThat(mentorshipsOf(mentor.person(), "")).isEmpty();
    }

    @Test
    void aRequestNamesTheProgramMentorAndParticipant() {
        Circle circle = fixtures.circle();
        Participant participant = fixtures.participant(circle, "Quiet River");

        assertThat(fieldErrors(participant.http().post("/v1/mentorships", json(fields("message", "Hello")))))
            .containsExactly("program_id required", "mentor_id required", "participant_id required");
        assertThat(fieldErrors(participant.http().post("/v1/mentorships", json(fields("program_id", circle.id(),
            "mentor_id", "mnt_x", "participant_id", participant.userId(), "message", "m".repeat(1001))))))
            .containsExactly("message too_long");
        assertThat(fieldErrors(participant.http().post("/v1/mentorships", json(fields("program_id", circle.id(),
            "mentor_id", "mnt_x", "participant_id", participant.userId(), "status", "active")))))
            .containsExactly("status unknown_property");
        assertThat(mentorshipsOf(participant.person(), "")).isEmpty();
    }

    @Test
    void aParticipantHasOneOpenMentorshipPerProgram() {
        Circle circle = fixtures.circle();
        MentorRef first = fixtures.mentor(circle, "Tall Pine");
        MentorRef second = fixtures.mentor(circle, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String open = requested(circle, first, participant);

        HttpResult whileRequested = request(participant.person(), circle, second, participant.userId());
        HttpResult sameMentorAgain = request(circle.coordinator(), circle, first, participant.userId());
        expect(act(first.person(), open, "accept"), "active");
        HttpResult whileActive = request(participant.person(), circle, second, participant.userId());

        for (HttpResult refused : List.of(whileRequested, sameMentorAgain, whileActive)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("mentorship_exists");
        }
        assertThat(mentorshipsOf(participant.person(), "")).containsExactly(open);
    }

    @Test
    void askingAFullMentorWhoAlreadyMentorsYouSaysSoRatherThanThatTheyAreFull() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine", "capacity", 1);
        Participant participant = fixtures.participant(circle, "Quiet River");
        String open = active(circle, mentor, participant);

        HttpResult refused = request(participant.person(), circle, mentor, participant.userId());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("mentorship_exists");
        assertThat(mentorshipsOf(participant.person(), "")).containsExactly(open);
    }

    @Test
    void aContinuingMentorshipIsNotRequestedASecondTimeWithTheSameMentor() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        MentorRef other = fixtures.mentor(circle, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String continuing = continuing(circle, mentor, participant);

        HttpResult refused = request(participant.person(), circle, mentor, participant.userId());
        String withAnother = requested(circle, other, participant);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("mentorship_exists");
        assertThat(mentorshipsOf(participant.person(), "")).containsExactly(continuing, withAnother);
    }

    @Test
    void aClosedMentorshipLeavesRoomForANewRequest() {
        Circle circle = fixtures.circle();
        MentorRef first = fixtures.mentor(circle, "Tall Pine");
        MentorRef second = fixtures.mentor(circle, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String declined = requested(circle, first, participant);
        expect(decline(first.person(), declined, "not_a_good_fit"), "declined");
        String ended = requested(circle, second, participant);
        expect(end(participant.person(), ended, "participant_request"), "ended");
        String done = completed(circle, first, participant);

        String again = requested(circle, second, participant);

        assertThat(mentorshipsOf(participant.person(), "")).containsExactly(declined, ended, done, again);
    }

    @Test
    void anOpenMentorshipInOneProgramDoesNotBlockAnother() {
        Circle circle = fixtures.circle();
        Circle other = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        MentorRef otherMentor = fixtures.mentor(other, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");
        assertThat(participant.http().post(other.path("/enrollments"), null).status()).isEqualTo(201);
        String here = requested(circle, mentor, participant);

        HttpResult there = request(participant.person(), other, otherMentor, participant.userId());

        assertThat(there.status()).as(there.toString()).isEqualTo(201);
        assertThat(mentorshipsOf(participant.person(), "")).containsExactly(here, there.text("/id"));
    }

    @Test
    void pausedAndWithdrawnMentorsTakeNoRequests() {
        Circle circle = fixtures.circle();
        MentorRef paused = fixtures.mentor(circle, "Tall Pine", "status", "paused");
        MentorRef withdrawn = fixtures.mentor(circle, "Bright Fern", "status", "withdrawn");
        Participant participant = fixtures.participant(circle, "Quiet River");

        for (HttpResult refused : List.of(request(participant.person(), circle, paused, participant.userId()),
            request(circle.coordinator(), circle, withdrawn, participant.userId()))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("mentor_unavailable");
        }
        assertThat(mentorshipsOf(participant.person(), "")).isEmpty();
        assertThat(mentorshipsOf(paused.person(), "")).isEmpty();
    }

    /** Participants do not see withdrawn mentors; asking for one is answered as for an id that names no mentor. */
    @Test
    void aWithdrawnMentorIsNoMentorToParticipants() {
        Circle circle = fixtures.circle();
        MentorRef withdrawn = fixtures.mentor(circle, "Bright Fern", "status", "withdrawn");
        Participant participant = fixtures.participant(circle, "Quiet River");

        HttpResult refused = request(participant.person(), circle, withdrawn, participant.userId());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unprocessable");
        assertThat(refused.body()).doesNotContain("withdrawn").doesNotContain("Bright Fern");
        assertThat(participant.person().http().get("/v1/mentors/" + withdrawn.id()).status()).isEqualTo(404);
        assertThat(mentorshipsOf(participant.person(), "")).isEmpty();
    }

    @Test
    void aMentorAtCapacityTakesNoRequests() {
        Circle circle = fixtures.circle();
        MentorRef full = fixtures.mentor(circle, "Tall Pine", "capacity", 1);
        MentorRef pausing = fixtures.mentor(circle, "Bright Fern", "capacity", 0);
        active(circle, full, fixtures.participant(circle, "Blue Heron"));
        Participant participant = fixtures.participant(circle, "Quiet River");

        for (MentorRef mentor : List.of(full, pausing)) {
            HttpResult refused = request(participant.person(), circle, mentor, participant.userId());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("mentor_full");
        }
        assertThat(mentorshipsOf(participant.person(), "")).isEmpty();
    }

    @Test
    void acceptingBeyondCapacityIsRefusedAndTheRequestWaits() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine", "capacity", 1);
        Participant first = fixtures.participant(circle, "Quiet River");
        Participant second = fixtures.participant(circle, "Blue Heron");
        String firstRequest = requested(circle, mentor, first);
        String secondRequest = requested(circle, mentor, second);
        expect(act(mentor.person(), firstRequest, "accept"), "active");

        HttpResult refused = act(mentor.person(), secondRequest, "accept");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("mentor_full");
        assertThat(status(second.person(), secondRequest)).isEqualTo("requested");
        assertThat(read(mentor.person(), "/v1/mentors/" + mentor.id()).path("active_mentees").asInt()).isEqualTo(1);
        expect(decline(mentor.person(), secondRequest, "no_capacity"), "declined");
    }

    @Test
    void raisingTheCapacityLetsTheMentorAcceptAWaitingRequest() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine", "capacity", 1);
        String firstRequest = requested(circle, mentor, fixtures.participant(circle, "Quiet River"));
        String secondRequest = requested(circle, mentor, fixtures.participant(circle, "Blue Heron"));
        expect(act(mentor.person(), firstRequest, "accept"), "active");
        assertThat(act(mentor.person(), secondRequest, "accept").code()).isEqualTo("mentor_full");

        assertThat(mentor.person().http().patch("/v1/mentors/" + mentor.id(), json(fields("capacity", 2))).status())
            .isEqualTo(200);

        expect(act(mentor.person(), secondRequest, "accept"), "active");
    }

    @Test
    void aPausedMentorCannotAcceptUntilActiveAgain() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = requested(circle, mentor, participant);
        assertThat(mentor.person().http().patch("/v1/mentors/" + mentor.id(), json(fields("status", "paused"))).status())
            .isEqualTo(200);

        HttpResult refused = act(mentor.person(), id, "accept");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("mentor_unavailable");
        assertThat(status(participant.person(), id)).isEqualTo("requested");
        assertThat(mentor.person().http().patch("/v1/mentors/" + mentor.id(), json(fields("status", "active"))).status())
            .isEqualTo(200);
        expect(act(mentor.person(), id, "accept"), "active");
    }

    @Test
    void onlyTheMentorAnswersARequest() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = requested(circle, mentor, participant);
        JsonNode before = read(participant.person(), "/v1/mentorships/" + id);

        for (Session caller : List.of(participant.person(), circle.coordinator(), server.admin())) {
            for (HttpResult refused : List.of(act(caller, id, "accept"), decline(caller, id, "other"))) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("forbidden");
            }
        }
        assertThat(read(participant.person(), "/v1/mentorships/" + id)).isEqualTo(before);
    }

    @Test
    void theParticipantCannotCompleteAndACoordinatorCannotContinue() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String activeId = active(circle, mentor, participant);

        HttpResult complete = act(participant.person(), activeId, "complete");
        assertThat(complete.status()).isEqualTo(403);
        assertThat(complete.code()).isEqualTo("forbidden");
        assertThat(status(participant.person(), activeId)).isEqualTo("active");

        expect(act(mentor.person(), activeId, "complete"), "completed");
        JsonNode before = read(participant.person(), "/v1/mentorships/" + activeId);
        for (Session caller : List.of(circle.coordinator(), server.admin())) {
            HttpResult refused = act(caller, activeId, "continue");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(read(participant.person(), "/v1/mentorships/" + activeId)).isEqualTo(before);
    }

    @Test
    void anotherMentorOrParticipantOfTheProgramCannotActOnAMentorship() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        MentorRef otherMentor = fixtures.mentor(circle, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");
        Participant otherParticipant = fixtures.participant(circle, "Blue Heron");
        String id = active(circle, mentor, participant);
        JsonNode before = read(participant.person(), "/v1/mentorships/" + id);

        for (Session caller : List.of(otherMentor.person(), otherParticipant.person())) {
            for (HttpResult refused : List.of(act(caller, id, "accept"), decline(caller, id, "other"),
                end(caller, id, "other"), act(caller, id, "complete"), act(caller, id, "continue"))) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
                assertThat(refused.code()).isEqualTo("not_found");
                assertThat(refused.body()).doesNotContain("Quiet River").doesNotContain("Tall Pine");
            }
        }
        assertThat(read(participant.person(), "/v1/mentorships/" + id)).isEqualTo(before);
    }

    @Test
    void declineAndEndNeedAReasonFromTheirLists() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String requestId = requested(circle, mentor, participant);

        assertThat(fieldErrors(mentor.person().http().post("/v1/mentorships/" + requestId + "/decline", "{}")))
            .containsExactly("reason required");
        assertThat(fieldErrors(decline(mentor.person(), requestId, "goals_met"))).containsExactly("reason invalid_value");
        assertThat(fieldErrors(end(participant.person(), requestId, "mentor_withdrew")))
            .containsExactly("reason invalid_value");
        assertThat(fieldErrors(end(participant.person(), requestId, "left_program")))
            .containsExactly("reason invalid_value");
        assertThat(fieldErrors(end(participant.person(), requestId, "bored"))).containsExactly("reason invalid_value");
        HttpResult noBody = mentor.person().http().post("/v1/mentorships/" + requestId + "/decline", null);
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.code()).isEqualTo("malformed_json");
        assertThat(status(participant.person(), requestId)).isEqualTo("requested");
    }

    @Test
    void aParticipantRemovedFromTheProgramLeavesTheirOpenMentorshipsButNotContinuingOnes() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        MentorRef formerMentor = fixtures.mentor(circle, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String afterProgram = continuing(circle, formerMentor, participant);
        String current = active(circle, mentor, participant);

        HttpResult removed = circle.coordinator().http().delete(circle.path("/members/" + participant.memberId()));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        JsonNode ended = read(participant.person(), "/v1/mentorships/" + current);
        assertThat(ended.path("status").asText()).isEqualTo("ended");
        assertThat(ended.path("reason").asText()).isEqualTo("left_program");
        assertThat(ended.path("ended_at").isNull()).isFalse();
        assertThat(status(participant.person(), afterProgram)).isEqualTo("continuing");
        assertThat(status(formerMentor.person(), afterProgram)).isEqualTo("continuing");
        assertThat(read(mentor.person(), "/v1/mentors/" + mentor.id()).path("active_mentees").asInt()).isZero();
    }

    @Test
    void aParticipantWhoLeavesWithdrawsTheirRequest() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = requested(circle, mentor, participant);

        HttpResult left = participant.http().delete(circle.path("/members/" + participant.memberId()));

        assertThat(left.status()).as(left.toString()).isEqualTo(204);
        JsonNode ended = read(mentor.person(), "/v1/mentorships/" + id);
        assertThat(ended.path("status").asText()).isEqualTo("ended");
        assertThat(ended.path("reason").asText()).isEqualTo("left_program");
        assertThat(act(mentor.person(), id, "accept").code()).isEqualTo("invalid_transition");
    }

    @Test
    void eachPersonListsTheirOwnMentorshipsOnEitherSide() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant first = fixtures.participant(circle, "Quiet River");
        Participant second = fixtures.participant(circle, "Blue Heron");
        String firstId = active(circle, mentor, first);
        String secondId = requested(circle, mentor, second);
        Circle other = fixtures.circle();
        MentorRef otherMentor = fixtures.mentor(other, "Bright Fern");
        assertThat(mentor.person().http().post(other.path("/enrollments"), null).status()).isEqualTo(201);
        String asMentee = requested(other, otherMentor, new Participant(mentor.person(), null));

        assertThat(mentorshipsOf(first.person(), "")).containsExactly(firstId);
        assertThat(mentorshipsOf(second.person(), "")).containsExactly(secondId);
        assertThat(mentorshipsOf(mentor.person(), "")).containsExactly(firstId, secondId, asMentee);
        assertThat(mentorshipsOf(mentor.person(), "&as=mentor")).containsExactly(firstId, secondId);
        assertThat(mentorshipsOf(mentor.person(), "&as=participant")).containsExactly(asMentee);
        assertThat(mentorshipsOf(mentor.person(), "&status=requested")).containsExactly(secondId, asMentee);
        assertThat(mentorshipsOf(mentor.person(), "&status=active")).containsExactly(firstId);
        assertThat(mentorshipsOf(mentor.person(), "&program_id=" + other.id())).containsExactly(asMentee);
        assertThat(mentorshipsOf(mentor.person(), "&program_id=" + circle.id() + "&status=requested&as=mentor"))
            .containsExactly(secondId);
        assertThat(mentorshipsOf(first.person(), "&as=mentor")).isEmpty();
    }

    @Test
    void coordinatorsListTheirProgramsMentorships() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        String activeId = active(circle, mentor, fixtures.participant(circle, "Quiet River"));
        String requestId = requested(circle, mentor, fixtures.participant(circle, "Blue Heron"));
        Circle other = fixtures.circle();
        String elsewhere = requested(other, fixtures.mentor(other, "Bright Fern"), fixtures.participant(other, "Red Fox"));

        assertThat(mentorshipsOf(circle.coordinator(), "")).containsExactly(activeId, requestId);
        assertThat(mentorshipsOf(circle.coordinator(), "&program_id=" + circle.id() + "&status=active"))
            .containsExactly(activeId);
        assertThat(mentorshipsOf(circle.coordinator(), "&as=mentor")).isEmpty();
        assertThat(mentorshipsOf(circle.coordinator(), "&program_id=" + other.id())).isEmpty();
        assertThat(mentorshipsOf(server.admin(), "&program_id=" + other.id())).containsExactly(elsewhere);
    }

    @Test
    void theListPagesAndRefusesBadFilters() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        String a = requested(circle, mentor, fixtures.participant(circle, "Quiet River"));
        String b = requested(circle, mentor, fixtures.participant(circle, "Blue Heron"));
        String c = requested(circle, mentor, fixtures.participant(circle, "Red Fox"));

        HttpResult page1 = mentor.person().http().get("/v1/mentorships?limit=2");
        HttpResult page2 = mentor.person().http().get("/v1/mentorships?limit=2&cursor=" + page1.text("/next_cursor"));

        assertThat(ids(page1)).containsExactly(a, b);
        assertThat(page1.json().path("has_more").asBoolean()).isTrue();
        assertThat(ids(page2)).containsExactly(c);
        assertThat(page2.json().path("has_more").asBoolean()).isFalse();
        assertThat(fieldErrors(mentor.person().http().get("/v1/mentorships?status=paused")))
            .containsExactly("status invalid_value");
        assertThat(fieldErrors(mentor.person().http().get("/v1/mentorships?as=coordinator")))
            .containsExactly("as invalid_value");
        assertThat(fieldErrors(mentor.person().http().get("/v1/mentorships?cursor=abc"))).containsExactly("cursor invalid_cursor");
        assertThat(fieldErrors(mentor.person().http().get("/v1/mentorships?mentor_id=" + mentor.id())))
            .containsExactly("mentor_id unknown_parameter");
    }

    @Test
    void theSameIdempotencyKeyMakesOneMentorship() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String body = json(fields("program_id", circle.id(), "mentor_id", mentor.id(),
            "participant_id", participant.userId()));

        HttpResult first = participant.http().header("Idempotency-Key", "ask-tall-pine").post("/v1/mentorships", body);
        HttpResult replay = participant.http().header("Idempotency-Key", "ask-tall-pine").post("/v1/mentorships", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.text("/id")).isEqualTo(first.text("/id"));
        assertThat(mentorshipsOf(participant.person(), "")).containsExactly(first.text("/id"));
    }
}
