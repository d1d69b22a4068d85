package org.kindred.api.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.groups.GroupFixtures.PET_VENUE;
import static org.kindred.api.groups.GroupFixtures.PLAIN_VENUE;
import static org.kindred.api.groups.GroupFixtures.body;
import static org.kindred.api.groups.GroupFixtures.fieldErrors;
import static org.kindred.api.groups.GroupFixtures.ids;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures.Setup;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class GroupCrudTest {
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

    private static List<String> groupsOf(Setup setup) {
        return ids(setup.coordinator().http().get("/v1/groups?limit=100&program_id=" + setup.programId()));
    }

    private static String schedule(String rrule, String startDate, String startTime) {
        return "{\"schedule\": {\"rrule\": \"" + rrule + "\", \"start_date\": \"" + startDate + "\", \"start_time\": \""
            + startTime + "\"}}";
    }

    private static List<String> refused(Setup setup, String overrides) {
        List<String> errors = fieldErrors(setup.coordinator().http().post("/v1/groups", body(setup.programId(), overrides)));
        assertThat(groupsOf(setup)).isEmpty();
        return errors;
    }

    @Test
    void coordinatorCreatesAGroupWithDefaults() {
        Setup setup = fixtures.program();
        HttpResult created = setup.coordinator().http().post("/v1/groups", body(setup.programId(),
            "{\"name\": \"Monday Evening Circle\", \"slug\": null}"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode group = created.json();
        String id = group.path("id").asText();
        assertThat(id).startsWith("grp_");
        assertThat(created.header("Location")).endsWith("/v1/groups/" + id);
        assertThat(group.path("slug").asText()).isEqualTo("monday-evening-circle");
        assertThat(group.path("program_id").asText()).isEqualTo(setup.programId());
        assertThat(group.path("membership_policy").asText()).isEqualTo("open");
        assertThat(group.path("status").asText()).isEqualTo("active");
        assertThat(group.path("facilitator_ids").isArray()).isTrue();
        assertThat(group.path("facilitator_ids")).isEmpty();
        assertThat(group.path("capacity").path("in_person").isNull()).isTrue();
        assertThat(group.path("capacity").path("online").isNull()).isTrue();
        assertThat(group.path("schedule").path("exception_dates")).isEmpty();
        assertThat(group.path("publish_conference_url").asBoolean()).isFalse();
        assertThat(group.path("pet_friendly").asBoolean()).isFalse();
        assertThat(group.path("animals_present").asBoolean()).isFalse();
        assertThat(group.path("conference_url").asText()).startsWith("https://meet.example.org/");

        HttpResult read = setup.coordinator().http().get("/v1/groups/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(group);
    }

    @Test
    void adminCreatesAGroupInAnyProgram() {
        Setup setup = fixtures.program();
        HttpResult created = server.admin().http().post("/v1/groups", body(setup.programId(), "{}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(groupsOf(setup)).containsExactly(created.text("/id"));
    }

    @Test
    void coordinatorCreatesAGroupInTheirDraftProgram() {
        Setup draft = fixtures.draftProgram();
        HttpResult created = draft.coordinator().http().post("/v1/groups", body(draft.programId(), "{}"));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void anonymousCannotCreateAGroup() {
        Setup setup = fixtures.program();
        HttpResult refused = server.http().post("/v1/groups", body(setup.programId(), "{}"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(groupsOf(setup)).isEmpty();
    }

    @Test
    void participantsMentorsStrangersAndOtherCoordinatorsCannotCreateAGroup() {
        Setup setup = fixtures.program();
        Session participant = fixtures.person(setup.programId(), "Green Fern", "participant");
        Session mentor = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        Session stranger = server.newUser("Curious Wren");
        Session otherCoordinator = fixtures.program().coordinator();

        for (Session caller : List.of(participant, mentor, stranger, otherCoordinator)) {
            HttpResult refused = caller.http().post("/v1/groups", body(setup.programId(), "{}"));
            assertThat(refused.status()).as(caller.email()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(groupsOf(setup)).isEmpty();
    }

    @Test
    void strangerCannotLearnOfADraftProgramByCreatingAGroupInIt() {
        Setup draft = fixtures.draftProgram();
        HttpResult refused = server.newUser("Curious Wren").http().post("/v1/groups", body(draft.programId(), "{}"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(groupsOf(draft)).isEmpty();
    }

    @Test
    void anInvalidRuleIsAnErrorOfScheduleRrule() {
        Setup setup = fixtures.program();
        String date = GroupFixtures.today(GroupFixtures.CHICAGO).plusWeeks(1).toString();
        assertThat(refused(setup, schedule("FREQ=SOMETIMES", date, "18:30"))).containsExactly("schedule.rrule invalid_value");
        assertThat(refused(setup, schedule("not a rule", date, "18:30"))).containsExactly("schedule.rrule invalid_value");
        assertThat(refused(setup, schedule("RRULE:FREQ=WEEKLY", date, "18:30")))
            .containsExactly("schedule.rrule invalid_value");
    }

    @Test
    void subDailyRulesAndRulesSettingTheHourAreRefused() {
        Setup setup = fixtures.program();
        String date = GroupFixtures.today(GroupFixtures.CHICAGO).plusWeeks(1).toString();
        for (String rule : List.of("FREQ=HOURLY", "FREQ=MINUTELY;INTERVAL=30", "FREQ=SECONDLY", "FREQ=WEEKLY;BYHOUR=9",
            "FREQ=DAILY;BYMINUTE=15")) {
            assertThat(refused(setup, schedule(rule, date, "18:30"))).as(rule).containsExactly("schedule.rrule invalid_value");
        }
    }

    @Test
    void startDateMustBeADayTheRuleMeetsOn() {
        Setup setup = fixtures.program();
        assertThat(refused(setup, schedule("FREQ=WEEKLY;BYDAY=MO", "2026-04-07", "18:30")))
            .containsExactly("schedule.start_date invalid_value");
        assertThat(refused(setup, schedule("FREQ=MONTHLY;BYDAY=2TU", "2026-04-07", "18:30")))
            .containsExactly("schedule.start_date invalid_value");
    }

    @Test
    void startTimeMustBeHoursAndMinutes() {
        Setup setup = fixtures.program();
        for (String time : List.of("7:30", "24:00", "18:60", "6pm", "18:30:00")) {
            assertThat(refused(setup, schedule("FREQ=WEEKLY;BYDAY=TU", "2026-04-07", time))).as(time)
                .containsExactly("schedule.start_time invalid_format");
        }
    }

    @Test
    void durationAndMissingScheduleFieldsAreNamed() {
        Setup setup = fixtures.program();
        assertThat(refused(setup, "{\"schedule\": {\"duration_minutes\": 5}}"))
            .containsExactly("schedule.duration_minutes out_of_range");
        assertThat(refused(setup, "{\"schedule\": {\"start_date\": null, \"start_time\": null}}"))
            .contains("schedule.start_date required", "schedule.start_time required");
    }

    @Test
    void timeZonesMustBeIanaRegionNames() {
        Setup setup = fixtures.program();
        for (String zone : List.of("Mars/Olympus_Mons", "Etc/GMT+5", "+02:00", "GMT+2", "US/Eastern", "CST")) {
            assertThat(refused(setup, "{\"timezone\": \"" + zone + "\"}")).as(zone).containsExactly("timezone invalid_value");
        }
    }

    @Test
    void inPersonAndHybridGroupsNeedAVenue() {
        Setup setup = fixtures.program();
        assertThat(refused(setup, "{\"format\": \"in_person\", \"conference_url\": null, \"conference_notes\": null}"))
            .containsExactly("venue_id required");
        assertThat(refused(setup, "{\"format\": \"hybrid\"}")).containsExactly("venue_id required");
    }

    @Test
    void virtualAndHybridGroupsNeedAConferenceUrlAndNotes() {
        Setup setup = fixtures.program();
        String venue = fixtures.venue(setup.programId(), PLAIN_VENUE);
        assertThat(refused(setup, "{\"conference_url\": null, \"conference_notes\": null}"))
            .containsExactlyInAnyOrder("conference_url required", "conference_notes required");
        assertThat(refused(setup, "{\"format\": \"hybrid\", \"venue_id\": \"" + venue + "\", \"conference_notes\": null}"))
            .containsExactly("conference_notes required");
        assertThat(refused(setup, "{\"format\": \"hybrid\", \"venue_id\": \"" + venue + "\", \"conference_url\": null}"))
            .containsExactly("conference_url required");
    }

    @Test
    void conferenceUrlMustBeAWebAddress() {
        Setup setup = fixtures.program();
        assertThat(refused(setup, "{\"conference_url\": \"javascript:alert(1)\"}"))
            .containsExactly("conference_url invalid_format");
    }

    @Test
    void inPersonGroupsCannotWelcomePetsOnline() {
        Setup setup = fixtures.program();
        String venue = fixtures.venue(setup.programId(), PLAIN_VENUE);
        assertThat(refused(setup, "{\"format\": \"in_person\", \"venue_id\": \"" + venue
            + "\", \"conference_url\": null, \"conference_notes\": null, \"pets_welcome_online\": true}"))
            .containsExactly("pets_welcome_online invalid_value");
    }

    @Test
    void topicsLanguagesAndCapacityAreChecked() {
        Setup setup = fixtures.program();
        assertThat(refused(setup, "{\"topics\": [\"Peer Support\"]}")).containsExactly("topics[0] invalid_format");
        assertThat(refused(setup, "{\"languages\": [\"en\", \"en_US\"]}")).containsExactly("languages[1] invalid_value");
        assertThat(refused(setup, "{\"capacity\": {\"online\": 0}}")).containsExactly("capacity.online out_of_range");
        assertThat(refused(setup, "{\"capacity\": {\"in_person\": 5}}")).containsExactly("capacity.in_person invalid_value");
    }

    @Test
    void aFacilitatorIdOverSixtyFourCharactersIsTooLong() {
        Setup setup = fixtures.program();
        assertThat(refused(setup, "{\"facilitator_ids\": [\"" + "u".repeat(65) + "\"]}"))
            .containsExactly("facilitator_ids[0] too_long");
    }

    @Test
    void aRepeatedIdempotencyKeyCreatesOneGroup() {
        Setup setup = fixtures.program();
        String body = body(setup.programId(), "{}");
        Http client = setup.coordinator().http().header("Idempotency-Key", "create-" + ProgramFixtures.token());

        HttpResult first = client.post("/v1/groups", body);
        HttpResult replay = client.post("/v1/groups", body);
        HttpResult reused = client.post("/v1/groups", body(setup.programId(), "{}"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.text("/id")).isEqualTo(first.text("/id"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(groupsOf(setup)).containsExactly(first.text("/id"));
    }

    @Test
    void facilitatorsMustBeMentorsOfTheProgram() {
        Setup setup = fixtures.program();
        Session participant = fixtures.person(setup.programId(), "Green Fern", "participant");
        Session mentorElsewhere = fixtures.person(fixtures.program().programId(), "Tall Pine", "mentor");

        for (Session notAMentor : List.of(participant, mentorElsewhere, setup.coordinator())) {
            HttpResult refused = setup.coordinator().http().post("/v1/groups", body(setup.programId(),
                "{\"facilitator_ids\": [\"" + notAMentor.userId() + "\"]}"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("unprocessable");
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("facilitator_ids");
        }
        assertThat(groupsOf(setup)).isEmpty();

        Session mentor = fixtures.person(setup.programId(), "Slow Tide", "mentor");
        HttpResult created = setup.coordinator().http().post("/v1/groups", body(setup.programId(),
            "{\"facilitator_ids\": [\"" + mentor.userId() + "\"]}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("facilitator_ids").get(0).asText()).isEqualTo(mentor.userId());
    }

    @Test
    void theVenueMustBeAnActiveVenueOfTheProgramOrOfNone() {
        Setup setup = fixtures.program();
        String otherProgramsVenue = fixtures.venue(fixtures.program().programId(), PLAIN_VENUE);
        String closedVenue = fixtures.venue(setup.programId(),
            PLAIN_VENUE.replace("\"spaces\"", "\"status\": \"closed\", \"spaces\""));

        for (String venue : List.of(otherProgramsVenue, closedVenue, "ven_01JD4Z8Q6K2V9X1M3N5P7R9T0W")) {
            HttpResult refused = setup.coordinator().http().post("/v1/groups", body(setup.programId(),
                "{\"format\": \"in_person\", \"venue_id\": \"" + venue + "\", \"conference_url\": null, \"conference_notes\": null}"));
            assertThat(refused.status()).as(venue).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("unprocessable");
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("venue_id");
            assertThat(refused.body()).doesNotContain("Cedar");
        }
        assertThat(groupsOf(setup)).isEmpty();

        String sharedVenue = fixtures.venue(null, PLAIN_VENUE);
        HttpResult created = setup.coordinator().http().post("/v1/groups", body(setup.programId(),
            "{\"format\": \"in_person\", \"venue_id\": \"" + sharedVenue + "\", \"conference_url\": null, \"conference_notes\": null}"));
        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void petFriendlyIsComputedFromTheVenueAndPetsWelcomeOnline() {
        Setup setup = fixtures.program();
        String petVenue = fixtures.venue(setup.programId(), PET_VENUE);
        String plainVenue = fixtures.venue(setup.programId(), PLAIN_VENUE);
        String inPerson = ", \"conference_url\": null, \"conference_notes\": null}";

        assertThat(fixtures.group(setup, "{\"format\": \"in_person\", \"venue_id\": \"" + petVenue + "\"" + inPerson)
            .path("pet_friendly").asBoolean()).isTrue();
        assertThat(fixtures.group(setup, "{\"format\": \"in_person\", \"venue_id\": \"" + plainVenue + "\"" + inPerson)
            .path("pet_friendly").asBoolean()).isFalse();
        assertThat(fixtures.group(setup, "{\"pets_welcome_online\": true}").path("pet_friendly").asBoolean()).isTrue();
        assertThat(fixtures.group(setup, "{}").path("pet_friendly").asBoolean()).isFalse();
        assertThat(fixtures.group(setup, "{\"format\": \"hybrid\", \"venue_id\": \"" + plainVenue
            + "\", \"pets_welcome_online\": true}").path("pet_friendly").asBoolean()).isTrue();
        assertThat(fixtures.group(setup, "{\"format\": \"hybrid\", \"venue_id\": \"" + petVenue + "\"}")
            .path("pet_friendly").asBoolean()).isTrue();
    }

    @Test
    void petFriendlyCannotBeWritten() {
        Setup setup = fixtures.program();
        HttpResult refused = setup.coordinator().http().post("/v1/groups", body(setup.programId(), "{\"pet_friendly\": true}"));

        assertThat(fieldErrors(refused)).containsExactly("pet_friendly unknown_property");
        assertThat(groupsOf(setup)).isEmpty();
    }

    @Test
    void animalsPresentIsStoredAndChangeable() {
        Setup setup = fixtures.program();
        JsonNode group = fixtures.group(setup, "{\"animals_present\": true}");
        String id = group.path("id").asText();
        assertThat(group.path("animals_present").asBoolean()).isTrue();

        HttpResult patched = setup.coordinator().http().patch("/v1/groups/" + id, "{\"animals_present\": false}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("animals_present").asBoolean()).isFalse();
        assertThat(setup.coordinator().http().get("/v1/groups/" + id).json().path("animals_present").asBoolean()).isFalse();
    }

    @Test
    void slugsAreUnique() {
        Setup setup = fixtures.program();
        String slug = "harbor-circle-" + ProgramFixtures.token();
        fixtures.group(setup, "{\"slug\": \"" + slug + "\"}");

        HttpResult taken = setup.coordinator().http().post("/v1/groups", body(setup.programId(), "{\"slug\": \"" + slug + "\"}"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("slug_taken");
        assertThat(groupsOf(setup)).hasSize(1);
    }

    @Test
    void readHasAnETagAndAnswersIfNoneMatch() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{}");
        HttpResult read = server.http().get("/v1/groups/" + id);
        assertThat(read.header("ETag")).isNotBlank();

        HttpResult again = server.http().header("If-None-Match", read.header("ETag")).get("/v1/groups/" + id);

        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void coordinatorChangesAGroupWithIfMatch() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{}");
        HttpResult read = setup.coordinator().http().get("/v1/groups/" + id);

        HttpResult patched = setup.coordinator().http().header("If-Match", read.header("ETag"))
            .patch("/v1/groups/" + id, "{\"name\": \"Thursday Circle\", \"status\": \"paused\", \"capacity\": {\"online\": 8}}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("/name")).isEqualTo("Thursday Circle");
        assertThat(patched.text("/status")).isEqualTo("paused");
        assertThat(patched.json().at("/capacity/online").asInt()).isEqualTo(8);
        assertThat(patched.header("ETag")).isNotEqualTo(read.header("ETag"));
        assertThat(patched.text("/created_at")).isEqualTo(read.text("/created_at"));
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{}");
        String stale = setup.coordinator().http().get("/v1/groups/" + id).header("ETag");
        assertThat(setup.coordinator().http().patch("/v1/groups/" + id, "{\"description\": \"Changed\"}").status())
            .isEqualTo(200);
        JsonNode before = setup.coordinator().http().get("/v1/groups/" + id).json();

        HttpResult patch = setup.coordinator().http().header("If-Match", stale).patch("/v1/groups/" + id, "{\"name\": \"Lost\"}");
        HttpResult delete = setup.coordinator().http().header("If-Match", stale).delete("/v1/groups/" + id);

        assertThat(patch.status()).isEqualTo(412);
        assertThat(patch.code()).isEqualTo("precondition_failed");
        assertThat(delete.status()).isEqualTo(412);
        assertThat(setup.coordinator().http().get("/v1/groups/" + id).json()).isEqualTo(before);
    }

    @Test
    void onlyCoordinatorsAndAdminsChangeAGroup() {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        String id = fixtures.groupId(setup, "{\"facilitator_ids\": [\"" + facilitator.userId() + "\"]}");
        Session member = fixtures.member(setup.programId(), id, "Green Fern");
        Session stranger = server.newUser("Curious Wren");
        JsonNode before = setup.coordinator().http().get("/v1/groups/" + id).json();

        for (Session caller : List.of(facilitator, member, stranger, fixtures.program().coordinator())) {
            HttpResult patch = caller.http().patch("/v1/groups/" + id, "{\"name\": \"Taken Over\"}");
            HttpResult delete = caller.http().delete("/v1/groups/" + id);
            assertThat(patch.status()).isEqualTo(403);
            assertThat(patch.code()).isEqualTo("forbidden");
            assertThat(delete.status()).isEqualTo(403);
        }
        assertThat(server.http().patch("/v1/groups/" + id, "{\"name\": \"Taken Over\"}").status()).isEqualTo(401);
        assertThat(server.http().delete("/v1/groups/" + id).status()).isEqualTo(401);
        assertThat(setup.coordinator().http().get("/v1/groups/" + id).json()).isEqualTo(before);

        HttpResult byAdmin = server.admin().http().patch("/v1/groups/" + id, "{\"name\": \"Renamed by Admin\"}");
        assertThat(byAdmin.status()).isEqualTo(200);
    }

    @Test
    void aGroupStaysInItsProgram() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{}");
        String other = fixtures.program().programId();

        HttpResult refused = setup.coordinator().http().patch("/v1/groups/" + id, "{\"program_id\": \"" + other + "\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("program_id");
        assertThat(setup.coordinator().http().get("/v1/groups/" + id).text("/program_id")).isEqualTo(setup.programId());
    }

    @Test
    void aPatchIsValidatedLikeACreate() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{}");
        JsonNode before = setup.coordinator().http().get("/v1/groups/" + id).json();

        assertThat(fieldErrors(setup.coordinator().http().patch("/v1/groups/" + id,
            "{\"schedule\": {\"rrule\": \"FREQ=HOURLY\"}}"))).containsExactly("schedule.rrule invalid_value");
        assertThat(fieldErrors(setup.coordinator().http().patch("/v1/groups/" + id, "{\"timezone\": \"Etc/GMT-3\"}")))
            .containsExactly("timezone invalid_value");
        assertThat(fieldErrors(setup.coordinator().http().patch("/v1/groups/" + id, "{\"conference_url\": null}")))
            .containsExactly("conference_url required");
        assertThat(setup.coordinator().http().get("/v1/groups/" + id).json()).isEqualTo(before);
    }

    @Test
    void coordinatorDeletesAGroup() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{}");
        fixtures.member(setup.programId(), id, "Green Fern");
        String etag = setup.coordinator().http().get("/v1/groups/" + id).header("ETag");

        HttpResult deleted = setup.coordinator().http().header("If-Match", etag).delete("/v1/groups/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(setup.coordinator().http().get("/v1/groups/" + id).status()).isEqualTo(404);
        assertThat(server.http().get("/v1/groups/" + id).status()).isEqualTo(404);
        assertThat(groupsOf(setup)).isEmpty();
    }

    @Test
    void unknownGroupsAreNotFound() {
        HttpResult missing = server.admin().http().get("/v1/groups/grp_01JD4Z8Q6K2V9X1M3N5P7R9T0W");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("not_found");
        assertThat(server.admin().http().patch("/v1/groups/grp_01JD4Z8Q6K2V9X1M3N5P7R9T0W", "{\"name\": \"X\"}").status())
            .isEqualTo(404);
        assertThat(server.admin().http().delete("/v1/groups/nonsense").status()).isEqualTo(404);
    }

    @Test
    void anyoneMayReadWhatTheContractCallsPublic() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{}");
        for (Http viewer : List.of(server.http(), server.newUser("Passing Crow").http())) {
            assertThat(viewer.get("/v1/groups/" + id).status()).isEqualTo(200);
        }
    }
}
