package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.mentors.MentorFixtures.read;
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

class MatchPreferencesTest {
    private static final String CHOSEN = json(fields("lived_experience", List.of("grief", "anxiety"),
        "languages", List.of("es", "en"), "mode", "virtual", "timezone", "America/Chicago"));

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

    private static String path(Circle circle, String memberId) {
        return circle.path("/members/" + memberId + "/preferences");
    }

    @Test
    void aParticipantWithoutPreferencesHasEmptyOnes() {
        Circle circle = fixtures.circle();
        Participant participant = fixtures.participant(circle, "Quiet River");

        HttpResult read = participant.http().get(path(circle, participant.memberId()));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isNotBlank();
        assertThat(read.json().path("lived_experience")).isEmpty();
        assertThat(read.json().path("languages")).isEmpty();
        assertThat(read.text("/mode")).isEqualTo("either");
        assertThat(read.json().path("timezone").isNull()).isTrue();
    }

    @Test
    void aParticipantStatesTheirPreferences() {
        Circle circle = fixtures.circle();
        Participant participant = fixtures.participant(circle, "Quiet River");

        HttpResult saved = participant.http().put(path(circle, participant.memberId()), CHOSEN);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode stored = read(participant.person(), path(circle, participant.memberId()));
        assertThat(stored).isEqualTo(saved.json());
        assertThat(stored.path("lived_experience").toString()).isEqualTo("[\"grief\",\"anxiety\"]");
        assertThat(stored.path("languages").toString()).isEqualTo("[\"es\",\"en\"]");
        assertThat(stored.path("mode").asText()).isEqualTo("virtual");
        assertThat(stored.path("timezone").asText()).isEqualTo("America/Chicago");
    }

    @Test
    void aPutReplacesEverythingAndLeftOutPropertiesFallBackToDefaults() {
        Circle circle = fixtures.circle();
        Participant participant = fixtures.participant(circle, "Quiet River");
        assertThat(participant.http().put(path(circle, participant.memberId()), CHOSEN).status()).isEqualTo(200);

        HttpResult saved = participant.http().put(path(circle, participant.memberId()), json(fields("mode", "in_person")));

        assertThat(saved.status()).isEqualTo(200);
        JsonNode stored = read(participant.person(), path(circle, participant.memberId()));
        assertThat(stored.path("lived_experience")).isEmpty();
        assertThat(stored.path("languages")).isEmpty();
        assertThat(stored.path("mode").asText()).isEqualTo("in_person");
        assertThat(stored.path("timezone").isNull()).isTrue();
    }

    @Test
    void theProgramsCoordinatorReadsAndSetsAParticipantsPreferences() {
        Circle circle = fixtures.circle();
        Participant participant = fixtures.participant(circle, "Quiet River");

        HttpResult saved = circle.coordinator().http().put(path(circle, participant.memberId()), CHOSEN);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(read(participant.person(), path(circle, participant.memberId())).path("mode").asText())
            .isEqualTo("virtual");
        assertThat(read(circle.coordinator(), path(circle, participant.memberId())).path("timezone").asText())
            .isEqualTo("America/Chicago");
    }

    @Test
    void otherParticipantsMentorsAndOutsidersNeitherReadNorSetSomeonesPreferences() {
        Circle circle = fixtures.circle();
        Participant participant = fixtures.participant(circle, "Quiet River");
        assertThat(participant.http().put(path(circle, participant.memberId()), CHOSEN).status()).isEqualTo(200);
        Participant other = fixtures.participant(circle, "Blue Heron");
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Circle elsewhere = fixtures.circle();
        Session stranger = server.newUser("Curious Wren");
        String othersPath = path(circle, participant.memberId());

        for (Session caller : List.of(other.person(), mentor.person(), elsewhere.coordinator(), stranger)) {
            HttpResult read = caller.http().get(othersPath);
            assertThat(read.status()).as(read.toString()).isEqualTo(404);
            assertThat(read.code()).isEqualTo("not_found");
            assertThat(read.body()).doesNotContain("grief").doesNotContain("America/Chicago");
            HttpResult write = caller.http().put(othersPath, json(fields("mode", "in_person")));
            assertThat(write.status()).as(write.toString()).isEqualTo(404);
            assertThat(write.body()).doesNotContain("grief");
        }
        HttpResult anonymous = server.http().put(othersPath, json(fields("mode", "in_person")));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(server.http().get(othersPath).status()).isEqualTo(401);
        assertThat(read(participant.person(), othersPath).toString()).isEqualTo(
            read(circle.coordinator(), othersPath).toString()).contains("\"mode\":\"virtual\"");
    }

    @Test
    void onlyParticipantMembershipsHavePreferences() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        HttpResult read = circle.coordinator().http().get(path(circle, mentor.memberId()));
        HttpResult write = mentor.person().http().put(path(circle, mentor.memberId()), CHOSEN);

        assertThat(read.status()).isEqualTo(404);
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.code()).isEqualTo("not_found");
    }

    @Test
    void languagesAreBcp47TagsAndTheTimeZoneAnIanaName() {
        Circle circle = fixtures.circle();
        Participant participant = fixtures.participant(circle, "Quiet River");
        String path = path(circle, participant.memberId());
        assertThat(participant.http().put(path, CHOSEN).status()).isEqualTo(200);

        List<String> errors = fieldErrors(participant.http().put(path, json(fields(
            "languages", List.of("es", "spanish_MX", "x"), "timezone", "CST"))));

        assertThat(errors).containsExactly("languages[1] invalid_value", "languages[2] invalid_value",
            "timezone invalid_value");
        assertThat(read(participant.person(), path).path("languages").toString()).isEqualTo("[\"es\",\"en\"]");
    }

    @Test
    void malformedPreferencesAreRefusedAndChangeNothing() {
        Circle circle = fixtures.circle();
        Participant participant = fixtures.participant(circle, "Quiet River");
        String path = path(circle, participant.memberId());
        assertThat(participant.http().put(path, CHOSEN).status()).isEqualTo(200);

        assertThat(fieldErrors(participant.http().put(path, json(fields("lived_experience", List.of("grief", "grief"))))))
            .containsExactly("lived_experience duplicate");
        assertThat(fieldErrors(participant.http().put(path, json(fields("mode", "phone"))))).containsExactly("mode invalid_value");
        assertThat(fieldErrors(participant.http().put(path, json(fields("capacity", 2)))))
            .containsExactly("capacity unknown_property");
        assertThat(fieldErrors(participant.http().put(path, json(fields("languages",
            List.of("en", "es", "fr", "de", "it", "pt", "nl", "sv", "da", "fi", "no"))))))
            .containsExactly("languages too_long");
        assertThat(read(participant.person(), path).path("mode").asText()).isEqualTo("virtual");
    }
}
