package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.mentors.MentorFixtures.act;
import static org.kindred.api.mentors.MentorFixtures.active;
import static org.kindred.api.mentors.MentorFixtures.completed;
import static org.kindred.api.mentors.MentorFixtures.continuing;
import static org.kindred.api.mentors.MentorFixtures.decline;
import static org.kindred.api.mentors.MentorFixtures.end;
import static org.kindred.api.mentors.MentorFixtures.expect;
import static org.kindred.api.mentors.MentorFixtures.read;
import static org.kindred.api.mentors.MentorFixtures.requested;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.api.mentors.MentorFixtures.Circle;
import org.kindred.api.mentors.MentorFixtures.MentorRef;
import org.kindred.api.mentors.MentorFixtures.Participant;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * The mentorship state machine: requested → active → completed → continuing; requested → declined;
 * requested, active or continuing → ended. Every other (status, action) pair is a 409 invalid_transition
 * for every person who may otherwise take that action, and changes nothing.
 */
class MentorshipTransitionsTest {
    enum Action {
        accept, decline, end, complete, continue_;

        @Override
        public String toString() {
            return this == continue_ ? "continue" : name();
        }
    }

    enum Actor { mentor, participant, coordinator }

    private static final Map<MentorshipStatus, List<Action>> LEGAL = Map.of(
        MentorshipStatus.requested, List.of(Action.accept, Action.decline, Action.end),
        MentorshipStatus.active, List.of(Action.end, Action.complete),
        MentorshipStatus.declined, List.of(),
        MentorshipStatus.ended, List.of(),
        MentorshipStatus.completed, List.of(Action.continue_),
        MentorshipStatus.continuing, List.of(Action.end));

    /** Who may take each action at all; coordinators do not see continuing mentorships (tested elsewhere). */
    private static final Map<Action, List<Actor>> ACTORS = Map.of(
        Action.accept, List.of(Actor.mentor),
        Action.decline, List.of(Actor.mentor),
        Action.end, List.of(Actor.participant, Actor.mentor, Actor.coordinator),
        Action.complete, List.of(Actor.mentor, Actor.coordinator),
        Action.continue_, List.of(Actor.participant, Actor.mentor));

    private static TestServer server;
    private static MentorFixtures fixtures;
    private static Circle circle;
    private static MentorRef mentor;
    /** One mentorship in each status; an illegal action changes nothing, so each serves all of them. */
    private static final Map<MentorshipStatus, Mentorship> IN_STATUS = new EnumMap<>(MentorshipStatus.class);

    private record Mentorship(String id, Participant participant) {
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new MentorFixtures(server);
        circle = fixtures.circle();
        mentor = fixtures.mentor(circle, "Tall Pine", "capacity", 20);
        for (MentorshipStatus status : MentorshipStatus.values()) {
            Participant participant = fixtures.participant(circle, "Quiet River");
            IN_STATUS.put(status, new Mentorship(inStatus(status, participant), participant));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String inStatus(MentorshipStatus status, Participant participant) {
        return switch (status) {
            case requested -> requested(circle, mentor, participant);
            case active -> active(circle, mentor, participant);
            case declined -> {
                String id = requested(circle, mentor, participant);
                expect(decline(mentor.person(), id, "not_a_good_fit"), "declined");
                yield id;
            }
            case ended -> {
                String id = active(circle, mentor, participant);
                expect(end(participant.person(), id, "goals_met"), "ended");
                yield id;
            }
            case completed -> completed(circle, mentor, participant);
            case continuing -> continuing(circle, mentor, participant);
        };
    }

    private static Session person(Actor actor, Participant participant) {
        return switch (actor) {
            case mentor -> mentor.person();
            case participant -> participant.person();
            case coordinator -> circle.coordinator();
        };
    }

    private static HttpResult take(Action action, Session caller, String id) {
        return switch (action) {
            case decline -> decline(caller, id, "no_capacity");
            case end -> end(caller, id, "other");
            case accept, complete, continue_ -> act(caller, id, action.toString());
        };
    }

    static Stream<Arguments> illegalTransitions() {
        List<Arguments> cases = new ArrayList<>();
        for (MentorshipStatus status : MentorshipStatus.values()) {
            for (Action action : Action.values()) {
                if (LEGAL.get(status).contains(action)) {
                    continue;
                }
                for (Actor actor : ACTORS.get(action)) {
                    if (!(actor == Actor.coordinator && status == MentorshipStatus.continuing)) {
                        cases.add(Arguments.of(status, action, actor));
                    }
                }
            }
        }
        return cases.stream();
    }

    @Test
    void theIllegalPairsAreEveryPairButTheSevenLegalOnes() {
        long illegalPairs = illegalTransitions().map(a -> List.of(a.get()[0], a.get()[1])).distinct().count();

        assertThat(illegalPairs).isEqualTo(MentorshipStatus.values().length * Action.values().length - 7);
    }

    @ParameterizedTest(name = "{2} cannot {1} a {0} mentorship")
    @MethodSource("illegalTransitions")
    void anIllegalTransitionIsAConflictAndChangesNothing(MentorshipStatus status, Action action, Actor actor) {
        Mentorship mentorship = IN_STATUS.get(status);
        String path = "/v1/mentorships/" + mentorship.id();
        JsonNode before = read(mentorship.participant().person(), path);
        assertThat(before.path("status").asText()).isEqualTo(status.name());

        HttpResult refused = take(action, person(actor, mentorship.participant()), mentorship.id());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("invalid_transition");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(read(mentorship.participant().person(), path)).isEqualTo(before);
    }

    @Test
    void theMentorAcceptsARequest() {
        Participant participant = fixtures.participant(circle, "Blue Heron");
        String id = requested(circle, mentor, participant);
        int before = read(mentor.person(), "/v1/mentors/" + mentor.id()).path("active_mentees").asInt();

        JsonNode accepted = expect(act(mentor.person(), id, "accept"), "active");

        assertThat(accepted.path("started_at").isNull()).isFalse();
        assertThat(accepted.path("ended_at").isNull()).isTrue();
        assertThat(accepted.path("reason").isNull()).isTrue();
        assertThat(read(participant.person(), "/v1/mentorships/" + id)).isEqualTo(accepted);
        assertThat(read(mentor.person(), "/v1/mentors/" + mentor.id()).path("active_mentees").asInt())
            .isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no_capacity", "not_a_good_fit", "unavailable", "other"})
    void theMentorDeclinesARequestWithAReason(String reason) {
        Participant participant = fixtures.participant(circle, "Blue Heron");
        String id = requested(circle, mentor, participant);

        JsonNode declined = expect(decline(mentor.person(), id, reason), "declined");

        assertThat(declined.path("reason").asText()).isEqualTo(reason);
        assertThat(declined.path("ended_at").isNull()).isFalse();
        assertThat(declined.path("started_at").isNull()).isTrue();
        assertThat(read(participant.person(), "/v1/mentorships/" + id)).isEqualTo(declined);
    }

    @ParameterizedTest
    @ValueSource(strings = {"participant", "mentor", "coordinator"})
    void aRequestCanBeWithdrawnOrClosed(String actor) {
        Participant participant = fixtures.participant(circle, "Blue Heron");
        String id = requested(circle, mentor, participant);

        JsonNode ended = expect(end(person(Actor.valueOf(actor), participant), id, "participant_request"), "ended");

        assertThat(ended.path("reason").asText()).isEqualTo("participant_request");
        assertThat(ended.path("started_at").isNull()).isTrue();
        assertThat(ended.path("ended_at").isNull()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"participant", "mentor", "coordinator"})
    void anActiveMentorshipIsEndedByEitherSideOrACoordinator(String actor) {
        Participant participant = fixtures.participant(circle, "Blue Heron");
        String id = active(circle, mentor, participant);
        int before = read(mentor.person(), "/v1/mentors/" + mentor.id()).path("active_mentees").asInt();

        JsonNode ended = expect(end(person(Actor.valueOf(actor), participant), id, "safety_concern"), "ended");

        assertThat(ended.path("reason").asText()).isEqualTo("safety_concern");
        assertThat(ended.path("started_at").isNull()).isFalse();
        assertThat(ended.path("ended_at").isNull()).isFalse();
        assertThat(read(mentor.person(), "/v1/mentors/" + mentor.id()).path("active_mentees").asInt())
            .isEqualTo(before - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mentor", "coordinator"})
    void anActiveMentorshipIsCompletedByTheMentorOrACoordinator(String actor) {
        Participant participant = fixtures.participant(circle, "Blue Heron");
        String id = active(circle, mentor, participant);

        JsonNode done = expect(act(person(Actor.valueOf(actor), participant), id, "complete"), "completed");

        assertThat(done.path("ended_at").isNull()).isFalse();
        assertThat(done.path("mentor_agreed_to_continue").asBoolean()).isFalse();
        assertThat(done.path("participant_agreed_to_continue").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"participant", "mentor"})
    void oneSideAloneLeavesItCompletedWithThatSidesFlag(String actor) {
        Participant participant = fixtures.participant(circle, "Blue Heron");
        String id = completed(circle, mentor, participant);

        JsonNode once = expect(act(person(Actor.valueOf(actor), participant), id, "continue"), "completed");
        JsonNode twice = expect(act(person(Actor.valueOf(actor), participant), id, "continue"), "completed");

        boolean mentorSide = actor.equals("mentor");
        for (JsonNode result : List.of(once, twice)) {
            assertThat(result.path("mentor_agreed_to_continue").asBoolean()).isEqualTo(mentorSide);
            assertThat(result.path("participant_agreed_to_continue").asBoolean()).isEqualTo(!mentorSide);
        }
        assertThat(read(participant.person(), "/v1/mentorships/" + id).path("status").asText()).isEqualTo("completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"participant", "mentor"})
    void whenBothSidesAgreeItContinues(String first) {
        Participant participant = fixtures.participant(circle, "Blue Heron");
        String id = completed(circle, mentor, participant);
        Actor firstActor = Actor.valueOf(first);
        Actor secondActor = firstActor == Actor.mentor ? Actor.participant : Actor.mentor;
        expect(act(person(firstActor, participant), id, "continue"), "completed");

        JsonNode continuing = expect(act(person(secondActor, participant), id, "continue"), "continuing");

        assertThat(continuing.path("mentor_agreed_to_continue").asBoolean()).isTrue();
        assertThat(continuing.path("participant_agreed_to_continue").asBoolean()).isTrue();
        assertThat(read(mentor.person(), "/v1/mentorships/" + id).path("status").asText()).isEqualTo("continuing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"participant", "mentor"})
    void aContinuingMentorshipIsEndedByEitherSide(String actor) {
        Participant participant = fixtures.participant(circle, "Blue Heron");
        String id = continuing(circle, mentor, participant);

        JsonNode ended = expect(end(person(Actor.valueOf(actor), participant), id, "mentor_request"), "ended");

        assertThat(ended.path("reason").asText()).isEqualTo("mentor_request");
        assertThat(read(participant.person(), "/v1/mentorships/" + id).path("status").asText()).isEqualTo("ended");
    }
}
