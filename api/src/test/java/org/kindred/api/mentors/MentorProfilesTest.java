package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.mentors.MentorFixtures.active;
import static org.kindred.api.mentors.MentorFixtures.continuing;
import static org.kindred.api.mentors.MentorFixtures.ids;
import static org.kindred.api.mentors.MentorFixtures.profileId;
import static org.kindred.api.mentors.MentorFixtures.read;
import static org.kindred.api.mentors.MentorFixtures.requested;
import static org.kindred.api.programs.ProgramFixtures.fieldErrors;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.grant;
import static org.kindred.api.programs.ProgramFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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

class MentorProfilesTest {
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

    private static String mentorPath(MentorRef mentor) {
        return "/v1/mentors/" + mentor.id();
    }

    private static HttpResult patch(Session caller, MentorRef mentor, Object body) {
        return caller.http().patch(mentorPath(mentor), json(body));
    }

    /** The profile as its program's coordinator reads it, to compare before and after a refusal. */
    private static JsonNode profileOf(Circle circle, MentorRef mentor) {
        return read(circle.coordinator(), mentorPath(mentor));
    }

    private static String today(int plusDays) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(plusDays).toString();
    }

    @Test
    void grantingTheMentorRoleCreatesAnActiveProfileWithNoCapacityInTheProgramsTimeZone() {
        Circle circle = fixtures.circle();
        Session person = server.newUser("Tall Pine");

        grant(server, circle.id(), person, "mentor");

        HttpResult list = circle.coordinator().http().get("/v1/mentors?program_id=" + circle.id());
        assertThat(ids(list)).hasSize(1);
        JsonNode profile = list.json().path("data").get(0);
        assertThat(profile.path("id").asText()).startsWith("mnt_");
        assertThat(profile.path("program_id").asText()).isEqualTo(circle.id());
        assertThat(profile.path("user_id").asText()).isEqualTo(person.userId());
        assertThat(profile.path("display_name").asText()).isEqualTo("Tall Pine");
        assertThat(profile.path("status").asText()).isEqualTo("active");
        assertThat(profile.path("capacity").asInt()).isZero();
        assertThat(profile.path("free_capacity").asInt()).isZero();
        assertThat(profile.path("active_mentees").asInt()).isZero();
        assertThat(profile.path("timezone").asText()).isEqualTo("America/Chicago");
        assertThat(profile.path("languages")).isEmpty();
        assertThat(profile.path("bio").isNull()).isTrue();
        assertThat(profile.path("contact_window").isNull()).isTrue();
        assertThat(profile.toString()).doesNotContain("@");
    }

    @Test
    void theMentorWritesTheirProfile() {
        Circle circle = fixtures.circle();
        Session person = server.newUser("Tall Pine");
        grant(server, circle.id(), person, "mentor");
        String id = profileId(circle, person);
        Map<String, Object> profile = fields("bio", "Ten years past panic.", "lived_experience", List.of("anxiety", "grief"),
            "languages", List.of("en", "es-MX"), "modes", List.of("virtual"), "timezone", "Europe/Berlin",
            "capacity", 2, "certifications", List.of(fields("name", "Peer Specialist", "issuer", "Harbor Board",
                "issued_on", today(-30), "expires_on", today(300))),
            "contact_window", fields("days", List.of("monday", "thursday"), "start_time", "17:00", "end_time", "21:00"),
            "trained_animal", fields("species", "dog", "description", "A calm therapy dog."));

        HttpResult patched = person.http().patch("/v1/mentors/" + id, json(profile));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.header("ETag")).isNotBlank();
        JsonNode stored = read(person, "/v1/mentors/" + id);
        assertThat(stored).isEqualTo(patched.json());
        assertThat(stored.path("bio").asText()).isEqualTo("Ten years past panic.");
        assertThat(stored.path("lived_experience").toString()).isEqualTo("[\"anxiety\",\"grief\"]");
        assertThat(stored.path("languages").toString()).isEqualTo("[\"en\",\"es-MX\"]");
        assertThat(stored.path("modes").toString()).isEqualTo("[\"virtual\"]");
        assertThat(stored.path("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(stored.path("capacity").asInt()).isEqualTo(2);
        assertThat(stored.path("free_capacity").asInt()).isEqualTo(2);
        assertThat(stored.at("/certifications/0/name").asText()).isEqualTo("Peer Specialist");
        assertThat(stored.at("/certifications/0/current").asBoolean()).isTrue();
        assertThat(stored.at("/contact_window/days").toString()).isEqualTo("[\"monday\",\"thursday\"]");
        assertThat(stored.at("/contact_window/end_time").asText()).isEqualTo("21:00");
        assertThat(stored.at("/trained_animal/species").asText()).isEqualTo("dog");
    }

    @Test
    void aPatchChangesOnlyWhatItNames() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        HttpResult patched = patch(mentor.person(), mentor, fields("capacity", 5));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode stored = read(mentor.person(), mentorPath(mentor));
        assertThat(stored.path("capacity").asInt()).isEqualTo(5);
        assertThat(stored.path("bio").asText()).isEqualTo("I listen first.");
        assertThat(stored.path("languages").toString()).isEqualTo("[\"en\"]");
        assertThat(stored.path("timezone").asText()).isEqualTo("UTC");
    }

    @Test
    void theProgramsCoordinatorEditsAMentorProfile() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        HttpResult patched = patch(circle.coordinator(), mentor, fields("status", "paused", "capacity", 1));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode stored = read(mentor.person(), mentorPath(mentor));
        assertThat(stored.path("status").asText()).isEqualTo("paused");
        assertThat(stored.path("capacity").asInt()).isEqualTo(1);
        assertThat(stored.path("free_capacity").asInt()).isZero();
    }

    @Test
    void participantsAndOtherMentorsOfTheProgramCannotEditAProfile() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        MentorRef otherMentor = fixtures.mentor(circle, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");
        JsonNode before = profileOf(circle, mentor);

        for (Session caller : List.of(otherMentor.person(), participant.person())) {
            HttpResult refused = patch(caller, mentor, fields("bio", "Changed by someone else", "capacity", 20));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(refused.body()).doesNotContain("I listen first");
        }
        assertThat(profileOf(circle, mentor)).isEqualTo(before);
    }

    @Test
    void mentorsAndCoordinatorsOfAnotherProgramNeitherSeeNorEditAProfile() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Circle elsewhere = fixtures.circle();
        MentorRef otherMentor = fixtures.mentor(elsewhere, "Bright Fern");
        JsonNode before = profileOf(circle, mentor);

        for (Session caller : List.of(otherMentor.person(), elsewhere.coordinator())) {
            HttpResult refused = patch(caller, mentor, fields("bio", "Changed from elsewhere", "status", "withdrawn"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("not_found");
            assertThat(refused.body()).doesNotContain("I listen first");
            HttpResult hidden = caller.http().get(mentorPath(mentor));
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain("Tall Pine");
            assertThat(ids(caller.http().get("/v1/mentors?program_id=" + circle.id()))).isEmpty();
            assertThat(ids(caller.http().get("/v1/mentors?limit=100"))).doesNotContain(mentor.id());
        }
        assertThat(profileOf(circle, mentor)).isEqualTo(before);
    }

    @Test
    void anonymousCallersGetUnauthorizedAndNoData() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        JsonNode before = profileOf(circle, mentor);
        Http anonymous = server.http();

        for (HttpResult refused : List.of(anonymous.get("/v1/mentors"),
            anonymous.get("/v1/mentors?program_id=" + circle.id()), anonymous.get(mentorPath(mentor)),
            anonymous.patch(mentorPath(mentor), json(fields("capacity", 20))))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("unauthorized");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(refused.body()).doesNotContain("Tall Pine").doesNotContain("I listen first");
        }
        assertThat(profileOf(circle, mentor)).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        String etag = mentor.person().http().get(mentorPath(mentor)).header("ETag");
        assertThat(patch(mentor.person(), mentor, fields("capacity", 4)).status()).isEqualTo(200);

        HttpResult stale = mentor.person().http().header("If-Match", etag)
            .patch(mentorPath(mentor), json(fields("capacity", 9)));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("precondition_failed");
        assertThat(read(mentor.person(), mentorPath(mentor)).path("capacity").asInt()).isEqualTo(4);
    }

    @Test
    void bioIsAtMostTwoThousandCharacters() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("bio", "b".repeat(2001)))))
            .containsExactly("bio too_long");
        assertThat(read(mentor.person(), mentorPath(mentor)).path("bio").asText()).isEqualTo("I listen first.");
        assertThat(patch(mentor.person(), mentor, fields("bio", "b".repeat(2000))).status()).isEqualTo(200);
        assertThat(read(mentor.person(), mentorPath(mentor)).path("bio").asText()).hasSize(2000);
    }

    @Test
    void capacityIsZeroToTwenty() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("capacity", 21))))
            .containsExactly("capacity out_of_range");
        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("capacity", -1))))
            .containsExactly("capacity out_of_range");
        assertThat(read(mentor.person(), mentorPath(mentor)).path("capacity").asInt()).isEqualTo(3);
        assertThat(patch(mentor.person(), mentor, fields("capacity", 20)).status()).isEqualTo(200);
        assertThat(read(mentor.person(), mentorPath(mentor)).path("capacity").asInt()).isEqualTo(20);
        assertThat(patch(mentor.person(), mentor, fields("capacity", 0)).status()).isEqualTo(200);
        assertThat(read(mentor.person(), mentorPath(mentor)).path("capacity").asInt()).isZero();
    }

    @Test
    void languagesAreBcp47Tags() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("languages", List.of("en", "en_US", "e")))))
            .containsExactly("languages[1] invalid_value", "languages[2] invalid_value");
        assertThat(read(mentor.person(), mentorPath(mentor)).path("languages").toString()).isEqualTo("[\"en\"]");
        assertThat(patch(mentor.person(), mentor, fields("languages", List.of("pt-BR", "zh-Hant", "es"))).status())
            .isEqualTo(200);
        assertThat(read(mentor.person(), mentorPath(mentor)).path("languages").toString())
            .isEqualTo("[\"pt-BR\",\"zh-Hant\",\"es\"]");
    }

    @Test
    void timezoneIsAnIanaName() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        for (String zone : List.of("EST", "Mars/Olympus_Mons", "Etc/GMT+5", "+02:00", "US/Eastern")) {
            assertThat(fieldErrors(patch(mentor.person(), mentor, fields("timezone", zone)))).as(zone)
                .containsExactly("timezone invalid_value");
        }
        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("timezone", null))))
            .containsExactly("timezone required");
        assertThat(read(mentor.person(), mentorPath(mentor)).path("timezone").asText()).isEqualTo("UTC");
        assertThat(patch(mentor.person(), mentor, fields("timezone", "America/Argentina/Buenos_Aires")).status())
            .isEqualTo(200);
    }

    @Test
    void aCertificationExpiresAfterItWasIssuedAndNamesItsIssuer() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        List<String> errors = fieldErrors(patch(mentor.person(), mentor, fields("certifications", List.of(
            fields("name", "Peer Specialist", "issuer", "Harbor Board", "issued_on", "2026-03-01", "expires_on", "2026-02-01"),
            fields("name", "First Aid", "issuer", "Harbor Board", "issued_on", "2026-03-01", "expires_on", "2026-03-01"),
            fields("name", "First Aid", "issuer", " ")))));

        assertThat(errors).containsExactly("certifications[0].expires_on out_of_range",
            "certifications[1].expires_on out_of_range", "certifications[2].issuer required");
        assertThat(read(mentor.person(), mentorPath(mentor)).path("certifications")).isEmpty();
    }

    @Test
    void aContactWindowIsHoursAndMinutesEndingAfterItStarts() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("contact_window",
            fields("days", List.of("monday"), "start_time", "21:00", "end_time", "17:00")))))
            .containsExactly("contact_window.end_time out_of_range");
        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("contact_window",
            fields("days", List.of("monday"), "start_time", "17:00", "end_time", "17:00")))))
            .containsExactly("contact_window.end_time out_of_range");
        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("contact_window",
            fields("days", List.of("monday"), "start_time", "24:00", "end_time", "9:30")))))
            .containsExactly("contact_window.start_time invalid_format", "contact_window.end_time invalid_format");
        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("contact_window",
            fields("days", List.of("monday", "monday"), "start_time", "09:00", "end_time", "10:00")))))
            .containsExactly("contact_window.days duplicate");
        assertThat(read(mentor.person(), mentorPath(mentor)).path("contact_window").isNull()).isTrue();
        assertThat(patch(mentor.person(), mentor, fields("contact_window",
            fields("days", List.of("sunday"), "start_time", "00:00", "end_time", "23:59"))).status()).isEqualTo(200);
    }

    @Test
    void aRefusedPatchNamesEveryWrongFieldAndChangesNothing() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        JsonNode before = profileOf(circle, mentor);

        List<String> errors = fieldErrors(patch(mentor.person(), mentor, fields("bio", "x".repeat(2001), "capacity", 99,
            "languages", List.of("not a tag"), "timezone", "Nowhere/Town")));

        assertThat(errors).containsExactlyInAnyOrder("bio too_long", "capacity out_of_range",
            "languages[0] invalid_value", "timezone invalid_value");
        assertThat(profileOf(circle, mentor)).isEqualTo(before);
    }

    @Test
    void computedFieldsCannotBeWritten() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");

        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("free_capacity", 9))))
            .containsExactly("free_capacity unknown_property");
        assertThat(fieldErrors(patch(mentor.person(), mentor, fields("user_id", circle.coordinator().userId()))))
            .containsExactly("user_id unknown_property");
        assertThat(read(mentor.person(), mentorPath(mentor)).path("user_id").asText())
            .isEqualTo(mentor.person().userId());
    }

    @Test
    void aCertificationIsCurrentOnlyBetweenIssueAndExpiry() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine", "certifications", List.of(
            fields("name", "Valid", "issuer", "Harbor Board", "issued_on", today(-300), "expires_on", today(60)),
            fields("name", "Expired", "issuer", "Harbor Board", "issued_on", today(-800), "expires_on", today(-1)),
            fields("name", "Future", "issuer", "Harbor Board", "issued_on", today(2), "expires_on", today(400)),
            fields("name", "Lifelong", "issuer", "Harbor Board")));

        JsonNode certifications = read(mentor.person(), mentorPath(mentor)).path("certifications");

        assertThat(certifications).hasSize(4);
        assertThat(certifications.get(0).path("current").asBoolean()).isTrue();
        assertThat(certifications.get(1).path("current").asBoolean()).isFalse();
        assertThat(certifications.get(1).path("expires_on").asText()).isEqualTo(today(-1));
        assertThat(certifications.get(2).path("current").asBoolean()).isFalse();
        assertThat(certifications.get(3).path("current").asBoolean()).isTrue();
        assertThat(certifications.get(3).path("issued_on").isNull()).isTrue();
    }

    @Test
    void activeMenteesAndFreeCapacityFollowMentorshipsAndStatus() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine", "capacity", 3);
        active(circle, mentor, fixtures.participant(circle, "Quiet River"));
        requested(circle, mentor, fixtures.participant(circle, "Blue Heron"));

        JsonNode activeMentor = read(mentor.person(), mentorPath(mentor));
        assertThat(activeMentor.path("active_mentees").asInt()).isEqualTo(1);
        assertThat(activeMentor.path("free_capacity").asInt()).isEqualTo(2);

        assertThat(patch(mentor.person(), mentor, fields("status", "paused")).status()).isEqualTo(200);
        JsonNode paused = read(mentor.person(), mentorPath(mentor));
        assertThat(paused.path("active_mentees").asInt()).isEqualTo(1);
        assertThat(paused.path("free_capacity").asInt()).isZero();

        assertThat(patch(mentor.person(), mentor, fields("status", "active", "capacity", 1)).status()).isEqualTo(200);
        JsonNode full = read(mentor.person(), mentorPath(mentor));
        assertThat(full.path("active_mentees").asInt()).isEqualTo(1);
        assertThat(full.path("free_capacity").asInt()).isZero();
    }

    @Test
    void participantsSeeTheMentorsOfTheirProgramsOnly() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Circle elsewhere = fixtures.circle();
        MentorRef otherMentor = fixtures.mentor(elsewhere, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");

        assertThat(ids(participant.http().get("/v1/mentors?limit=100"))).containsExactly(mentor.id());
        assertThat(ids(participant.http().get("/v1/mentors?program_id=" + elsewhere.id()))).isEmpty();
        assertThat(read(participant.person(), mentorPath(mentor)).path("display_name").asText()).isEqualTo("Tall Pine");
        HttpResult hidden = participant.http().get(mentorPath(otherMentor));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("Bright Fern");
    }

    @Test
    void someoneInNoProgramSeesNoMentors() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Session stranger = server.newUser("Curious Wren");

        assertThat(ids(stranger.http().get("/v1/mentors?limit=100"))).isEmpty();
        assertThat(ids(stranger.http().get("/v1/mentors?program_id=" + circle.id()))).isEmpty();
        HttpResult hidden = stranger.http().get(mentorPath(mentor));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("Tall Pine");
    }

    @Test
    void withdrawnMentorsAreSeenOnlyByCoordinatorsAdminsAndThemselves() {
        Circle circle = fixtures.circle();
        MentorRef withdrawn = fixtures.mentor(circle, "Tall Pine", "status", "withdrawn");
        MentorRef colleague = fixtures.mentor(circle, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");

        for (Session viewer : List.of(participant.person(), colleague.person())) {
            assertThat(ids(viewer.http().get("/v1/mentors?program_id=" + circle.id()))).containsExactly(colleague.id());
            assertThat(ids(viewer.http().get("/v1/mentors?program_id=" + circle.id() + "&status=withdrawn"))).isEmpty();
            HttpResult hidden = viewer.http().get(mentorPath(withdrawn));
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain("Tall Pine");
        }
        for (Session viewer : List.of(circle.coordinator(), server.admin(), withdrawn.person())) {
            assertThat(read(viewer, mentorPath(withdrawn)).path("status").asText()).isEqualTo("withdrawn");
            assertThat(ids(viewer.http().get("/v1/mentors?program_id=" + circle.id() + "&status=withdrawn")))
                .containsExactly(withdrawn.id());
        }
        assertThat(ids(circle.coordinator().http().get("/v1/mentors?program_id=" + circle.id())))
            .containsExactly(withdrawn.id(), colleague.id());
    }

    @Test
    void theListFiltersByLanguageLivedExperienceModeAndAccepting() {
        Circle circle = fixtures.circle();
        MentorRef english = fixtures.mentor(circle, "Tall Pine", "languages", List.of("en"),
            "lived_experience", List.of("anxiety"), "modes", List.of("in_person"), "capacity", 1);
        MentorRef spanish = fixtures.mentor(circle, "Bright Fern", "languages", List.of("es-MX", "en"),
            "lived_experience", List.of("grief", "trauma"), "modes", List.of("virtual"), "capacity", 2);
        MentorRef paused = fixtures.mentor(circle, "Still Lake", "languages", List.of("fr"),
            "lived_experience", List.of("grief"), "modes", List.of("virtual", "in_person"), "status", "paused");
        active(circle, english, fixtures.participant(circle, "Quiet River"));
        Session viewer = fixtures.participant(circle, "Blue Heron").person();
        String base = "/v1/mentors?program_id=" + circle.id();

        assertThat(ids(viewer.http().get(base))).containsExactly(english.id(), spanish.id(), paused.id());
        assertThat(ids(viewer.http().get(base + "&language=en"))).containsExactly(english.id(), spanish.id());
        assertThat(ids(viewer.http().get(base + "&language=ES"))).containsExactly(spanish.id());
        assertThat(ids(viewer.http().get(base + "&language=es-mx"))).containsExactly(spanish.id());
        assertThat(ids(viewer.http().get(base + "&language=es-ES"))).isEmpty();
        assertThat(ids(viewer.http().get(base + "&lived_experience=grief"))).containsExactly(spanish.id(), paused.id());
        assertThat(ids(viewer.http().get(base + "&mode=in_person"))).containsExactly(english.id(), paused.id());
        assertThat(ids(viewer.http().get(base + "&accepting=true"))).containsExactly(spanish.id());
        assertThat(ids(viewer.http().get(base + "&accepting=false"))).containsExactly(english.id(), paused.id());
        assertThat(ids(viewer.http().get(base + "&mode=virtual&lived_experience=grief&accepting=true")))
            .containsExactly(spanish.id());
        assertThat(ids(viewer.http().get(base + "&language=de"))).isEmpty();
    }

    @Test
    void badFiltersAreRefused() {
        Circle circle = fixtures.circle();
        Session viewer = circle.coordinator();

        assertThat(fieldErrors(viewer.http().get("/v1/mentors?lived_experience=sadness")))
            .containsExactly("lived_experience invalid_value");
        assertThat(fieldErrors(viewer.http().get("/v1/mentors?language=e%25")))
            .containsExactly("language invalid_value");
        assertThat(fieldErrors(viewer.http().get("/v1/mentors?mode=phone"))).containsExactly("mode invalid_value");
        assertThat(fieldErrors(viewer.http().get("/v1/mentors?accepting=yes"))).containsExactly("accepting wrong_type");
        assertThat(fieldErrors(viewer.http().get("/v1/mentors?limit=0"))).containsExactly("limit out_of_range");
        assertThat(fieldErrors(viewer.http().get("/v1/mentors?cursor=nonsense"))).containsExactly("cursor invalid_cursor");
        assertThat(fieldErrors(viewer.http().get("/v1/mentors?capacity=3"))).containsExactly("capacity unknown_parameter");
    }

    @Test
    void theListPagesByCursor() {
        Circle circle = fixtures.circle();
        MentorRef first = fixtures.mentor(circle, "Tall Pine");
        MentorRef second = fixtures.mentor(circle, "Bright Fern");
        MentorRef third = fixtures.mentor(circle, "Still Lake");
        Session viewer = fixtures.participant(circle, "Quiet River").person();

        HttpResult page1 = viewer.http().get("/v1/mentors?limit=2&program_id=" + circle.id());
        HttpResult page2 = viewer.http().get("/v1/mentors?limit=2&program_id=" + circle.id() + "&cursor="
            + page1.text("/next_cursor"));

        assertThat(ids(page1)).containsExactly(first.id(), second.id());
        assertThat(page1.json().path("has_more").asBoolean()).isTrue();
        assertThat(ids(page2)).containsExactly(third.id());
        assertThat(page2.json().path("has_more").asBoolean()).isFalse();
        assertThat(page2.json().path("next_cursor").isNull()).isTrue();
    }

    @Test
    void removingTheMentorRoleWithdrawsTheProfileAndClosesItsOpenMentorships() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine", "capacity", 5);
        Participant activeMentee = fixtures.participant(circle, "Quiet River");
        Participant waiting = fixtures.participant(circle, "Blue Heron");
        Participant alumnus = fixtures.participant(circle, "Still Lake");
        String activeId = active(circle, mentor, activeMentee);
        String requestId = requested(circle, mentor, waiting);
        String continuingId = continuing(circle, mentor, alumnus);

        HttpResult removed = circle.coordinator().http().delete(circle.path("/members/" + mentor.memberId()));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        JsonNode profile = read(circle.coordinator(), mentorPath(mentor));
        assertThat(profile.path("status").asText()).isEqualTo("withdrawn");
        assertThat(profile.path("free_capacity").asInt()).isZero();
        assertThat(profile.path("active_mentees").asInt()).isZero();
        JsonNode ended = read(activeMentee.person(), "/v1/mentorships/" + activeId);
        assertThat(ended.path("status").asText()).isEqualTo("ended");
        assertThat(ended.path("reason").asText()).isEqualTo("mentor_withdrew");
        assertThat(ended.path("ended_at").isNull()).isFalse();
        JsonNode declined = read(waiting.person(), "/v1/mentorships/" + requestId);
        assertThat(declined.path("status").asText()).isEqualTo("declined");
        assertThat(declined.path("reason").asText()).isEqualTo("unavailable");
        assertThat(read(alumnus.person(), "/v1/mentorships/" + continuingId).path("status").asText())
            .isEqualTo("continuing");
        assertThat(ids(activeMentee.http().get("/v1/mentors?program_id=" + circle.id()))).isEmpty();
    }

    @Test
    void withdrawingByPatchClosesTheMentorsOpenMentorships() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant activeMentee = fixtures.participant(circle, "Quiet River");
        Participant waiting = fixtures.participant(circle, "Blue Heron");
        String activeId = active(circle, mentor, activeMentee);
        String requestId = requested(circle, mentor, waiting);

        assertThat(patch(mentor.person(), mentor, fields("status", "withdrawn")).status()).isEqualTo(200);

        JsonNode ended = read(activeMentee.person(), "/v1/mentorships/" + activeId);
        assertThat(ended.path("status").asText()).isEqualTo("ended");
        assertThat(ended.path("reason").asText()).isEqualTo("mentor_withdrew");
        JsonNode declined = read(waiting.person(), "/v1/mentorships/" + requestId);
        assertThat(declined.path("status").asText()).isEqualTo("declined");
        assertThat(declined.path("reason").asText()).isEqualTo("unavailable");
    }

    @Test
    void pausingKeepsCurrentMentees() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant mentee = fixtures.participant(circle, "Quiet River");
        String activeId = active(circle, mentor, mentee);

        assertThat(patch(mentor.person(), mentor, fields("status", "paused")).status()).isEqualTo(200);

        assertThat(read(mentee.person(), "/v1/mentorships/" + activeId).path("status").asText()).isEqualTo("active");
        assertThat(read(mentor.person(), mentorPath(mentor)).path("active_mentees").asInt()).isEqualTo(1);
    }

    @Test
    void someoneWhoLostTheMentorRoleCannotReopenTheirProfile() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        assertThat(circle.coordinator().http().delete(circle.path("/members/" + mentor.memberId())).status())
            .isEqualTo(204);

        for (Session caller : List.of(mentor.person(), circle.coordinator())) {
            HttpResult refused = patch(caller, mentor, fields("status", "active"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(read(circle.coordinator(), mentorPath(mentor)).path("status").asText()).isEqualTo("withdrawn");
        assertThat(ids(fixtures.participant(circle, "Quiet River").http().get("/v1/mentors?program_id=" + circle.id())))
            .isEmpty();
    }

    @Test
    void grantingTheRoleAgainReopensTheSameProfile() {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine", "capacity", 4);
        assertThat(circle.coordinator().http().delete(circle.path("/members/" + mentor.memberId())).status())
            .isEqualTo(204);

        grant(server, circle.id(), mentor.person(), "mentor");

        JsonNode profile = read(circle.coordinator(), mentorPath(mentor));
        assertThat(profile.path("status").asText()).isEqualTo("active");
        assertThat(profile.path("capacity").asInt()).isEqualTo(4);
        assertThat(ids(circle.coordinator().http().get("/v1/mentors?program_id=" + circle.id())))
            .containsExactly(mentor.id());
    }
}
