package org.kindred.api.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.checkins.CheckinFixtures.checkinId;
import static org.kindred.api.checkins.CheckinFixtures.postEmpty;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.ADMIN;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.ANONYMOUS;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.COMPLETED_MENTOR;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.CONTINUING_MENTOR;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.COORDINATOR;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.EX_MENTOR;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.FACILITATOR;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.LEAVER;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.MEMBER;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.MENTOR;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.OTHER_COORDINATOR;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.OTHER_GROUP_MEMBER;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.OTHER_MENTOR;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.OWNER;
import static org.kindred.api.checkins.CheckinSharingTest.Actor.PEER;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kindred.api.checkins.CheckinFixtures.World;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * Who may do what with a participant's check-ins, as one table: each row is a person in some relation to
 * the owner, the check-ins (by visibility) they may see, and the answer they get for the owner's progress.
 * Every operation is asserted for every row and every visibility: what they may not see does not exist for
 * them (404), anonymous callers get 401, the note is the owner's alone, and refused writes change nothing.
 */
class CheckinSharingTest {
    private static final String NOTE = "Slept badly again; told only the cat about the argument with my sister.";
    private static final List<String> VISIBILITIES = List.of("private", "mentor", "group");

    private static TestServer server;
    private static CheckinFixtures fixtures;
    private static World world;
    private static final Map<String, String> CHECKINS = new LinkedHashMap<>();

    enum Actor {
        OWNER(World::owner),
        MENTOR(World::mentor),
        CONTINUING_MENTOR(World::continuingMentor),
        EX_MENTOR(World::exMentor),
        COMPLETED_MENTOR(World::completedMentor),
        OTHER_MENTOR(World::otherMentor),
        FACILITATOR(World::facilitator),
        MEMBER(World::member),
        LEAVER(World::leaver),
        OTHER_GROUP_MEMBER(World::otherGroupMember),
        PEER(World::peer),
        COORDINATOR(w -> w.program().coordinator()),
        OTHER_COORDINATOR(w -> w.otherProgram().coordinator()),
        ADMIN(World::admin),
        ANONYMOUS(w -> null);

        private final Function<World, Session> person;

        Actor(Function<World, Session> person) {
            this.person = person;
        }

        Session session() {
            return person.apply(world);
        }

        Http http() {
            return this == ANONYMOUS ? server.http() : session().http();
        }
    }

    static Stream<Arguments> sharing() {
        return Stream.of(
            //   who                     sees check-ins shared as      progress of the owner
            row(OWNER,                  "private mentor group",        200),
            row(MENTOR,                 "mentor",                      200),
            row(CONTINUING_MENTOR,      "mentor",                      200),
            row(EX_MENTOR,              "",                            404),
            row(COMPLETED_MENTOR,       "",                            404),
            row(OTHER_MENTOR,           "",                            404),
            row(FACILITATOR,            "group",                       404),
            row(MEMBER,                 "group",                       404),
            row(LEAVER,                 "",                            404),
            row(OTHER_GROUP_MEMBER,     "",                            404),
            row(PEER,                   "",                            404),
            row(COORDINATOR,            "",                            200),
            row(OTHER_COORDINATOR,      "",                            404),
            row(ADMIN,                  "",                            404),
            row(ANONYMOUS,              "",                            401));
    }

    private static Arguments row(Actor actor, String sees, int progress) {
        return Arguments.of(actor, sees.isEmpty() ? Set.of() : Set.of(sees.split(" ")), progress);
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(CheckinFixtures.ENV);
        fixtures = new CheckinFixtures(server);
        world = fixtures.world();
        for (String visibility : VISIBILITIES) {
            CHECKINS.put(visibility, create(visibility));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String create(String visibility) {
        return checkinId(world.owner(), world.program().id(), "mood", 2, "energy", 2,
            "tags", List.of("setback", "small_victory"), "note", NOTE, "who5", List.of(3, 3, 3, 3, 3),
            "visibility", visibility, "group_id", visibility.equals("group") ? world.groupId() : null);
    }

    private static int refusal(Actor actor) {
        return actor == ANONYMOUS ? 401 : 404;
    }

    private static String path(String visibility) {
        return "/v1/checkins/" + CHECKINS.get(visibility);
    }

    private static HttpResult asOwner(String visibility) {
        HttpResult read = world.owner().http().get(path(visibility));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read;
    }

    private static void assertLeaksNothing(HttpResult refused) {
        assertThat(refused.body()).doesNotContain(NOTE).doesNotContain(world.owner().userId())
            .doesNotContain(world.owner().email()).doesNotContain("Green Fern");
    }

    private static void assertNoteOnlyForOwner(Actor actor, JsonNode checkin) {
        if (actor == OWNER) {
            assertThat(checkin.path("note").asText()).isEqualTo(NOTE);
        } else {
            assertThat(checkin.path("note").isNull()).as("note for " + actor).isTrue();
        }
    }

    private static List<String> listed(Actor actor, String query) {
        HttpResult list = actor.http().get("/v1/checkins?limit=100" + query);
        if (actor == ANONYMOUS) {
            assertThat(list.status()).isEqualTo(401);
            assertThat(list.code()).isEqualTo("unauthorized");
            return List.of();
        }
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode checkin : list.json().path("data")) {
            if (CHECKINS.containsValue(checkin.path("id").asText())) {
                assertNoteOnlyForOwner(actor, checkin);
                ids.add(checkin.path("id").asText());
            }
        }
        return ids;
    }

    private static List<String> ids(Set<String> visibilities) {
        return visibilities.stream().map(CHECKINS::get).toList();
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("sharing")
    void eachPersonReadsExactlyTheCheckinsSharedWithThem(Actor actor, Set<String> sees, int progress) {
        for (String visibility : VISIBILITIES) {
            asOwner(visibility); // so that the check-in is in memory when the actor asks for it
            HttpResult read = actor.http().get(path(visibility));
            if (sees.contains(visibility)) {
                assertThat(read.status()).as(actor + " reads " + visibility).isEqualTo(200);
                assertThat(read.text("/participant_id")).isEqualTo(world.owner().userId());
                assertThat(read.text("/participant_display_name")).isEqualTo("Green Fern");
                assertThat(read.json().path("safety").isNull()).isTrue();
                assertNoteOnlyForOwner(actor, read.json());
            } else {
                assertThat(read.status()).as(actor + " reads " + visibility).isEqualTo(refusal(actor));
                assertThat(read.code()).isEqualTo(actor == ANONYMOUS ? "unauthorized" : "not_found");
                assertLeaksNothing(read);
            }
        }
    }

    @ParameterizedTest(name = "{0} lists {1}")
    @MethodSource("sharing")
    void eachPersonListsExactlyTheCheckinsSharedWithThem(Actor actor, Set<String> sees, int progress) {
        assertThat(listed(actor, "")).containsExactlyInAnyOrderElementsOf(ids(sees));
        assertThat(listed(actor, "&participant_id=" + world.owner().userId()))
            .containsExactlyInAnyOrderElementsOf(ids(sees));
        assertThat(listed(actor, "&group_id=" + world.groupId()))
            .containsExactlyInAnyOrderElementsOf(ids(sees.contains("group") ? Set.of("group") : Set.of()));
    }

    @ParameterizedTest(name = "{0} edits")
    @MethodSource("sharing")
    void onlyTheOwnerEdits(Actor actor, Set<String> sees, int progress) {
        for (String visibility : VISIBILITIES) {
            HttpResult before = asOwner(visibility);
            HttpResult patched = actor.http().patch(path(visibility), "{\"energy\": 5, \"note\": \"rewritten\"}");
            if (actor == OWNER) {
                assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
                assertThat(patched.json().path("energy").asInt()).isEqualTo(5);
                HttpResult restored = actor.http().patch(path(visibility), "{\"energy\": 2, \"note\": \"" + NOTE + "\"}");
                assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
                continue;
            }
            int expected = sees.contains(visibility) ? 403 : refusal(actor);
            assertThat(patched.status()).as(actor + " edits " + visibility).isEqualTo(expected);
            assertLeaksNothing(patched);
            assertThat(asOwner(visibility).body()).isEqualTo(before.body());
        }
    }

    @ParameterizedTest(name = "{0} deletes")
    @MethodSource("sharing")
    void onlyTheOwnerDeletes(Actor actor, Set<String> sees, int progress) {
        for (String visibility : VISIBILITIES) {
            if (actor == OWNER) {
                String throwaway = create(visibility);
                assertThat(actor.http().delete("/v1/checkins/" + throwaway).status()).isEqualTo(204);
                assertThat(actor.http().get("/v1/checkins/" + throwaway).status()).isEqualTo(404);
                continue;
            }
            HttpResult before = asOwner(visibility);
            HttpResult deleted = actor.http().delete(path(visibility));
            int expected = sees.contains(visibility) ? 403 : refusal(actor);
            assertThat(deleted.status()).as(actor + " deletes " + visibility).isEqualTo(expected);
            assertLeaksNothing(deleted);
            assertThat(asOwner(visibility).body()).isEqualTo(before.body());
        }
    }

    @ParameterizedTest(name = "{0} encourages")
    @MethodSource("sharing")
    void everyoneWhoSeesACheckinButItsOwnerMayEncourageIt(Actor actor, Set<String> sees, int progress) {
        for (String visibility : VISIBILITIES) {
            String message = "Thinking of you, from " + actor + " on " + visibility;
            HttpResult sent = actor.http().post(path(visibility) + "/encouragements", "{\"message\": \"" + message + "\"}");
            if (actor == OWNER) {
                assertThat(sent.status()).as(sent.toString()).isEqualTo(422);
                assertThat(sent.code()).isEqualTo("unprocessable");
            } else if (sees.contains(visibility)) {
                assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
                assertThat(sent.text("/author_display_name"))
                    .isEqualTo(actor.http().get("/v1/me").text("/display_name"));
                assertThat(sent.text("/checkin_id")).isEqualTo(CHECKINS.get(visibility));
            } else {
                assertThat(sent.status()).as(actor + " encourages " + visibility).isEqualTo(refusal(actor));
                assertLeaksNothing(sent);
            }
            List<String> received = new ArrayList<>();
            world.owner().http().get(path(visibility) + "/encouragements?limit=100").json().path("data")
                .forEach(e -> received.add(e.path("message").asText()));
            if (sees.contains(visibility) && actor != OWNER) {
                assertThat(received).contains(message);
            } else {
                assertThat(received).doesNotContain(message);
            }
        }
    }

    @ParameterizedTest(name = "{0} lists encouragement")
    @MethodSource("sharing")
    void theEncouragementOnACheckinIsForThoseWhoSeeIt(Actor actor, Set<String> sees, int progress) {
        for (String visibility : VISIBILITIES) {
            HttpResult list = actor.http().get(path(visibility) + "/encouragements");
            assertThat(list.status()).as(actor + " lists encouragement on " + visibility)
                .isEqualTo(sees.contains(visibility) ? 200 : refusal(actor));
            if (list.status() != 200) {
                assertLeaksNothing(list);
            }
        }
    }

    @ParameterizedTest(name = "{0} reads progress: {2}")
    @MethodSource("sharing")
    void progressIsForTheParticipantTheirMentorsAndTheProgramsStaff(Actor actor, Set<String> sees, int progress) {
        HttpResult read = actor.http().get("/v1/participants/" + world.owner().userId() + "/progress?program_id="
            + world.program().id());
        assertThat(read.status()).as(read.toString()).isEqualTo(progress);
        if (progress == 200) {
            assertThat(read.text("/participant_id")).isEqualTo(world.owner().userId());
            assertThat(read.json().path("who5").path("first").asInt()).isEqualTo(60);
        } else {
            assertThat(read.body()).doesNotContain(world.owner().email()).doesNotContain("Green Fern")
                .doesNotContain("\"weeks\"");
        }
    }

    @Test
    void aMentorLosesAccessTheMomentTheMentorshipEnds() {
        Session participant = fixtures.participant(world.program(), "Amber Dawn");
        Session mentor = fixtures.mentor(world.program(), "Kind Willow");
        String mentorship = fixtures.mentorship(world.program(), mentor, participant);
        String shared = checkinId(participant, world.program().id(), "visibility", "mentor", "note", NOTE);
        String progress = "/v1/participants/" + participant.userId() + "/progress?program_id=" + world.program().id();
        String listed = "/v1/checkins?participant_id=" + participant.userId();
        assertThat(mentor.http().get("/v1/checkins/" + shared).status()).isEqualTo(200);
        assertThat(CheckinFixtures.allIds(mentor.http(), listed)).containsExactly(shared);
        assertThat(mentor.http().get(progress).status()).isEqualTo(200);

        CheckinFixtures.end(participant, mentorship);

        assertThat(mentor.http().get("/v1/checkins/" + shared).status()).isEqualTo(404);
        assertThat(CheckinFixtures.allIds(mentor.http(), listed)).isEmpty();
        assertThat(mentor.http().post("/v1/checkins/" + shared + "/encouragements", "{\"message\": \"Still here\"}")
            .status()).isEqualTo(404);
        assertThat(mentor.http().get(progress).status()).isEqualTo(404);
    }

    @Test
    void aMemberWhoJoinsTheGroupSeesWhatItSharesAtOnce() {
        Session member = fixtures.participant(world.program(), "Amber Dawn");
        String shared = CHECKINS.get("group");
        String listed = "/v1/checkins?group_id=" + world.groupId();
        assertThat(CheckinFixtures.allIds(member.http(), listed)).isEmpty();

        CheckinFixtures.join(member, world.groupId());

        assertThat(CheckinFixtures.allIds(member.http(), listed)).contains(shared);
    }

    @Test
    void aMemberWhoLeavesTheGroupLosesAccessAtOnce() {
        Session member = fixtures.participant(world.program(), "Amber Dawn");
        String membership = CheckinFixtures.join(member, world.groupId());
        String shared = CHECKINS.get("group");
        String listed = "/v1/checkins?group_id=" + world.groupId();
        assertThat(member.http().get("/v1/checkins/" + shared).status()).isEqualTo(200);
        assertThat(CheckinFixtures.allIds(member.http(), listed)).contains(shared);

        CheckinFixtures.leave(member, world.groupId(), membership);

        assertThat(member.http().get("/v1/checkins/" + shared).status()).isEqualTo(404);
        assertThat(CheckinFixtures.allIds(member.http(), listed)).isEmpty();
    }

    @Test
    void checkinsSharedWithAGroupLeaveItWithTheirAuthor() {
        Session author = fixtures.participant(world.program(), "Amber Dawn");
        String membership = CheckinFixtures.join(author, world.groupId());
        String shared = checkinId(author, world.program().id(), "visibility", "group", "group_id", world.groupId());
        assertThat(world.member().http().get("/v1/checkins/" + shared).status()).isEqualTo(200);

        CheckinFixtures.leave(author, world.groupId(), membership);

        assertThat(world.member().http().get("/v1/checkins/" + shared).status()).isEqualTo(404);
        assertThat(author.http().get("/v1/checkins/" + shared).status()).isEqualTo(200);
    }

    @Test
    void makingACheckinPrivateAgainHidesItFromTheGroup() {
        Session author = fixtures.participant(world.program(), "Amber Dawn");
        CheckinFixtures.join(author, world.groupId());
        String shared = checkinId(author, world.program().id(), "visibility", "group", "group_id", world.groupId());
        String listed = "/v1/checkins?group_id=" + world.groupId();
        assertThat(world.member().http().get("/v1/checkins/" + shared).status()).isEqualTo(200);
        assertThat(CheckinFixtures.allIds(world.member().http(), listed)).contains(shared);

        HttpResult patched = author.http().patch("/v1/checkins/" + shared, "{\"visibility\": \"private\", \"group_id\": null}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(world.member().http().get("/v1/checkins/" + shared).status()).isEqualTo(404);
        assertThat(CheckinFixtures.allIds(world.member().http(), listed)).doesNotContain(shared);
        assertThat(world.facilitator().http().get("/v1/checkins/" + shared).status()).isEqualTo(404);
    }

    @Test
    void aRemovedMentorRoleEndsTheMentorsAccess() {
        Session participant = fixtures.participant(world.program(), "Amber Dawn");
        Session mentor = fixtures.mentor(world.program(), "Kind Willow");
        fixtures.mentorship(world.program(), mentor, participant);
        String shared = checkinId(participant, world.program().id(), "visibility", "mentor");
        String listed = "/v1/checkins?participant_id=" + participant.userId();
        assertThat(mentor.http().get("/v1/checkins/" + shared).status()).isEqualTo(200);
        assertThat(CheckinFixtures.allIds(mentor.http(), listed)).containsExactly(shared);

        String membership = mentor.http().get("/v1/me").json().path("memberships").get(0).path("id").asText();
        HttpResult removed = world.program().coordinator().http()
            .delete("/v1/programs/" + world.program().id() + "/members/" + membership);

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(mentor.http().get("/v1/checkins/" + shared).status()).isEqualTo(404);
        assertThat(CheckinFixtures.allIds(mentor.http(), listed)).isEmpty();
    }

    @Test
    void aMentorSeesOnlyTheCheckinsOfTheProgramTheyMentorIn() {
        Session participant = fixtures.participant(world.program(), "Amber Dawn");
        Session mentor = fixtures.mentor(world.program(), "Kind Willow");
        fixtures.mentorship(world.program(), mentor, participant);
        ProgramFixtures.grant(server, world.otherProgram().id(), participant, "participant");
        String elsewhere = checkinId(participant, world.otherProgram().id(), "visibility", "mentor");
        String here = checkinId(participant, world.program().id(), "visibility", "mentor");

        assertThat(mentor.http().get("/v1/checkins/" + here).status()).isEqualTo(200);
        assertThat(mentor.http().get("/v1/checkins/" + elsewhere).status()).isEqualTo(404);
        assertThat(CheckinFixtures.allIds(mentor.http(), "/v1/checkins?participant_id=" + participant.userId()))
            .containsExactly(here);
    }

    @Test
    void aMemberAwaitingApprovalSeesNothingSharedWithTheGroup() {
        HttpResult group = world.program().coordinator().http().post("/v1/groups",
            GroupFixtures.body(world.program().id(), "{\"membership_policy\": \"approval\"}"));
        String groupId = group.text("/id");
        Session author = fixtures.participant(world.program(), "Amber Dawn");
        String authorMembership = CheckinFixtures.join(author, groupId);
        HttpResult approved = postEmpty(world.program().coordinator(),
            "/v1/groups/" + groupId + "/members/" + authorMembership + "/approve");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        Session waiting = fixtures.participant(world.program(), "Kind Willow");
        assertThat(GroupFixtures.join(waiting, groupId).path("status").asText()).isEqualTo("pending");

        String shared = checkinId(author, world.program().id(), "visibility", "group", "group_id", groupId);

        assertThat(waiting.http().get("/v1/checkins/" + shared).status()).isEqualTo(404);
        assertThat(CheckinFixtures.allIds(waiting.http(), "/v1/checkins?group_id=" + groupId)).isEmpty();
    }
}
