package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.venues.VenueFixtures.venue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class ServiceAnimalPolicyTest {
    private static TestServer server;
    private static VenueFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new VenueFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createRefusingServiceAnimalsIsUnprocessableAndCreatesNothing() {
        String program = fixtures.program();
        Session coordinator = fixtures.member(program, "Quiet River", "coordinator");
        for (String refusal : new String[] {"no", "not_allowed", "ask_first", "", "ALWAYS_WELCOME", "always welcome"}) {
            HttpResult refused = coordinator.http().post("/v1/venues",
                venue(program, "{\"animal_policy\": {\"service_animals\": \"" + refusal + "\"}}"));
            assertRefusedBecauseServiceAnimalsAreAlwaysWelcome(refused);
        }
        assertThat(VenueFixtures.ids(server.admin().http().get("/v1/venues?program_id=" + program))).isEmpty();
    }

    @Test
    void adminsCannotRefuseServiceAnimalsEither() {
        HttpResult refused = server.admin().http().post("/v1/venues",
            venue(null, "{\"name\": \"Admin Hall\", \"animal_policy\": {\"service_animals\": \"no\"}}"));
        assertRefusedBecauseServiceAnimalsAreAlwaysWelcome(refused);
        assertThat(VenueFixtures.ids(server.admin().http().get("/v1/venues?q=" + VenueFixtures.encode("Admin Hall"))))
            .isEmpty();
    }

    @Test
    void leavingServiceAnimalsOutMeansAlwaysWelcome() {
        String program = fixtures.program();
        HttpResult created = server.admin().http().post("/v1/venues", venue(program));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/animal_policy/service_animals")).isEqualTo("always_welcome");
        HttpResult withoutPolicy = server.admin().http().post("/v1/venues", venue(program, "{\"animal_policy\": null}"));
        assertThat(withoutPolicy.status()).isEqualTo(201);
        assertThat(withoutPolicy.text("/animal_policy/service_animals")).isEqualTo("always_welcome");
        ObjectNode body = (ObjectNode) JsonText.parse(venue(program));
        ((ObjectNode) body.path("animal_policy")).putNull("service_animals");
        HttpResult explicitNull = server.admin().http().post("/v1/venues", body.toString());
        assertThat(explicitNull.status()).as(explicitNull.toString()).isEqualTo(201);
        assertThat(explicitNull.text("/animal_policy/service_animals")).isEqualTo("always_welcome");
    }

    @Test
    void sayingAlwaysWelcomeIsAccepted() {
        HttpResult created = server.admin().http().post("/v1/venues",
            venue(fixtures.program(), "{\"animal_policy\": {\"service_animals\": \"always_welcome\"}}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/animal_policy/service_animals")).isEqualTo("always_welcome");
    }

    @Test
    void nestedMergePatchRefusingServiceAnimalsIsUnprocessableAndChangesNothing() {
        String program = fixtures.program();
        Session coordinator = fixtures.member(program, "Blue Heron", "coordinator");
        String id = fixtures.create(program, "{}");
        HttpResult before = server.http().get("/v1/venues/" + id);
        HttpResult refused = coordinator.http().patch("/v1/venues/" + id, "{\"animal_policy\":{\"service_animals\":\"no\"}}");
        assertRefusedBecauseServiceAnimalsAreAlwaysWelcome(refused);
        HttpResult after = server.http().get("/v1/venues/" + id);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    }

    @Test
    void patchRefusingServiceAnimalsAlongsideOtherChangesAppliesNoneOfThem() {
        String id = fixtures.create(fixtures.program(), "{}");
        String before = server.http().get("/v1/venues/" + id).body();
        HttpResult refused = server.admin().http().patch("/v1/venues/" + id, """
            {"name": "Renamed Room", "capacity": 99,
             "animal_policy": {"service_animals": "ask_first", "emotional_support_animals": "allowed"}}""");
        assertRefusedBecauseServiceAnimalsAreAlwaysWelcome(refused);
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(before);
    }

    @Test
    void replacingTheWholePolicyStillCannotRefuseServiceAnimals() {
        String id = fixtures.create(fixtures.program(), "{}");
        String before = server.http().get("/v1/venues/" + id).body();
        HttpResult refused = server.admin().http().send("PATCH", "/v1/venues/" + id,
            "{\"animal_policy\": {\"service_animals\": \"not_allowed\", \"pets\": {\"species\": []}}}", "application/json");
        assertRefusedBecauseServiceAnimalsAreAlwaysWelcome(refused);
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(before);
    }

    @Test
    void patchClearingServiceAnimalsLeavesThemAlwaysWelcome() {
        String id = fixtures.create(fixtures.program(), "{}");
        HttpResult changed = server.admin().http().patch("/v1/venues/" + id,
            "{\"animal_policy\": {\"service_animals\": null, \"emotional_support_animals\": \"not_allowed\"}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("/animal_policy/service_animals")).isEqualTo("always_welcome");
        assertThat(changed.text("/animal_policy/emotional_support_animals")).isEqualTo("not_allowed");
    }

    @Test
    void theVenueDecidesAboutEmotionalSupportAnimalsAndPets() {
        String id = fixtures.create(fixtures.program(), "{}");
        HttpResult changed = server.admin().http().patch("/v1/venues/" + id, """
            {"animal_policy": {"emotional_support_animals": "not_allowed", "pets": {"species": []},
                               "verified_at": "2026-02-01T10:00:00Z", "verified_by": "Front desk team"}}""");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        HttpResult read = server.http().get("/v1/venues/" + id);
        assertThat(read.text("/animal_policy/service_animals")).isEqualTo("always_welcome");
        assertThat(read.text("/animal_policy/emotional_support_animals")).isEqualTo("not_allowed");
        assertThat(read.json().at("/animal_policy/pets/species")).isEmpty();
        assertThat(read.text("/animal_policy/verified_at")).isEqualTo("2026-02-01T10:00:00Z");
        assertThat(read.text("/animal_policy/verified_by")).isEqualTo("Front desk team");
    }

    private static void assertRefusedBecauseServiceAnimalsAreAlwaysWelcome(HttpResult refused) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unprocessable");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("/detail")).contains("service_animals", "always_welcome", "service animal",
            "disability");
        assertThat(refused.json().path("errors")).hasSize(1);
        assertThat(refused.text("/errors/0/field")).isEqualTo("animal_policy.service_animals");
        assertThat(refused.text("/errors/0/code")).isEqualTo("service_animals_always_welcome");
        assertThat(refused.json().has("id")).isFalse();
    }
}
