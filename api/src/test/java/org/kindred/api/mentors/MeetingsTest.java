package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.mentors.MentorFixtures.active;
import static org.kindred.api.mentors.MentorFixtures.completed;
import static org.kindred.api.mentors.MentorFixtures.continuing;
import static org.kindred.api.mentors.MentorFixtures.decline;
import static org.kindred.api.mentors.MentorFixtures.end;
import static org.kindred.api.mentors.MentorFixtures.expect;
import static org.kindred.api.mentors.MentorFixtures.ids;
import static org.kindred.api.mentors.MentorFixtures.meeting;
import static org.kindred.api.mentors.MentorFixtures.read;
import static org.kindred.api.mentors.MentorFixtures.requested;
import static org.kindred.api.programs.ProgramFixtures.fieldErrors;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.mentors.MentorFixtures.Circle;
import org.kindred.api.mentors.MentorFixtures.MentorRef;
import org.kindred.api.mentors.MentorFixtures.Participant;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.TestServer;

class MeetingsTest {
    private static TestServer server;
    private static MentorFixtures fixtures;
    private static Circle circle;
    private static MentorRef mentor;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new MentorFixtures(server);
        circle = fixtures.circle();
        mentor = fixtures.mentor(circle, "Tall Pine", "capacity", 20);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String meetings(String mentorshipId) {
        return "/v1/mentorships/" + mentorshipId + "/meetings";
    }

    private static String daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).toString();
    }

    @Test
    void eitherSideLogsAMeetingOfAnActiveMentorship() {
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = active(circle, mentor, participant);

        HttpResult byMentor = mentor.person().http().post(meetings(id), json(fields("date", daysAgo(2),
            "duration_minutes", 60, "mode", "in_person", "note", "Walked with the dog.")));
        HttpResult byParticipant = participant.http().post(meetings(id), json(fields("date", daysAgo(1),
            "duration_minutes", 15, "mode", "phone")));

        assertThat(byMentor.status()).as(byMentor.toString()).isEqualTo(201);
        String meetingId = byMentor.text("/id");
        assertThat(byMentor.header("Location")).isEqualTo(meetings(id) + "/" + meetingId);
        assertThat(byMentor.text("/mentorship_id")).isEqualTo(id);
        assertThat(byMentor.text("/date")).isEqualTo(daysAgo(2));
        assertThat(byMentor.json().path("duration_minutes").asInt()).isEqualTo(60);
        assertThat(byMentor.text("/mode")).isEqualTo("in_person");
        assertThat(byMentor.text("/note")).isEqualTo("Walked with the dog.");
        assertThat(byMentor.text("/logged_by")).isEqualTo(mentor.person().userId());
        assertThat(byParticipant.status()).as(byParticipant.toString()).isEqualTo(201);
        assertThat(byParticipant.json().path("note").isNull()).isTrue();
        assertThat(byParticipant.text("/logged_by")).isEqualTo(participant.userId());
        assertThat(read(participant.person(), meetings(id) + "/" + meetingId)).isEqualTo(byMentor.json());
        assertThat(ids(participant.http().get(meetings(id)))).containsExactly(meetingId, byParticipant.text("/id"));
    }

    @Test
    void aContinuingMentorshipKeepsItsMeetingLog() {
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = continuing(circle, mentor, participant);

        HttpResult logged = meeting(participant.person(), id, "Coffee after the program.");

        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(ids(mentor.person().http().get(meetings(id)))).containsExactly(logged.text("/id"));
    }

    @Test
    void meetingsAreLoggedOnlyWhileActiveOrContinuing() {
        Participant waiting = fixtures.participant(circle, "Quiet River");
        String requestedId = requested(circle, mentor, waiting);
        Participant declinedOne = fixtures.participant(circle, "Blue Heron");
        String declinedId = requested(circle, mentor, declinedOne);
        expect(decline(mentor.person(), declinedId, "unavailable"), "declined");
        Participant endedOne = fixtures.participant(circle, "Red Fox");
        String endedId = active(circle, mentor, endedOne);
        expect(end(endedOne.person(), endedId, "no_contact"), "ended");
        Participant completedOne = fixtures.participant(circle, "Still Lake");
        String completedId = completed(circle, mentor, completedOne);

        for (String id : List.of(requestedId, declinedId, endedId, completedId)) {
            HttpResult refused = meeting(mentor.person(), id, "Should not be kept");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("invalid_transition");
            assertThat(ids(mentor.person().http().get(meetings(id)))).isEmpty();
        }
    }

    @Test
    void anEndedMentorshipsMeetingsStayReadableByBothPeople() {
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = active(circle, mentor, participant);
        String meetingId = meeting(mentor.person(), id, "First talk.").text("/id");
        expect(end(mentor.person(), id, "goals_met"), "ended");

        assertThat(read(participant.person(), meetings(id) + "/" + meetingId).path("note").asText()).isEqualTo("First talk.");
        assertThat(read(mentor.person(), meetings(id) + "/" + meetingId).path("note").asText()).isEqualTo("First talk.");
    }

    @Test
    void aMeetingHasADateADurationAndAMode() {
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = active(circle, mentor, participant);
        String tomorrowPlusOne = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();

        assertThat(fieldErrors(participant.http().post(meetings(id), json(fields("note", "Only a note")))))
            .containsExactly("date required", "duration_minutes required", "mode required");
        assertThat(fieldErrors(participant.http().post(meetings(id), json(fields("date", daysAgo(1),
            "duration_minutes", 14, "mode", "virtual"))))).containsExactly("duration_minutes out_of_range");
        assertThat(fieldErrors(participant.http().post(meetings(id), json(fields("date", daysAgo(1),
            "duration_minutes", 181, "mode", "virtual"))))).containsExactly("duration_minutes out_of_range");
        assertThat(fieldErrors(participant.http().post(meetings(id), json(fields("date", tomorrowPlusOne,
            "duration_minutes", 30, "mode", "virtual"))))).containsExactly("date out_of_range");
        assertThat(fieldErrors(participant.http().post(meetings(id), json(fields("date", daysAgo(1),
            "duration_minutes", 30, "mode", "carrier_pigeon"))))).containsExactly("mode invalid_value");
        assertThat(fieldErrors(participant.http().post(meetings(id), json(fields("date", daysAgo(1),
            "duration_minutes", 30, "mode", "virtual", "note", "n".repeat(2001)))))).containsExactly("note too_long");
        assertThat(ids(participant.http().get(meetings(id)))).isEmpty();
        assertThat(participant.http().post(meetings(id), json(fields("date", daysAgo(1), "duration_minutes", 180,
            "mode", "virtual", "note", "n".repeat(2000)))).status()).isEqualTo(201);
    }

    @Test
    void theMeetingLogPagesByCursor() {
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = active(circle, mentor, participant);
        String first = meeting(mentor.person(), id, "one").text("/id");
        String second = meeting(participant.person(), id, "two").text("/id");
        String third = meeting(mentor.person(), id, "three").text("/id");

        HttpResult page1 = participant.http().get(meetings(id) + "?limit=2");
        HttpResult page2 = participant.http().get(meetings(id) + "?limit=2&cursor=" + page1.text("/next_cursor"));

        assertThat(ids(page1)).containsExactly(first, second);
        assertThat(page1.json().path("has_more").asBoolean()).isTrue();
        assertThat(ids(page2)).containsExactly(third);
        assertThat(page2.json().path("next_cursor").isNull()).isTrue();
        assertThat(fieldErrors(participant.http().get(meetings(id) + "?cursor=zz"))).containsExactly("cursor invalid_cursor");
    }

    @Test
    void theCoordinatorsViewOfAMeetingLogHasNoNotesEvenWhenItPages() {
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = active(circle, mentor, participant);
        meeting(mentor.person(), id, "Private words one");
        meeting(participant.person(), id, "Private words two");

        HttpResult page1 = circle.coordinator().http().get(meetings(id) + "?limit=1");
        HttpResult page2 = circle.coordinator().http().get(meetings(id) + "?limit=1&cursor=" + page1.text("/next_cursor"));

        for (HttpResult page : List.of(page1, page2)) {
            assertThat(ids(page)).hasSize(1);
            JsonNode only = page.json().path("data").get(0);
            assertThat(only.path("note").isNull()).isTrue();
            assertThat(page.body()).doesNotContain("Private words");
        }
    }
}
