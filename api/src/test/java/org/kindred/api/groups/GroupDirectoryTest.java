package org.kindred.api.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.groups.GroupFixtures.PET_VENUE;
import static org.kindred.api.groups.GroupFixtures.PLAIN_VENUE;
import static org.kindred.api.groups.GroupFixtures.fieldErrors;
import static org.kindred.api.groups.GroupFixtures.ids;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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

class GroupDirectoryTest {
    private static final String IN_PERSON = "\"format\": \"in_person\", \"conference_url\": null, \"conference_notes\": null";

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

    private static List<String> find(Http viewer, Setup setup, String filters) {
        return ids(viewer.get("/v1/groups?limit=100&program_id=" + setup.programId() + filters));
    }

    @Test
    void anonymousListsAndReadsActiveAndPausedGroupsWithoutHowToJoin() {
        Setup setup = fixtures.program();
        JsonNode active = fixtures.group(setup, "{}");
        JsonNode paused = fixtures.group(setup, "{\"status\": \"paused\", \"publish_conference_url\": true}");

        HttpResult list = server.http().get("/v1/groups?program_id=" + setup.programId());

        assertThat(ids(list)).containsExactly(active.path("id").asText(), paused.path("id").asText());
        for (JsonNode group : List.of(active, paused)) {
            assertThat(list.body()).doesNotContain(group.path("conference_url").asText())
                .doesNotContain(group.path("conference_notes").asText());
            HttpResult read = server.http().get("/v1/groups/" + group.path("id").asText());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.text("/name")).isEqualTo(group.path("name").asText());
            assertThat(read.text("/format")).isEqualTo("virtual");
            assertThat(read.json().path("conference_url").isNull()).isTrue();
            assertThat(read.json().path("conference_notes").isNull()).isTrue();
            assertThat(read.json().path("facilitator_ids").isNull()).isTrue();
            assertThat(read.body()).doesNotContain(group.path("conference_url").asText())
                .doesNotContain(group.path("conference_notes").asText());
        }
        list.json().path("data").forEach(group -> {
            assertThat(group.path("conference_url").isNull()).isTrue();
            assertThat(group.path("facilitator_ids").isNull()).isTrue();
        });
    }

    @Test
    void peopleOutsideTheGroupNeverSeeTheConferenceUrl() {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        JsonNode group = fixtures.group(setup, "{\"membership_policy\": \"approval\", \"facilitator_ids\": [\""
            + facilitator.userId() + "\"]}");
        String id = group.path("id").asText();
        String url = group.path("conference_url").asText();
        Session pending = fixtures.person(setup.programId(), "Waiting Lark", "participant");
        GroupFixtures.join(pending, id);
        Session participant = fixtures.person(setup.programId(), "Green Fern", "participant");
        Session otherMentor = fixtures.person(setup.programId(), "Far Hill", "mentor");
        Session stranger = server.newUser("Curious Wren");

        for (Session outsider : List.of(pending, participant, otherMentor, stranger)) {
            HttpResult read = outsider.http().get("/v1/groups/" + id);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body()).doesNotContain(url).doesNotContain(facilitator.userId());
            HttpResult list = outsider.http().get("/v1/groups?limit=100&program_id=" + setup.programId());
            assertThat(ids(list)).containsExactly(id);
            assertThat(list.body()).doesNotContain(url).doesNotContain(facilitator.userId());
        }
        HttpResult everything = server.http().get("/v1/groups?limit=100");
        assertThat(everything.body()).doesNotContain(url);
    }

    @Test
    void membersFacilitatorsCoordinatorsAndAdminsSeeHowToJoin() {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        JsonNode group = fixtures.group(setup, "{\"facilitator_ids\": [\"" + facilitator.userId() + "\"]}");
        String id = group.path("id").asText();
        Session member = fixtures.member(setup.programId(), id, "Green Fern");

        for (Session insider : List.of(member, facilitator, setup.coordinator(), server.admin())) {
            HttpResult read = insider.http().get("/v1/groups/" + id);
            assertThat(read.text("/conference_url")).isEqualTo(group.path("conference_url").asText());
            assertThat(read.text("/conference_notes")).isEqualTo(group.path("conference_notes").asText());
            assertThat(read.json().path("facilitator_ids").get(0).asText()).isEqualTo(facilitator.userId());
            HttpResult list = insider.http().get("/v1/groups?limit=100&program_id=" + setup.programId());
            assertThat(list.json().at("/data/0/conference_url").asText()).isEqualTo(group.path("conference_url").asText());
        }
    }

    @Test
    void archivedGroupsAreHiddenFromThePublicButNotFromTheirPeople() {
        Setup setup = fixtures.program();
        JsonNode group = fixtures.group(setup, "{\"status\": \"archived\"}");
        String id = group.path("id").asText();
        Session participant = fixtures.person(setup.programId(), "Green Fern", "participant");

        for (Http outsider : List.of(server.http(), participant.http(), server.newUser("Curious Wren").http())) {
            HttpResult hidden = outsider.get("/v1/groups/" + id);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.code()).isEqualTo("not_found");
            assertThat(hidden.body()).doesNotContain(group.path("name").asText());
            assertThat(find(outsider, setup, "")).isEmpty();
            assertThat(find(outsider, setup, "&status=archived")).isEmpty();
        }
        assertThat(find(setup.coordinator().http(), setup, "&status=archived")).containsExactly(id);
        assertThat(setup.coordinator().http().get("/v1/groups/" + id).status()).isEqualTo(200);
    }

    @Test
    void groupsOfADraftProgramAreHiddenFromThePublic() {
        Setup draft = fixtures.draftProgram();
        JsonNode group = fixtures.group(draft, "{}");
        String id = group.path("id").asText();

        for (Http outsider : List.of(server.http(), server.newUser("Curious Wren").http())) {
            HttpResult hidden = outsider.get("/v1/groups/" + id);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain(group.path("name").asText());
            assertThat(find(outsider, draft, "")).isEmpty();
            assertThat(ids(outsider.get("/v1/groups?limit=100&q=" + ProgramFixtures.encode(group.path("name").asText()))))
                .isEmpty();
        }
        assertThat(find(draft.coordinator().http(), draft, "")).containsExactly(id);
    }

    @Test
    void theSameListAskedAgainShowsEveryChangeInBetween() {
        Setup setup = fixtures.program();
        JsonNode first = fixtures.group(setup, "{}");
        String firstId = first.path("id").asText();
        Session participant = fixtures.person(setup.programId(), "Green Fern", "participant");
        String url = "/v1/groups?limit=100&program_id=" + setup.programId();
        assertThat(ids(server.http().get(url))).containsExactly(firstId);
        assertThat(participant.http().get(url).json().at("/data/0/conference_url").isNull()).isTrue();

        String secondId = fixtures.groupId(setup, "{}");
        assertThat(ids(server.http().get(url))).containsExactly(firstId, secondId);

        GroupFixtures.join(participant, firstId);
        assertThat(participant.http().get(url).json().at("/data/0/conference_url").asText())
            .isEqualTo(first.path("conference_url").asText());

        HttpResult archived = setup.coordinator().http().patch("/v1/groups/" + secondId, "{\"status\": \"archived\"}");
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(ids(server.http().get(url))).containsExactly(firstId);
    }

    @Test
    void archivingTheProgramHidesItsGroups() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{}");
        assertThat(find(server.http(), setup, "")).containsExactly(id);
        assertThat(server.admin().http().patch("/v1/programs/" + setup.programId(), "{\"status\": \"archived\"}").status())
            .isEqualTo(200);

        assertThat(server.http().get("/v1/groups/" + id).status()).isEqualTo(404);
        assertThat(find(server.http(), setup, "")).isEmpty();
    }

    @Test
    void textSearchFindsNameAndDescription() {
        Setup setup = fixtures.program();
        String word = ProgramFixtures.token();
        String byName = fixtures.groupId(setup, "{\"name\": \"Lantern " + word + "\"}");
        String byDescription = fixtures.groupId(setup, "{\"description\": \"We talk about " + word + " gently\"}");
        fixtures.groupId(setup, "{}");

        assertThat(ids(server.http().get("/v1/groups?limit=100&q=" + word))).containsExactly(byName, byDescription);
        assertThat(ids(server.http().get("/v1/groups?limit=100&q=%25"))).doesNotContain(byName);
    }

    @Test
    void filtersByFormatTopicAndLanguage() {
        Setup setup = fixtures.program();
        String venue = fixtures.venue(setup.programId(), PLAIN_VENUE);
        String virtual = fixtures.groupId(setup, "{\"topics\": [\"grief\"], \"languages\": [\"es\"]}");
        String inPerson = fixtures.groupId(setup, "{" + IN_PERSON + ", \"venue_id\": \"" + venue
            + "\", \"topics\": [\"anxiety\"], \"languages\": [\"en\", \"pt-BR\"]}");
        String hybrid = fixtures.groupId(setup, "{\"format\": \"hybrid\", \"venue_id\": \"" + venue
            + "\", \"topics\": [\"grief\", \"anxiety\"], \"languages\": [\"en\"]}");

        assertThat(find(server.http(), setup, "&format=virtual")).containsExactly(virtual);
        assertThat(find(server.http(), setup, "&format=in_person")).containsExactly(inPerson);
        assertThat(find(server.http(), setup, "&format=hybrid")).containsExactly(hybrid);
        assertThat(find(server.http(), setup, "&topic=grief")).containsExactly(virtual, hybrid);
        assertThat(find(server.http(), setup, "&topic=anxiety")).containsExactly(inPerson, hybrid);
        assertThat(find(server.http(), setup, "&topic=trauma")).isEmpty();
        assertThat(find(server.http(), setup, "&language=es")).containsExactly(virtual);
        assertThat(find(server.http(), setup, "&language=pt-br")).containsExactly(inPerson);
        assertThat(find(server.http(), setup, "&language=pt")).as("a language finds its regional tags").containsExactly(inPerson);
        assertThat(find(server.http(), setup, "&language=po")).isEmpty();
        assertThat(find(server.http(), setup, "&language=en&topic=grief")).containsExactly(hybrid);
    }

    @Test
    void programIdFilterKeepsToOneProgram() {
        Setup one = fixtures.program();
        Setup two = fixtures.program();
        String first = fixtures.groupId(one, "{}");
        String second = fixtures.groupId(two, "{}");

        assertThat(find(server.http(), one, "")).containsExactly(first);
        assertThat(find(server.http(), two, "")).containsExactly(second);
    }

    @Test
    void dayIsTheWeekdayInTheGroupsOwnTimeZone() {
        Setup setup = fixtures.program();
        String lateMonday = fixtures.groupId(setup, "{\"timezone\": \"America/Chicago\", \"schedule\": {\"rrule\": "
            + "\"FREQ=WEEKLY;BYDAY=MO\", \"start_date\": \"2026-04-06\", \"start_time\": \"23:30\"}}");
        String earlyTuesday = fixtures.groupId(setup, "{\"timezone\": \"Europe/Berlin\", \"schedule\": {\"rrule\": "
            + "\"FREQ=WEEKLY;BYDAY=TU\", \"start_date\": \"2026-04-07\", \"start_time\": \"00:30\"}}");
        String twiceAWeek = fixtures.groupId(setup, "{\"schedule\": {\"rrule\": \"FREQ=WEEKLY;BYDAY=SU,WE\", "
            + "\"start_date\": \"2026-04-05\", \"start_time\": \"09:00\"}}");

        assertThat(find(server.http(), setup, "&day=1")).containsExactly(lateMonday);
        assertThat(find(server.http(), setup, "&day=2")).containsExactly(earlyTuesday);
        assertThat(find(server.http(), setup, "&day=0")).containsExactly(twiceAWeek);
        assertThat(find(server.http(), setup, "&day=3")).containsExactly(twiceAWeek);
        assertThat(find(server.http(), setup, "&day=6")).isEmpty();
    }

    @Test
    void dayFollowsAScheduleChange() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{\"schedule\": {\"rrule\": \"FREQ=WEEKLY;BYDAY=MO\", "
            + "\"start_date\": \"2026-04-06\", \"start_time\": \"18:00\"}}");
        HttpResult moved = setup.coordinator().http().patch("/v1/groups/" + id,
            "{\"schedule\": {\"rrule\": \"FREQ=WEEKLY;BYDAY=FR\", \"start_date\": \"2026-04-10\"}}");
        assertThat(moved.status()).isEqualTo(200);

        assertThat(find(server.http(), setup, "&day=1")).isEmpty();
        assertThat(find(server.http(), setup, "&day=5")).containsExactly(id);
    }

    @Test
    void monthlyGroupsAreFoundOnTheirWeekday() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{\"schedule\": {\"rrule\": \"FREQ=MONTHLY;BYDAY=2TU\", "
            + "\"start_date\": \"2026-04-14\", \"start_time\": \"10:00\"}}");

        assertThat(find(server.http(), setup, "&day=2")).containsExactly(id);
        assertThat(find(server.http(), setup, "&day=4")).isEmpty();
    }

    @Test
    void nearFindsGroupsByTheirVenue() {
        Setup setup = fixtures.program();
        String springfield = fixtures.venue(setup.programId(), PET_VENUE);
        String peoria = fixtures.venue(setup.programId(), PLAIN_VENUE);
        String inSpringfield = fixtures.groupId(setup, "{" + IN_PERSON + ", \"venue_id\": \"" + springfield + "\"}");
        String inPeoria = fixtures.groupId(setup, "{\"format\": \"hybrid\", \"venue_id\": \"" + peoria + "\"}");
        fixtures.groupId(setup, "{}");

        assertThat(find(server.http(), setup, "&near=39.78,-89.65&radius_km=5")).containsExactly(inSpringfield);
        assertThat(find(server.http(), setup, "&near=40.69,-89.59&radius_km=5")).containsExactly(inPeoria);
        assertThat(find(server.http(), setup, "&near=39.78,-89.65&radius_km=150")).containsExactly(inSpringfield, inPeoria);
        assertThat(find(server.http(), setup, "&near=41.88,-87.63&radius_km=50")).isEmpty();
    }

    @Test
    void petFriendlyAndAnimalsPresentFilter() {
        Setup setup = fixtures.program();
        String petVenue = fixtures.venue(setup.programId(), PET_VENUE);
        String plainVenue = fixtures.venue(setup.programId(), PLAIN_VENUE);
        String atPetVenue = fixtures.groupId(setup, "{" + IN_PERSON + ", \"venue_id\": \"" + petVenue + "\"}");
        String atPlainVenue = fixtures.groupId(setup, "{" + IN_PERSON + ", \"venue_id\": \"" + plainVenue
            + "\", \"animals_present\": true}");
        String petsOnCamera = fixtures.groupId(setup, "{\"pets_welcome_online\": true, \"animals_present\": true}");
        String noPets = fixtures.groupId(setup, "{}");

        assertThat(find(server.http(), setup, "&pet_friendly=true")).containsExactly(atPetVenue, petsOnCamera);
        assertThat(find(server.http(), setup, "&pet_friendly=false")).containsExactly(atPlainVenue, noPets);
        assertThat(find(server.http(), setup, "&animals_present=true")).containsExactly(atPlainVenue, petsOnCamera);
        assertThat(find(server.http(), setup, "&animals_present=false")).containsExactly(atPetVenue, noPets);
        assertThat(find(server.http(), setup, "&pet_friendly=false&animals_present=false")).containsExactly(noPets);
    }

    @Test
    void changingTheVenuesPetPolicyChangesPetFriendly() {
        Setup setup = fixtures.program();
        String venue = fixtures.venue(setup.programId(), PLAIN_VENUE);
        String id = fixtures.groupId(setup, "{" + IN_PERSON + ", \"venue_id\": \"" + venue + "\"}");
        assertThat(find(server.http(), setup, "&pet_friendly=true")).isEmpty();

        HttpResult patched = server.admin().http().patch("/v1/venues/" + venue,
            "{\"animal_policy\": {\"pets\": {\"species\": [\"cat\"], \"where\": \"indoor\"}}}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        assertThat(find(server.http(), setup, "&pet_friendly=true")).containsExactly(id);
        assertThat(server.http().get("/v1/groups/" + id).json().path("pet_friendly").asBoolean()).isTrue();
    }

    @Test
    void pagesWalkTheWholeDirectory() {
        Setup setup = fixtures.program();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(fixtures.groupId(setup, "{}"));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResult page = server.http().get("/v1/groups?limit=2&program_id=" + setup.programId()
                + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.json().path("has_more").asBoolean() ? page.text("/next_cursor") : null;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void badFiltersAreRefusedWithTheirField() {
        assertThat(fieldErrors(server.http().get("/v1/groups?day=7"))).containsExactly("day out_of_range");
        assertThat(fieldErrors(server.http().get("/v1/groups?day=monday"))).containsExactly("day wrong_type");
        assertThat(fieldErrors(server.http().get("/v1/groups?pet_friendly=yes"))).containsExactly("pet_friendly wrong_type");
        assertThat(fieldErrors(server.http().get("/v1/groups?format=outdoors"))).extracting(e -> e.split(" ")[0])
            .containsExactly("format");
        assertThat(fieldErrors(server.http().get("/v1/groups?radius_km=5"))).containsExactly("radius_km requires");
        assertThat(fieldErrors(server.http().get("/v1/groups?near=91,0"))).containsExactly("near invalid_format");
        assertThat(fieldErrors(server.http().get("/v1/groups?limit=0"))).extracting(e -> e.split(" ")[0])
            .containsExactly("limit");
        assertThat(fieldErrors(server.http().get("/v1/groups?cursor=garbage"))).extracting(e -> e.split(" ")[0])
            .containsExactly("cursor");
    }
}
