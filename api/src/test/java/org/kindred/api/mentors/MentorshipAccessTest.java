package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.mentors.MentorFixtures.act;
import static org.kindred.api.mentors.MentorFixtures.active;
import static org.kindred.api.mentors.MentorFixtures.continuing;
import static org.kindred.api.mentors.MentorFixtures.decline;
import static org.kindred.api.mentors.MentorFixtures.end;
import static org.kindred.api.mentors.MentorFixtures.ids;
import static org.kindred.api.mentors.MentorFixtures.meeting;
import static org.kindred.api.mentors.MentorFixtures.read;
import static org.kindred.api.mentors.MentorFixtures.requested;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.mentors.MentorFixtures.Circle;
import org.kindred.api.mentors.MentorFixtures.MentorRef;
import org.kindred.api.mentors.MentorFixtures.Participant;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * Who sees which mentorship and meeting. One program with a mentor who has an active mentee and a
 * continuing one (each with a noted meeting), a second mentor with a mentee of their own, and a second program.
 */
class MentorshipAccessTest {
    private static final String ACTIVE_NOTE = "Talked through the panic on Sunday evenings";
    private static final String CONTINUING_NOTE = "Still meeting after the program, walking by the river";

    private static TestServer server;
    private static Circle circle;
    private static MentorRef mentor;
    private static MentorRef otherMentor;
    private static Participant mentee;
    private static Participant alumnus;
    private static Participant otherMentee;
    private static Circle elsewhere;
    private static String activeId;
    private static String activeMeetingId;
    private static String continuingId;
    private static String continuingMeetingId;
    private static String otherId;
    private static String elsewhereId;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        MentorFixtures fixtures = new MentorFixtures(server);
        circle = fixtures.circle();
        mentor = fixtures.mentor(circle, "Tall Pine");
        otherMentor = fixtures.mentor(circle, "Bright Fern");
        mentee = fixtures.participant(circle, "Quiet River");
        alumnus = fixtures.participant(circle, "Still Lake");
        otherMentee = fixtures.participant(circle, "Blue Heron");
        activeId = active(circle, mentor, mentee);
        activeMeetingId = logged(meeting(mentor.person(), activeId, ACTIVE_NOTE));
        continuingId = continuing(circle, mentor, alumnus);
        continuingMeetingId = logged(meeting(alumnus.person(), continuingId, CONTINUING_NOTE));
        otherId = active(circle, otherMentor, otherMentee);
        elsewhere = fixtures.circle();
        elsewhereId = requested(elsewhere, fixtures.mentor(elsewhere, "Red Maple"),
            fixtures.participant(elsewhere, "Green Moss"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String logged(HttpResult created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/id");
    }

    private static String path(String mentorshipId) {
        return "/v1/mentorships/" + mentorshipId;
    }

    private static List<String> listed(Session viewer, String query) {
        return ids(viewer.http().get("/v1/mentorships?limit=100" + query));
    }

    private static void assertHidden(HttpResult result, String... secrets) {
        assertThat(result.status()).as(result.toString()).isEqualTo(404);
        assertThat(result.code()).isEqualTo("not_found");
        for (String secret : secrets) {
            assertThat(result.body()).doesNotContain(secret);
        }
    }

    /** Every read of a mentorship and its meetings is a 404 without a trace of the people or notes. */
    private static void assertCannotRead(Session viewer, String mentorshipId, String meetingId, String note) {
        assertHidden(viewer.http().get(path(mentorshipId)), "Quiet River", "Still Lake", "Tall Pine", note);
        assertHidden(viewer.http().get(path(mentorshipId) + "/meetings"), note);
        assertHidden(viewer.http().get(path(mentorshipId) + "/meetings/" + meetingId), note);
    }

    @Test
    void bothPeopleReadTheirMentorshipsAndMeetingNotes() {
        for (Session viewer : List.of(mentor.person(), mentee.person())) {
            assertThat(read(viewer, path(activeId)).path("status").asText()).isEqualTo("active");
            assertThat(read(viewer, path(activeId) + "/meetings").at("/data/0/note").asText()).isEqualTo(ACTIVE_NOTE);
            assertThat(read(viewer, path(activeId) + "/meetings/" + activeMeetingId).path("note").asText())
                .isEqualTo(ACTIVE_NOTE);
        }
        for (Session viewer : List.of(mentor.person(), alumnus.person())) {
            assertThat(read(viewer, path(continuingId)).path("status").asText()).isEqualTo("continuing");
            assertThat(read(viewer, path(continuingId) + "/meetings/" + continuingMeetingId).path("note").asText())
                .isEqualTo(CONTINUING_NOTE);
            assertThat(listed(viewer, "&status=continuing")).containsExactly(continuingId);
        }
        assertThat(listed(mentor.person(), "")).containsExactly(activeId, continuingId);
    }

    @Test
    void aMentorCannotReadAnotherMentorsMentorshipsOrMeetings() {
        assertCannotRead(otherMentor.person(), activeId, activeMeetingId, ACTIVE_NOTE);
        assertCannotRead(otherMentor.person(), continuingId, continuingMeetingId, CONTINUING_NOTE);
        assertThat(listed(otherMentor.person(), "")).containsExactly(otherId);
        assertThat(listed(otherMentor.person(), "&program_id=" + circle.id())).containsExactly(otherId);
        assertCannotRead(mentor.person(), otherId, activeMeetingId, ACTIVE_NOTE);
    }

    @Test
    void aParticipantCannotReadSomeoneElsesMentorship() {
        assertCannotRead(otherMentee.person(), activeId, activeMeetingId, ACTIVE_NOTE);
        assertCannotRead(mentee.person(), continuingId, continuingMeetingId, CONTINUING_NOTE);
        assertThat(listed(otherMentee.person(), "")).containsExactly(otherId);
        assertThat(listed(mentee.person(), "")).containsExactly(activeId);
    }

    @Test
    void aCoordinatorOfAnotherProgramSeesNothing() {
        Session outsider = elsewhere.coordinator();

        assertCannotRead(outsider, activeId, activeMeetingId, ACTIVE_NOTE);
        assertCannotRead(outsider, continuingId, continuingMeetingId, CONTINUING_NOTE);
        assertThat(listed(outsider, "&program_id=" + circle.id())).isEmpty();
        assertThat(listed(outsider, "")).containsExactly(elsewhereId);
        assertHidden(end(outsider, activeId, "other"), "Quiet River");
        assertThat(read(mentee.person(), path(activeId)).path("status").asText()).isEqualTo("active");
    }

    @Test
    void someoneInNoProgramSeesNothing() {
        Session stranger = server.newUser("Curious Wren");

        assertCannotRead(stranger, activeId, activeMeetingId, ACTIVE_NOTE);
        assertThat(listed(stranger, "")).isEmpty();
    }

    @Test
    void theProgramsCoordinatorSeesItsMentorshipsButNeverAMeetingNote() {
        for (Session staff : List.of(circle.coordinator(), server.admin())) {
            assertThat(read(staff, path(activeId)).path("participant_display_name").asText()).isEqualTo("Quiet River");
            HttpResult meetings = staff.http().get(path(activeId) + "/meetings");
            assertThat(meetings.status()).isEqualTo(200);
            assertThat(ids(meetings)).containsExactly(activeMeetingId);
            assertThat(meetings.json().at("/data/0/note").isNull()).isTrue();
            assertThat(meetings.json().at("/data/0/duration_minutes").asInt()).isEqualTo(45);
            assertThat(meetings.body()).doesNotContain(ACTIVE_NOTE).doesNotContain("Sunday");
            HttpResult one = staff.http().get(path(activeId) + "/meetings/" + activeMeetingId);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json().path("note").isNull()).isTrue();
            assertThat(one.body()).doesNotContain(ACTIVE_NOTE).doesNotContain("Sunday");
        }
        assertThat(listed(circle.coordinator(), "")).containsExactly(activeId, otherId);
    }

    @Test
    void continuingMentorshipsAreHiddenFromTheProgramsStaff() {
        for (Session staff : List.of(circle.coordinator(), server.admin())) {
            assertCannotRead(staff, continuingId, continuingMeetingId, CONTINUING_NOTE);
            assertThat(listed(staff, "&program_id=" + circle.id())).doesNotContain(continuingId);
            assertThat(listed(staff, "&program_id=" + circle.id() + "&status=continuing")).isEmpty();
            assertHidden(end(staff, continuingId, "other"), "Still Lake");
            assertHidden(act(staff, continuingId, "complete"), "Still Lake");
        }
        assertThat(read(alumnus.person(), path(continuingId)).path("status").asText()).isEqualTo("continuing");
    }

    @Test
    void theProgramsStaffCannotLogAMeeting() {
        HttpResult refused = meeting(circle.coordinator(), activeId, "Written by the coordinator");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(read(mentee.person(), path(activeId) + "/meetings").path("data")).hasSize(1);
    }

    @Test
    void anonymousCallersGetUnauthorizedAndNoData() {
        Http anonymous = server.http();

        for (HttpResult refused : List.of(anonymous.get("/v1/mentorships"), anonymous.get(path(activeId)),
            anonymous.get(path(activeId) + "/meetings"), anonymous.get(path(activeId) + "/meetings/" + activeMeetingId),
            anonymous.post(path(activeId) + "/accept", null), anonymous.post(path(activeId) + "/complete", null),
            anonymous.post(path(activeId) + "/continue", null),
            anonymous.post(path(activeId) + "/end", "{\"reason\": \"other\"}"),
            anonymous.post(path(activeId) + "/decline", "{\"reason\": \"other\"}"),
            anonymous.post(path(activeId) + "/meetings",
                "{\"date\": \"2026-01-01\", \"duration_minutes\": 30, \"mode\": \"phone\"}"))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("unauthorized");
            assertThat(refused.body()).doesNotContain("Quiet River").doesNotContain(ACTIVE_NOTE);
        }
        assertThat(read(mentee.person(), path(activeId)).path("status").asText()).isEqualTo("active");
    }

    @Test
    void aMeetingIsOnlyFoundUnderItsOwnMentorship() {
        HttpResult crossed = mentor.person().http().get(path(activeId) + "/meetings/" + continuingMeetingId);

        assertHidden(crossed, CONTINUING_NOTE);
        assertHidden(mentor.person().http().get(path(activeId) + "/meetings/mtg_01JD4Z8Q6K2V9X1M3N5P7R9T0W"));
    }

    @Test
    void unknownMentorshipsAreNotFound() {
        String unknown = path("msh_01JD4Z8Q6K2V9X1M3N5P7R9T0W");

        assertHidden(circle.coordinator().http().get(unknown));
        assertHidden(mentor.person().http().post(unknown + "/accept", null));
        assertHidden(decline(mentor.person(), "msh_01JD4Z8Q6K2V9X1M3N5P7R9T0W", "other"));
        assertHidden(mentor.person().http().get(unknown + "/meetings"));
    }
}
