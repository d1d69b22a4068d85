package org.kindred.api.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.groups.GroupFixtures.fieldErrors;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.groups.GroupFixtures.Setup;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class RsvpTest {
    private static final String GOING_IN_PERSON = "{\"status\": \"going\", \"attendance_mode\": \"in_person\"}";
    private static final String GOING_ONLINE = "{\"status\": \"going\", \"attendance_mode\": \"online\"}";
    private static final String CANCELLED_IN_PERSON = "{\"status\": \"cancelled\", \"attendance_mode\": \"in_person\"}";

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

    /** A hybrid group with a facilitator, its first coming session, and people in the program. */
    private record Hybrid(Setup setup, Session facilitator, String groupId, String sessionId) {
        String rsvp() {
            return "/v1/sessions/" + sessionId + "/rsvp";
        }

        String rsvps() {
            return "/v1/sessions/" + sessionId + "/rsvps";
        }

        Session member(String name) {
            return fixtures.member(setup.programId(), groupId, name);
        }
    }

    private static Hybrid hybrid(int inPerson, int online) {
        return group("{\"capacity\": {\"in_person\": " + inPerson + ", \"online\": " + online + "}}");
    }

    /** The group is hybrid unless the overrides say otherwise. */
    private static Hybrid group(String overrides) {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PLAIN_VENUE);
        String body = "{\"format\": \"hybrid\", \"venue_id\": \"" + venue + "\", \"facilitator_ids\": [\"" + facilitator.userId() + "\"]}";
        String id = fixtures.groupId(setup, JsonText.merge(body, overrides));
        String session = GroupFixtures.comingSessions(server.http(), id).get(0).path("id").asText();
        return new Hybrid(setup, facilitator, id, session);
    }

    private static JsonNode answer(Session member, Hybrid group, String body) {
        HttpResult answered = member.http().put(group.rsvp(), body);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        return answered.json();
    }

    /** "display_name status mode position" for everyone, as the facilitator sees them. */
    private static List<String> rsvps(Hybrid group) {
        HttpResult list = group.facilitator().http().get(group.rsvps() + "?limit=100");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        list.json().path("data").forEach(r -> rows.add(r.path("display_name").asText() + " " + r.path("status").asText()
            + " " + r.path("attendance_mode").asText()
            + (r.path("waitlist_position").isNull() ? "" : " " + r.path("waitlist_position").asInt())));
        return rows;
    }

    private static JsonNode seats(Hybrid group) {
        return server.http().get("/v1/sessions/" + group.sessionId()).json();
    }

    @Test
    void aMemberTakesASeat() {
        Hybrid group = hybrid(2, 5);
        Session member = group.member("Green Fern");

        JsonNode rsvp = answer(member, group, GOING_IN_PERSON);

        assertThat(rsvp.path("status").asText()).isEqualTo("going");
        assertThat(rsvp.path("attendance_mode").asText()).isEqualTo("in_person");
        assertThat(rsvp.path("waitlist_position").isNull()).isTrue();
        assertThat(rsvp.path("session_id").asText()).isEqualTo(group.sessionId());
        assertThat(rsvp.path("user_id").asText()).isEqualTo(member.userId());
        assertThat(rsvp.path("display_name").asText()).isEqualTo("Green Fern");
        JsonNode session = seats(group);
        assertThat(session.at("/in_person/capacity").asInt()).isEqualTo(2);
        assertThat(session.at("/in_person/going").asInt()).isEqualTo(1);
        assertThat(session.at("/online/going").asInt()).isZero();
    }

    @Test
    void answeringTheSameTwiceTakesOneSeat() {
        Hybrid group = hybrid(2, 5);
        Session member = group.member("Green Fern");
        answer(member, group, GOING_IN_PERSON);

        JsonNode again = answer(member, group, GOING_IN_PERSON);

        assertThat(again.path("status").asText()).isEqualTo("going");
        assertThat(seats(group).at("/in_person/going").asInt()).isEqualTo(1);
        assertThat(rsvps(group)).containsExactly("Green Fern going in_person");
    }

    @Test
    void overCapacityMembersAreWaitlistedInOrder() {
        Hybrid group = hybrid(1, 5);
        answer(group.member("Green Fern"), group, GOING_IN_PERSON);

        JsonNode second = answer(group.member("Red Kite"), group, GOING_IN_PERSON);
        JsonNode third = answer(group.member("Blue Heron"), group, GOING_IN_PERSON);

        assertThat(second.path("status").asText()).isEqualTo("waitlisted");
        assertThat(second.path("waitlist_position").asInt()).isEqualTo(1);
        assertThat(third.path("waitlist_position").asInt()).isEqualTo(2);
        assertThat(seats(group).at("/in_person/going").asInt()).isEqualTo(1);
        assertThat(seats(group).at("/in_person/waitlisted").asInt()).isEqualTo(2);
        assertThat(rsvps(group)).containsExactly("Green Fern going in_person", "Red Kite waitlisted in_person 1",
            "Blue Heron waitlisted in_person 2");
    }

    @Test
    void seatsAreCountedPerMode() {
        Hybrid group = hybrid(1, 1);
        answer(group.member("Green Fern"), group, GOING_IN_PERSON);

        JsonNode online = answer(group.member("Red Kite"), group, GOING_ONLINE);
        JsonNode fullOnline = answer(group.member("Blue Heron"), group, GOING_ONLINE);

        assertThat(online.path("status").asText()).isEqualTo("going");
        assertThat(fullOnline.path("status").asText()).isEqualTo("waitlisted");
        assertThat(fullOnline.path("waitlist_position").asInt()).isEqualTo(1);
        JsonNode session = seats(group);
        assertThat(session.at("/in_person/going").asInt()).isEqualTo(1);
        assertThat(session.at("/online/going").asInt()).isEqualTo(1);
        assertThat(session.at("/online/waitlisted").asInt()).isEqualTo(1);
    }

    @Test
    void aFreedSeatGoesToTheFirstInLineOfThatMode() {
        Hybrid group = hybrid(1, 1);
        Session seated = group.member("Green Fern");
        answer(seated, group, GOING_IN_PERSON);
        answer(group.member("Night Moth"), group, GOING_ONLINE);
        answer(group.member("Slow Tide"), group, GOING_ONLINE);
        answer(group.member("Red Kite"), group, GOING_IN_PERSON);
        answer(group.member("Blue Heron"), group, GOING_IN_PERSON);

        JsonNode cancelled = answer(seated, group, CANCELLED_IN_PERSON);

        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(rsvps(group)).containsExactly("Green Fern cancelled in_person", "Night Moth going online",
            "Slow Tide waitlisted online 1", "Red Kite going in_person", "Blue Heron waitlisted in_person 1");
    }

    @Test
    void raisingTheCapacityGivesTheNewSeatsToThoseWaiting() {
        Hybrid group = hybrid(1, 5);
        answer(group.member("Green Fern"), group, GOING_IN_PERSON);
        answer(group.member("Red Kite"), group, GOING_IN_PERSON);
        answer(group.member("Blue Heron"), group, GOING_IN_PERSON);

        HttpResult raised = group.setup().coordinator().http().patch("/v1/groups/" + group.groupId(),
            "{\"capacity\": {\"in_person\": 2, \"online\": 5}}");

        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(rsvps(group)).containsExactly("Green Fern going in_person", "Red Kite going in_person",
            "Blue Heron waitlisted in_person 1");
    }

    /** Green Fern and Night Moth seated, in person and online; Red Kite and Slow Tide waiting behind them. */
    private static Hybrid oneSeatAndOneWaitingInEachMode() {
        Hybrid group = hybrid(1, 1);
        answer(group.member("Green Fern"), group, GOING_IN_PERSON);
        answer(group.member("Red Kite"), group, GOING_IN_PERSON);
        answer(group.member("Night Moth"), group, GOING_ONLINE);
        answer(group.member("Slow Tide"), group, GOING_ONLINE);
        return group;
    }

    @Test
    void raisingTheCapacityLeavesTheLineOfACancelledSessionWaiting() {
        Hybrid group = oneSeatAndOneWaitingInEachMode();
        HttpResult cancelled = group.facilitator().http().patch("/v1/sessions/" + group.sessionId(),
            "{\"status\": \"cancelled\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        HttpResult raised = group.setup().coordinator().http().patch("/v1/groups/" + group.groupId(),
            "{\"capacity\": {\"in_person\": 2, \"online\": 2}}");

        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        assertThat(rsvps(group)).containsExactly("Green Fern going in_person", "Red Kite waitlisted in_person 1",
            "Night Moth going online", "Slow Tide waitlisted online 1");
    }

    @Test
    void aModeTheGroupDropsKeepsItsLineWaiting() {
        Hybrid group = oneSeatAndOneWaitingInEachMode();

        HttpResult inPersonOnly = group.setup().coordinator().http().patch("/v1/groups/" + group.groupId(),
            "{\"format\": \"in_person\", \"conference_url\": null, \"conference_notes\": null,"
                + " \"capacity\": {\"in_person\": 2, \"online\": null}}");

        assertThat(inPersonOnly.status()).as(inPersonOnly.toString()).isEqualTo(200);
        assertThat(rsvps(group)).containsExactly("Green Fern going in_person", "Red Kite going in_person",
            "Night Moth going online", "Slow Tide waitlisted online 1");
        HttpResult members = group.setup().coordinator().http()
            .get("/v1/groups/" + group.groupId() + "/members?limit=100");
        String nightMoth = StreamSupport.stream(members.json().path("data").spliterator(), false)
            .filter(member -> member.path("display_name").asText().equals("Night Moth"))
            .map(member -> member.path("id").asText()).findFirst().orElseThrow();
        assertThat(group.setup().coordinator().http().delete("/v1/groups/" + group.groupId() + "/members/" + nightMoth)
            .status()).isEqualTo(204);
        assertThat(rsvps(group)).as("a seat freed in the dropped mode goes to nobody")
            .containsExactly("Green Fern going in_person", "Red Kite going in_person", "Night Moth cancelled online",
                "Slow Tide waitlisted online 1");
    }

    /** Seats can be free while people wait in a database written before waitlists were filled on every change. */
    @Test
    void thoseWaitingTakeFreeSeatsBeforeAnyoneNewDoes() {
        Hybrid group = hybrid(1, 5);
        answer(group.member("Green Fern"), group, GOING_IN_PERSON);
        answer(group.member("Red Kite"), group, GOING_IN_PERSON);
        server.services().db().useWrite(handle -> handle.createUpdate(
                "UPDATE peer_groups SET capacity_in_person = 2 WHERE id = :id")
            .bind("id", group.groupId())
            .execute());

        JsonNode newcomer = answer(group.member("Blue Heron"), group, GOING_IN_PERSON);

        assertThat(newcomer.path("status").asText()).isEqualTo("waitlisted");
        assertThat(rsvps(group)).containsExactly("Green Fern going in_person", "Red Kite going in_person",
            "Blue Heron waitlisted in_person 1");
    }

    @Test
    void erasingAnAccountGivesItsSeatToTheNextInLine() {
        Hybrid group = hybrid(1, 5);
        Session erased = group.member("Green Fern");
        answer(erased, group, GOING_IN_PERSON);
        answer(group.member("Red Kite"), group, GOING_IN_PERSON);

        HttpResult erasure = erased.http().send("DELETE", "/v1/me", "{\"password\": \"" + TestServer.PASSWORD + "\"}",
            "application/json");

        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(204);
        assertThat(rsvps(group)).containsExactly("Red Kite going in_person");
    }

    @Test
    void leavingTheWaitlistMovesTheLineUp() {
        Hybrid group = hybrid(1, 5);
        answer(group.member("Green Fern"), group, GOING_IN_PERSON);
        Session first = group.member("Red Kite");
        answer(first, group, GOING_IN_PERSON);
        answer(group.member("Blue Heron"), group, GOING_IN_PERSON);

        answer(first, group, CANCELLED_IN_PERSON);

        assertThat(rsvps(group)).containsExactly("Green Fern going in_person", "Red Kite cancelled in_person",
            "Blue Heron waitlisted in_person 1");
    }

    @Test
    void comingBackAfterCancellingJoinsTheEndOfTheLine() {
        Hybrid group = hybrid(1, 5);
        Session seated = group.member("Green Fern");
        answer(seated, group, GOING_IN_PERSON);
        answer(group.member("Red Kite"), group, GOING_IN_PERSON);
        answer(seated, group, CANCELLED_IN_PERSON);
        answer(group.member("Blue Heron"), group, GOING_IN_PERSON);

        JsonNode back = answer(seated, group, GOING_IN_PERSON);

        assertThat(back.path("status").asText()).isEqualTo("waitlisted");
        assertThat(back.path("waitlist_position").asInt()).isEqualTo(2);
    }

    @Test
    void switchingModeGivesUpTheOldSeatAndTakesANewOne() {
        Hybrid group = hybrid(1, 5);
        Session switcher = group.member("Green Fern");
        answer(switcher, group, GOING_IN_PERSON);
        answer(group.member("Red Kite"), group, GOING_IN_PERSON);

        JsonNode switched = answer(switcher, group, GOING_ONLINE);

        assertThat(switched.path("status").asText()).isEqualTo("going");
        assertThat(switched.path("attendance_mode").asText()).isEqualTo("online");
        assertThat(rsvps(group)).containsExactly("Green Fern going online", "Red Kite going in_person");
    }

    @Test
    void switchingToAFullModeJoinsTheEndOfItsLine() {
        Hybrid group = hybrid(1, 1);
        answer(group.member("Green Fern"), group, GOING_IN_PERSON);
        answer(group.member("Night Moth"), group, GOING_ONLINE);
        Session switcher = group.member("Red Kite");
        answer(switcher, group, GOING_IN_PERSON);
        answer(group.member("Slow Tide"), group, GOING_ONLINE);

        JsonNode switched = answer(switcher, group, GOING_ONLINE);

        assertThat(switched.path("status").asText()).isEqualTo("waitlisted");
        assertThat(switched.path("waitlist_position").asInt()).isEqualTo(2);
        assertThat(rsvps(group)).containsExactly("Green Fern going in_person", "Night Moth going online",
            "Red Kite waitlisted online 2", "Slow Tide waitlisted online 1");
    }

    @Test
    void unlimitedCapacitySeatsEveryone() {
        Hybrid group = group("{}");
        for (String name : List.of("Green Fern", "Red Kite", "Blue Heron")) {
            assertThat(answer(group.member(name), group, GOING_IN_PERSON).path("status").asText()).isEqualTo("going");
        }
        assertThat(seats(group).at("/in_person/capacity").isNull()).isTrue();
        assertThat(seats(group).at("/in_person/going").asInt()).isEqualTo(3);
    }

    @Test
    void onlyActiveMembersAnswer() {
        Hybrid group = hybrid(5, 5);
        HttpResult patched = group.setup().coordinator().http().patch("/v1/groups/" + group.groupId(),
            "{\"membership_policy\": \"approval\"}");
        assertThat(patched.status()).isEqualTo(200);
        Session pending = fixtures.person(group.setup().programId(), "Waiting Lark", "participant");
        GroupFixtures.join(pending, group.groupId());
        Session participant = fixtures.person(group.setup().programId(), "Red Kite", "participant");
        Session stranger = server.newUser("Curious Wren");

        for (Session outsider : List.of(pending, participant, group.facilitator(), group.setup().coordinator(), stranger)) {
            HttpResult refused = outsider.http().put(group.rsvp(), GOING_IN_PERSON);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        HttpResult anonymous = server.http().put(group.rsvp(), GOING_IN_PERSON);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(rsvps(group)).isEmpty();
        assertThat(seats(group).at("/in_person/going").asInt()).isZero();
    }

    @Test
    void aModeTheFormatDoesNotOfferIsRefused() {
        Setup setup = fixtures.program();
        String virtual = fixtures.groupId(setup, "{}");
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PLAIN_VENUE);
        String inPerson = fixtures.groupId(setup, "{\"format\": \"in_person\", \"venue_id\": \"" + venue
            + "\", \"conference_url\": null, \"conference_notes\": null}");
        Session member = fixtures.member(setup.programId(), virtual, "Green Fern");
        GroupFixtures.join(member, inPerson);

        HttpResult inRoom = member.http().put("/v1/sessions/"
            + GroupFixtures.comingSessions(server.http(), virtual).get(0).path("id").asText() + "/rsvp", GOING_IN_PERSON);
        HttpResult online = member.http().put("/v1/sessions/"
            + GroupFixtures.comingSessions(server.http(), inPerson).get(0).path("id").asText() + "/rsvp", GOING_ONLINE);

        for (HttpResult refused : List.of(inRoom, online)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("unprocessable");
        }
        assertThat(GroupFixtures.comingSessions(server.http(), virtual).get(0).at("/online/going").asInt()).isZero();
        assertThat(GroupFixtures.comingSessions(server.http(), inPerson).get(0).at("/in_person/going").asInt()).isZero();
    }

    @Test
    void aCancelledSessionTakesNoAnswers() {
        Hybrid group = hybrid(5, 5);
        Session member = group.member("Green Fern");
        HttpResult cancelled = group.facilitator().http().patch("/v1/sessions/" + group.sessionId(), "{\"status\": \"cancelled\"}");
        assertThat(cancelled.status()).isEqualTo(200);

        HttpResult refused = member.http().put(group.rsvp(), GOING_IN_PERSON);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("conflict");
        assertThat(rsvps(group)).isEmpty();
    }

    @Test
    void aSessionThatStartedTakesNoAnswers() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{\"schedule\": {\"start_date\": \""
            + GroupFixtures.today("America/Chicago").minusWeeks(2) + "\"}}");
        Session member = fixtures.member(setup.programId(), id, "Green Fern");
        String past = GroupFixtures.sessions(server.http(), id, Instant.now().minus(Duration.ofDays(10))
            .toString(), Instant.now().minus(Duration.ofDays(2)).toString()).get(0).path("id").asText();

        HttpResult refused = member.http().put("/v1/sessions/" + past + "/rsvp", GOING_ONLINE);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("conflict");
        assertThat(server.http().get("/v1/sessions/" + past).json().at("/online/going").asInt()).isZero();
    }

    @Test
    void anAnswerIsValidated() {
        Hybrid group = hybrid(5, 5);
        Session member = group.member("Green Fern");

        assertThat(fieldErrors(member.http().put(group.rsvp(), "{\"status\": \"waitlisted\", \"attendance_mode\": \"online\"}")))
            .containsExactly("status invalid_value");
        assertThat(fieldErrors(member.http().put(group.rsvp(), "{\"status\": \"going\"}")))
            .containsExactly("attendance_mode required");
        assertThat(fieldErrors(member.http().put(group.rsvp(), "{\"status\": \"going\", \"attendance_mode\": \"online\", "
            + "\"seat\": 1}"))).containsExactly("seat unknown_property");
        assertThat(fieldErrors(member.http().put(group.rsvp(), "{\"status\": \"maybe\", \"attendance_mode\": \"online\"}")))
            .extracting(e -> e.split(" ")[0]).containsExactly("status");
        assertThat(rsvps(group)).isEmpty();
    }

    @Test
    void answersToUnknownSessionsAreNotFound() {
        Hybrid group = hybrid(5, 5);
        Session member = group.member("Green Fern");
        Instant scheduled = Instant.parse(seats(group).path("starts_at").asText());
        String offSchedule = new SessionId(group.groupId(), scheduled.plusSeconds(3600)).encode();

        for (String id : List.of("ses_nothing", offSchedule)) {
            HttpResult missing = member.http().put("/v1/sessions/" + id + "/rsvp", GOING_IN_PERSON);
            assertThat(missing.status()).as(id).isEqualTo(404);
            assertThat(group.facilitator().http().get("/v1/sessions/" + id + "/rsvps").status()).isEqualTo(404);
        }
    }

    @Test
    void leavingTheGroupGivesUpComingSeatsAndPromotesTheNextInLine() {
        Hybrid group = hybrid(1, 5);
        Session leaver = fixtures.person(group.setup().programId(), "Green Fern", "participant");
        String membership = GroupFixtures.join(leaver, group.groupId()).path("id").asText();
        answer(leaver, group, GOING_IN_PERSON);
        answer(group.member("Red Kite"), group, GOING_IN_PERSON);
        String nextSession = GroupFixtures.comingSessions(server.http(), group.groupId()).get(1).path("id").asText();
        assertThat(leaver.http().put("/v1/sessions/" + nextSession + "/rsvp", GOING_ONLINE).status()).isEqualTo(200);

        HttpResult left = leaver.http().delete("/v1/groups/" + group.groupId() + "/members/" + membership);

        assertThat(left.status()).isEqualTo(204);
        assertThat(rsvps(group)).containsExactly("Green Fern cancelled in_person", "Red Kite going in_person");
        JsonNode next = server.http().get("/v1/sessions/" + nextSession).json();
        assertThat(next.at("/online/going").asInt()).isZero();
    }

    @Test
    void leavingAlsoGivesUpASeatInAPastSessionPostponedIntoTheFuture() {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        String id = fixtures.groupId(setup, "{\"capacity\": {\"online\": 1}, \"facilitator_ids\": [\""
            + facilitator.userId() + "\"], \"schedule\": {\"start_date\": \""
            + GroupFixtures.today(GroupFixtures.CHICAGO).minusWeeks(2) + "\"}}");
        Instant now = Instant.now();
        String postponed = GroupFixtures.sessions(server.http(), id, now.minus(Duration.ofDays(10)).toString(),
            now.minus(Duration.ofDays(2)).toString()).get(0).path("id").asText();
        Instant later = now.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        HttpResult moved = facilitator.http().patch("/v1/sessions/" + postponed, "{\"starts_at\": \"" + later
            + "\", \"ends_at\": \"" + later.plus(Duration.ofHours(1)) + "\"}");
        assertThat(moved.status()).isEqualTo(200);
        Session leaver = fixtures.person(setup.programId(), "Green Fern", "participant");
        String membership = GroupFixtures.join(leaver, id).path("id").asText();
        Session waiting = fixtures.member(setup.programId(), id, "Red Kite");
        assertThat(leaver.http().put("/v1/sessions/" + postponed + "/rsvp", GOING_ONLINE).json().path("status").asText())
            .isEqualTo("going");
        assertThat(waiting.http().put("/v1/sessions/" + postponed + "/rsvp", GOING_ONLINE).json().path("status").asText())
            .isEqualTo("waitlisted");

        assertThat(leaver.http().delete("/v1/groups/" + id + "/members/" + membership).status()).isEqualTo(204);

        JsonNode session = server.http().get("/v1/sessions/" + postponed).json();
        assertThat(session.at("/online/going").asInt()).isEqualTo(1);
        assertThat(session.at("/online/waitlisted").asInt()).isZero();
        HttpResult list = facilitator.http().get("/v1/sessions/" + postponed + "/rsvps");
        assertThat(list.json().path("data")).extracting(r -> r.path("display_name").asText() + " " + r.path("status").asText())
            .containsExactly("Green Fern cancelled", "Red Kite going");
    }

    @Test
    void removingAMemberPromotesTheNextInLine() {
        Hybrid group = hybrid(1, 5);
        Session removed = fixtures.person(group.setup().programId(), "Green Fern", "participant");
        String membership = GroupFixtures.join(removed, group.groupId()).path("id").asText();
        answer(removed, group, GOING_IN_PERSON);
        answer(group.member("Red Kite"), group, GOING_IN_PERSON);

        HttpResult gone = group.facilitator().http().delete("/v1/groups/" + group.groupId() + "/members/" + membership);

        assertThat(gone.status()).isEqualTo(204);
        assertThat(rsvps(group)).containsExactly("Green Fern cancelled in_person", "Red Kite going in_person");
        assertThat(removed.http().put(group.rsvp(), GOING_IN_PERSON).status()).isEqualTo(403);
    }

    @Test
    void onlyFacilitatorsAndCoordinatorsSeeWhoIsComing() {
        Hybrid group = hybrid(5, 5);
        Session member = group.member("Green Fern");
        answer(member, group, GOING_IN_PERSON);
        Session other = group.member("Red Kite");

        for (Session viewer : List.of(group.facilitator(), group.setup().coordinator(), server.admin())) {
            HttpResult list = viewer.http().get(group.rsvps());
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.text("/data/0/user_id")).isEqualTo(member.userId());
        }
        for (Session outsider : List.of(member, other, fixtures.person(group.setup().programId(), "Far Hill", "mentor"),
            server.newUser("Curious Wren"))) {
            HttpResult refused = outsider.http().get(group.rsvps());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(member.userId()).doesNotContain("Green Fern");
        }
        HttpResult anonymous = server.http().get(group.rsvps());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Green Fern");
    }

    @Test
    void theRsvpListPages() {
        Hybrid group = hybrid(5, 5);
        List<String> names = List.of("Green Fern", "Red Kite", "Blue Heron");
        for (String name : names) {
            answer(group.member(name), group, GOING_ONLINE);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResult page = group.facilitator().http().get(group.rsvps() + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("data").forEach(r -> seen.add(r.path("display_name").asText()));
            cursor = page.json().path("has_more").asBoolean() ? page.text("/next_cursor") : null;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(names);
    }
}
