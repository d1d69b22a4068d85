package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.mentors.MentorFixtures.active;
import static org.kindred.api.mentors.MentorFixtures.end;
import static org.kindred.api.mentors.MentorFixtures.read;
import static org.kindred.api.programs.ProgramFixtures.fieldErrors;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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

/**
 * Mentor matches over HTTP for one hand-built program. Everyone is in UTC, so the overlap of a contact window
 * with the participant's day (08:00-22:00) is plain arithmetic.
 */
class MentorMatchesTest {
    private static TestServer server;
    private static MentorFixtures fixtures;
    private static Circle circle;
    private static Participant seeker;
    private static MentorRef bestFit;
    private static MentorRef sharesAnxiety;
    private static MentorRef speaksSpanish;
    private static MentorRef sharesGrief;
    private static MentorRef reachableAllDay;
    private static List<MentorRef> notOffered;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new MentorFixtures(server);
        circle = fixtures.circle();
        seeker = fixtures.participant(circle, "Quiet River");
        HttpResult preferences = seeker.http().put(preferencesPath(seeker), json(fields(
            "lived_experience", List.of("anxiety", "grief"), "languages", List.of("es"), "mode", "virtual",
            "timezone", "UTC")));
        assertThat(preferences.status()).as(preferences.toString()).isEqualTo(200);

        bestFit = fixtures.mentor(circle, "Tall Pine", "lived_experience", List.of("grief", "anxiety"),
            "languages", List.of("es-MX"), "modes", List.of("virtual"), "contact_window", window("09:00", "21:00"),
            "capacity", 3);
        sharesAnxiety = fixtures.mentor(circle, "Bright Fern", "lived_experience", List.of("anxiety"),
            "languages", List.of("en"), "modes", List.of("in_person"), "contact_window", window("17:00", "21:00"),
            "capacity", 1);
        speaksSpanish = fixtures.mentor(circle, "Still Lake", "lived_experience", List.of(),
            "languages", List.of("es"), "modes", List.of("virtual", "in_person"), "contact_window", window("09:00", "15:00"),
            "capacity", 2);
        sharesGrief = fixtures.mentor(circle, "Red Maple", "lived_experience", List.of("grief", "trauma"),
            "languages", List.of("fr"), "modes", List.of("in_person"), "contact_window", window("08:00", "12:00"),
            "capacity", 1);
        reachableAllDay = fixtures.mentor(circle, "Green Moss", "lived_experience", List.of("depression"),
            "languages", List.of(), "modes", List.of("virtual"), "contact_window", window("06:00", "23:00"),
            "capacity", 2);

        Object[] perfect = {"lived_experience", List.of("anxiety", "grief"), "languages", List.of("es"),
            "modes", List.of("virtual"), "contact_window", window("08:00", "22:00"), "capacity", 5};
        MentorRef paused = fixtures.mentor(circle, "Still Pond", with(perfect, "status", "paused"));
        MentorRef withdrawn = fixtures.mentor(circle, "Gray Owl", with(perfect, "status", "withdrawn"));
        MentorRef pausing = fixtures.mentor(circle, "Slow Creek", with(perfect, "capacity", 0));
        MentorRef full = fixtures.mentor(circle, "Wide Field", with(perfect, "capacity", 1));
        active(circle, full, fixtures.participant(circle, "Blue Heron"));
        notOffered = List.of(paused, withdrawn, pausing, full);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Object[] with(Object[] base, Object... more) {
        List<Object> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static Object window(String start, String end) {
        return fields("days", List.of("monday", "wednesday"), "start_time", start, "end_time", end);
    }

    private static String preferencesPath(Participant participant) {
        return circle.path("/members/" + participant.memberId() + "/preferences");
    }

    private static String matchesPath(String query) {
        return circle.path("/mentor-matches" + query);
    }

    private static List<String> mentorIds(HttpResult matches) {
        assertThat(matches.status()).as(matches.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        matches.json().path("data").forEach(match -> ids.add(match.path("mentor_id").asText()));
        return ids;
    }

    private static JsonNode tree(Object value) {
        try {
            return new ObjectMapper().readTree(json(value));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> expectedOrder() {
        return List.of(bestFit.id(), reachableAllDay.id(), speaksSpanish.id(), sharesAnxiety.id(), sharesGrief.id());
    }

    @Test
    void matchesAreRankedByTheDocumentedScoreWithReasons() {
        HttpResult matches = seeker.http().get(matchesPath(""));

        assertThat(mentorIds(matches)).containsExactlyElementsOf(expectedOrder());
        JsonNode data = matches.json().path("data");
        assertThat(data.findValuesAsText("score")).containsExactly("15", "7", "7", "4", "4");
        assertThat(data.get(0).path("display_name").asText()).isEqualTo("Tall Pine");
        assertThat(data.get(0).path("reasons")).isEqualTo(tree(fields(
            "shared_lived_experience", List.of("grief", "anxiety"), "shared_languages", List.of("es-MX"),
            "mode_compatible", "virtual", "timezone_overlap_hours", 12, "free_capacity", 3)));
        assertThat(data.get(1).path("reasons")).isEqualTo(tree(fields(
            "shared_lived_experience", List.of(), "shared_languages", List.of(),
            "mode_compatible", "virtual", "timezone_overlap_hours", 14, "free_capacity", 2)));
        assertThat(data.get(2).path("reasons")).isEqualTo(tree(fields(
            "shared_lived_experience", List.of(), "shared_languages", List.of("es"),
            "mode_compatible", "virtual", "timezone_overlap_hours", 6, "free_capacity", 2)));
        assertThat(data.get(3).path("reasons")).isEqualTo(tree(fields(
            "shared_lived_experience", List.of("anxiety"), "shared_languages", List.of(),
            "mode_compatible", null, "timezone_overlap_hours", 4, "free_capacity", 1)));
        assertThat(data.get(4).path("reasons")).isEqualTo(tree(fields(
            "shared_lived_experience", List.of("grief"), "shared_languages", List.of(),
            "mode_compatible", null, "timezone_overlap_hours", 4, "free_capacity", 1)));
        assertThat(matches.json().path("has_more").asBoolean()).isFalse();
        assertThat(matches.body()).doesNotContain("@");
    }

    @Test
    void equalScoresAreOrderedByOverlapAndThenByMentorId() {
        List<String> ranked = mentorIds(seeker.http().get(matchesPath("")));

        assertThat(ranked.indexOf(reachableAllDay.id())).isLessThan(ranked.indexOf(speaksSpanish.id()));
        assertThat(reachableAllDay.id()).isGreaterThan(speaksSpanish.id());
        assertThat(ranked.indexOf(sharesAnxiety.id())).isLessThan(ranked.indexOf(sharesGrief.id()));
        assertThat(sharesAnxiety.id()).isLessThan(sharesGrief.id());
    }

    @Test
    void pausedWithdrawnPausingAndFullMentorsAreNotOffered() {
        List<String> ranked = mentorIds(seeker.http().get(matchesPath("?limit=100")));

        for (MentorRef mentor : notOffered) {
            assertThat(ranked).doesNotContain(mentor.id());
        }
    }

    @Test
    void theSameDataGivesTheSameAnswer() {
        HttpResult first = seeker.http().get(matchesPath(""));
        HttpResult second = seeker.http().get(matchesPath(""));
        HttpResult forCoordinator = circle.coordinator().http().get(matchesPath("?participant_id=" + seeker.userId()));

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(forCoordinator.body()).isEqualTo(first.body());
        assertThat(seeker.http().get(matchesPath("?participant_id=" + seeker.userId())).body()).isEqualTo(first.body());
    }

    @Test
    void matchesPageWithLimitAndCursor() {
        HttpResult page1 = seeker.http().get(matchesPath("?limit=2"));
        HttpResult page2 = seeker.http().get(matchesPath("?limit=2&cursor=" + page1.text("/next_cursor")));
        HttpResult page3 = seeker.http().get(matchesPath("?limit=2&cursor=" + page2.text("/next_cursor")));

        assertThat(mentorIds(page1)).containsExactlyElementsOf(expectedOrder().subList(0, 2));
        assertThat(page1.json().path("has_more").asBoolean()).isTrue();
        assertThat(mentorIds(page2)).containsExactlyElementsOf(expectedOrder().subList(2, 4));
        assertThat(page2.json().path("has_more").asBoolean()).isTrue();
        assertThat(mentorIds(page3)).containsExactlyElementsOf(expectedOrder().subList(4, 5));
        assertThat(page3.json().path("has_more").asBoolean()).isFalse();
        assertThat(page3.json().path("next_cursor").isNull()).isTrue();
        assertThat(mentorIds(seeker.http().get(matchesPath("?limit=5")))).containsExactlyElementsOf(expectedOrder());
    }

    @Test
    void badPagingIsRefused() {
        String foreignCursor = circle.coordinator().http().get("/v1/mentors?limit=1&program_id=" + circle.id())
            .text("/next_cursor");

        assertThat(fieldErrors(seeker.http().get(matchesPath("?limit=0")))).containsExactly("limit out_of_range");
        assertThat(fieldErrors(seeker.http().get(matchesPath("?limit=101")))).containsExactly("limit out_of_range");
        assertThat(fieldErrors(seeker.http().get(matchesPath("?cursor=abc")))).containsExactly("cursor invalid_cursor");
        assertThat(fieldErrors(seeker.http().get(matchesPath("?cursor=" + foreignCursor))))
            .containsExactly("cursor invalid_cursor");
        assertThat(fieldErrors(seeker.http().get(matchesPath("?language=es")))).containsExactly("language unknown_parameter");
    }

    @Test
    void anotherParticipantAMentorAndAnOutsideCoordinatorCannotSeeSomeonesMatches() {
        Participant other = fixtures.participant(circle, "Blue Jay");
        Circle elsewhere = fixtures.circle();

        for (Session caller : List.of(other.person(), bestFit.person(), elsewhere.coordinator())) {
            HttpResult refused = caller.http().get(matchesPath("?participant_id=" + seeker.userId()));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(refused.body()).doesNotContain("Tall Pine").doesNotContain(bestFit.id());
        }
    }

    @Test
    void anonymousCallersGetUnauthorized() {
        HttpResult refused = server.http().get(matchesPath("?participant_id=" + seeker.userId()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
        assertThat(refused.body()).doesNotContain("Tall Pine");
    }

    @Test
    void onlyParticipantsOfTheProgramHaveMatches() {
        Session stranger = server.newUser("Curious Wren");

        HttpResult forStranger = stranger.http().get(matchesPath(""));
        HttpResult forMentor = circle.coordinator().http().get(matchesPath("?participant_id=" + bestFit.person().userId()));
        HttpResult unknownProgram = seeker.http().get("/v1/programs/prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W/mentor-matches");

        assertThat(forStranger.status()).isEqualTo(404);
        assertThat(forStranger.code()).isEqualTo("not_found");
        assertThat(forStranger.body()).doesNotContain("Tall Pine");
        assertThat(forMentor.status()).isEqualTo(404);
        assertThat(unknownProgram.status()).isEqualTo(404);
    }

    @Test
    void aMentorIsOfferedAgainOnceAPlaceFrees() {
        Circle own = fixtures.circle();
        Participant participant = fixtures.participant(own, "Quiet Stream");
        MentorRef mentor = fixtures.mentor(own, "Tall Cedar", "capacity", 1);
        Participant mentee = fixtures.participant(own, "Blue Heron");
        String mentorship = active(own, mentor, mentee);
        String path = own.path("/mentor-matches");
        assertThat(mentorIds(participant.http().get(path))).isEmpty();

        assertThat(end(mentee.person(), mentorship, "goals_met").status()).isEqualTo(200);

        assertThat(mentorIds(participant.http().get(path))).containsExactly(mentor.id());
    }

    @Test
    void withoutPreferencesEveryMentorWithRoomIsRankedByOverlapAndRoom() {
        Participant newcomer = fixtures.participant(circle, "Green Sprout");

        JsonNode data = read(newcomer.person(), matchesPath("")).path("data");

        assertThat(data.findValuesAsText("mentor_id")).containsExactly(reachableAllDay.id(), bestFit.id(),
            speaksSpanish.id(), sharesAnxiety.id(), sharesGrief.id());
        assertThat(data.findValuesAsText("score")).containsExactly("7", "7", "5", "3", "3");
    }

    @Test
    void newPreferencesChangeTheRanking() {
        Participant changing = fixtures.participant(circle, "Bright Meadow");
        HttpResult saved = changing.http().put(preferencesPath(changing), json(fields(
            "lived_experience", List.of("trauma"), "languages", List.of("fr-CA"), "mode", "in_person", "timezone", "UTC")));
        assertThat(saved.status()).isEqualTo(200);

        JsonNode top = read(changing.person(), matchesPath("?limit=1")).path("data").get(0);

        assertThat(top.path("mentor_id").asText()).isEqualTo(sharesGrief.id());
        assertThat(top.path("score").asInt()).isEqualTo(3 + 2 + 2 + 1);
        assertThat(top.at("/reasons/shared_languages/0").asText()).isEqualTo("fr");
        assertThat(top.at("/reasons/mode_compatible").asText()).isEqualTo("in_person");
    }
}
