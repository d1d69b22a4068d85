package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.venues.VenueFixtures.venue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class VenueCrudTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private static TestServer server;
    private static VenueFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV, CLOCK);
        fixtures = new VenueFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void coordinatorCreatesAVenueForTheirProgram() {
        String program = fixtures.program();
        Session coordinator = fixtures.member(program, "Quiet River", "coordinator");
        HttpResult created = coordinator.http().post("/v1/venues", venue(program));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.path("id").asText();
        assertThat(id).startsWith("ven_");
        assertThat(created.header("Location")).isEqualTo("/v1/venues/" + id);
        assertThat(body.path("program_id").asText()).isEqualTo(program);
        assertThat(body.path("name").asText()).isEqualTo("Harbor Room");
        assertThat(body.path("address").path("line2").asText()).isEqualTo("Unit 2");
        assertThat(body.path("latitude").asDouble()).isEqualTo(39.7817);
        assertThat(body.path("longitude").asDouble()).isEqualTo(-89.6501);
        assertThat(body.path("capacity").asInt()).isEqualTo(20);
        assertThat(body.path("status").asText()).isEqualTo("active");
        assertThat(body.path("accessibility").path("step_free_entrance").asBoolean()).isTrue();
        assertThat(body.path("accessibility").path("hearing_loop").isBoolean()).isTrue();
        assertThat(body.path("accessibility").path("hearing_loop").asBoolean()).isFalse();
        assertThat(body.path("animal_policy").path("service_animals").asText()).isEqualTo("always_welcome");
        assertThat(body.path("animal_policy").path("pets").path("species").toString()).isEqualTo("[\"dog\",\"cat\"]");
        assertThat(body.path("distance_km").isNull()).isTrue();
        assertThat(body.path("created_at").asText()).isEqualTo(body.path("updated_at").asText());

        HttpResult read = server.http().get("/v1/venues/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);
        assertThat(read.header("ETag")).isNotBlank();
    }

    @Test
    void adminCreatesAVenueOfNoProgram() {
        HttpResult created = server.admin().http().post("/v1/venues", venue(null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("program_id").isNull()).isTrue();
        assertThat(server.http().get("/v1/venues/" + created.text("/id")).json()).isEqualTo(created.json());
    }

    @Test
    void leftOutPartsGetTheirDefaults() {
        String program = fixtures.program();
        HttpResult created = server.admin().http().post("/v1/venues", """
            {"program_id": "%s", "name": "Bare Hall", "address": {"line1": "2 Elm Row", "city": "Leeds", "country": "GB"},
             "latitude": 53.8, "longitude": -1.55, "timezone": "Europe/London", "spaces": "both"}""".formatted(program));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("status").asText()).isEqualTo("active");
        assertThat(body.path("capacity").isNull()).isTrue();
        assertThat(body.path("contact").isNull()).isTrue();
        assertThat(body.path("accessibility").toString()).isEqualTo(
            "{\"step_free_entrance\":false,\"accessible_restroom\":false,\"accessible_parking\":false,\"hearing_loop\":false}");
        JsonNode policy = body.path("animal_policy");
        assertThat(policy.path("service_animals").asText()).isEqualTo("always_welcome");
        assertThat(policy.path("emotional_support_animals").asText()).isEqualTo("ask_first");
        assertThat(policy.path("pets").path("species")).isEmpty();
        assertThat(policy.path("animal_free_room").asBoolean(true)).isFalse();
    }

    @Test
    void createRefusesMissingAndOutOfRangeFieldsAndCreatesNothing() {
        String program = fixtures.program();
        HttpResult refused = server.admin().http().post("/v1/venues",
            venue(program, "{\"name\": null, \"latitude\": 90.5, \"longitude\": -181, \"timezone\": \"GMT+2\","
                + " \"capacity\": 0, \"address\": {\"country\": \"XX\"}}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
            "name", "latitude", "longitude", "timezone", "capacity", "address.country");
        assertThat(server.admin().http().get("/v1/venues?program_id=" + program).json().path("data")).isEmpty();
    }

    @Test
    void petsAdmittedWithoutSayingWhereIsRefused() {
        String program = fixtures.program();
        HttpResult refused = server.admin().http().post("/v1/venues",
            venue(program, "{\"animal_policy\": {\"pets\": {\"where\": null}}}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("animal_policy.pets.where");
        assertThat(refused.text("/errors/0/code")).isEqualTo("required");
    }

    @Test
    void petFeeAndVerificationRoundTrip() {
        String program = fixtures.program();
        HttpResult created = server.admin().http().post("/v1/venues", venue(program, """
            {"animal_policy": {"pets": {"fee": {"amount": 5.5, "currency": "EUR", "per": "visit"},
                                        "water_available": true, "relief_area": false},
                               "verified_at": "2026-02-01T10:00:00Z", "verified_by": "Front desk team"}}"""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode policy = server.http().get("/v1/venues/" + created.text("/id")).json().path("animal_policy");
        assertThat(policy.at("/pets/fee/amount").decimalValue()).isEqualByComparingTo("5.5");
        assertThat(policy.at("/pets/fee/currency").asText()).isEqualTo("EUR");
        assertThat(policy.at("/pets/fee/per").asText()).isEqualTo("visit");
        assertThat(policy.at("/pets/water_available").asBoolean()).isTrue();
        assertThat(policy.at("/pets/relief_area").asBoolean(true)).isFalse();
        assertThat(policy.path("verified_at").asText()).isEqualTo("2026-02-01T10:00:00Z");
        assertThat(policy.path("verified_by").asText()).isEqualTo("Front desk team");
    }

    @Test
    void badPetFeesAreFieldErrors() {
        String program = fixtures.program();
        HttpResult refused = server.admin().http().post("/v1/venues", venue(program,
            "{\"animal_policy\": {\"pets\": {\"fee\": {\"amount\": 1.005, \"currency\": \"eur\", \"per\": \"visit\"}}}}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
            "animal_policy.pets.fee.amount", "animal_policy.pets.fee.currency");
        HttpResult noCurrency = server.admin().http().post("/v1/venues", venue(program,
            "{\"animal_policy\": {\"pets\": {\"fee\": {\"amount\": 2, \"per\": \"day\"}}}}"));
        assertThat(noCurrency.status()).isEqualTo(400);
        assertThat(noCurrency.text("/errors/0/field")).isEqualTo("animal_policy.pets.fee.currency");
        assertThat(noCurrency.text("/errors/0/code")).isEqualTo("required");
        assertThat(server.admin().http().get("/v1/venues?program_id=" + program).json().path("data")).isEmpty();
    }

    @Test
    void createRefusesUnknownProperties() {
        String program = fixtures.program();
        HttpResult refused = server.admin().http().post("/v1/venues",
            venue(program, "{\"accessibility\": {\"ramp\": true}}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("accessibility.ramp");
        assertThat(refused.text("/errors/0/code")).isEqualTo("unknown_property");
        assertThat(server.admin().http().get("/v1/venues?program_id=" + program).json().path("data")).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyReplaysTheCreateInsteadOfAddingASecondVenue() {
        String program = fixtures.program();
        String body = venue(program);
        HttpResult first = server.admin().http().header("Idempotency-Key", "venue-" + program).post("/v1/venues", body);
        HttpResult again = server.admin().http().header("Idempotency-Key", "venue-" + program).post("/v1/venues", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(VenueFixtures.ids(server.admin().http().get("/v1/venues?program_id=" + program)))
            .containsExactly(first.text("/id"));
    }

    @Test
    void getAnswersNotModifiedForTheCurrentETag() {
        String id = fixtures.create(fixtures.program(), "{}");
        String etag = server.http().get("/v1/venues/" + id).header("ETag");
        HttpResult unchanged = server.http().header("If-None-Match", etag).get("/v1/venues/" + id);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void unknownVenueIsNotFound() {
        HttpResult missing = server.http().get("/v1/venues/ven_01JD4Z8Q6K2V9X1M3N5P7R9T0W");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("not_found");
    }

    @Test
    void patchNullClearsAddressLine2AndKeepsTheRestOfTheAddress() {
        String program = fixtures.program();
        Session coordinator = fixtures.member(program, "Still Pond", "coordinator");
        String id = fixtures.create(program, "{}");
        HttpResult changed = coordinator.http().patch("/v1/venues/" + id, "{\"address\": {\"line2\": null}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode address = server.http().get("/v1/venues/" + id).json().path("address");
        assertThat(address.path("line2").isNull()).isTrue();
        assertThat(address.path("line1").asText()).isEqualTo("1 Harbor Way");
        assertThat(address.path("city").asText()).isEqualTo("Springfield");
        assertThat(address.path("region").asText()).isEqualTo("IL");
        assertThat(address.path("postal_code").asText()).isEqualTo("62701");
        assertThat(address.path("country").asText()).isEqualTo("US");
    }

    @Test
    void patchReplacesThePetSpeciesListAndKeepsTheOtherPetTerms() {
        String program = fixtures.program();
        String id = fixtures.create(program, "{}");
        HttpResult changed = server.admin().http().patch("/v1/venues/" + id,
            "{\"animal_policy\": {\"pets\": {\"species\": [\"other\"]}}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode policy = server.http().get("/v1/venues/" + id).json().path("animal_policy");
        assertThat(policy.path("pets").path("species").toString()).isEqualTo("[\"other\"]");
        assertThat(policy.path("pets").path("where").asText()).isEqualTo("outdoor");
        assertThat(policy.path("pets").path("max_weight_kg").asDouble()).isEqualTo(25);
        assertThat(policy.path("pets").path("leash_required").asBoolean()).isTrue();
        assertThat(policy.path("emotional_support_animals").asText()).isEqualTo("ask_first");
        assertThat(policy.path("allergy_notes").asText()).isEqualTo("Cats visit on Tuesdays.");
        assertThat(policy.path("service_animals").asText()).isEqualTo("always_welcome");
        assertThat(VenueFixtures.ids(server.http().get("/v1/venues?program_id=" + program + "&species=dog"))).isEmpty();
        assertThat(VenueFixtures.ids(server.http().get("/v1/venues?program_id=" + program + "&species=other")))
            .containsExactly(id);
    }

    @Test
    void patchUpdatesAccessibilityPartially() {
        String program = fixtures.program();
        String id = fixtures.create(program, "{}");
        HttpResult changed = server.admin().http().patch("/v1/venues/" + id,
            "{\"accessibility\": {\"hearing_loop\": true, \"accessible_restroom\": false}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(server.http().get("/v1/venues/" + id).json().path("accessibility").toString()).isEqualTo(
            "{\"step_free_entrance\":true,\"accessible_restroom\":false,\"accessible_parking\":false,\"hearing_loop\":true}");
    }

    @Test
    void patchChangesOnlyWhatItNamesAndMovesUpdatedAt() {
        String program = fixtures.program();
        HttpResult created = server.admin().http().post("/v1/venues", venue(program));
        String id = created.text("/id");
        CLOCK.advance(Duration.ofMinutes(5));
        HttpResult changed = server.admin().http().patch("/v1/venues/" + id, "{\"capacity\": 45, \"description\": null}");
        assertThat(changed.status()).isEqualTo(200);
        JsonNode expected = created.json().deepCopy();
        ((ObjectNode) expected).put("capacity", 45).putNull("description")
            .put("updated_at", changed.text("/updated_at"));
        assertThat(changed.json()).isEqualTo(expected);
        assertThat(Instant.parse(changed.text("/updated_at")))
            .isEqualTo(Instant.parse(created.text("/created_at")).plus(Duration.ofMinutes(5)));
        HttpResult read = server.http().get("/v1/venues/" + id);
        assertThat(read.json()).isEqualTo(changed.json());
        assertThat(read.header("ETag")).isEqualTo(changed.header("ETag"));
    }

    @Test
    void patchAcceptsPlainJsonAsWellAsMergePatch() {
        String id = fixtures.create(fixtures.program(), "{}");
        HttpResult changed = server.admin().http().send("PATCH", "/v1/venues/" + id, "{\"name\": \"Harbor Loft\"}",
            "application/json");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(server.http().get("/v1/venues/" + id).text("/name")).isEqualTo("Harbor Loft");
    }

    @Test
    void patchRefusesClearingARequiredPartAndChangesNothing() {
        String id = fixtures.create(fixtures.program(), "{}");
        String before = server.http().get("/v1/venues/" + id).body();
        HttpResult refused = server.admin().http().patch("/v1/venues/" + id, "{\"address\": null, \"latitude\": 95, \"status\": null}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field"))
            .containsExactlyInAnyOrder("address", "latitude", "status");
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(before);
    }

    @Test
    void patchRefusesUnknownPropertiesAndChangesNothing() {
        String id = fixtures.create(fixtures.program(), "{}");
        String before = server.http().get("/v1/venues/" + id).body();
        HttpResult refused = server.admin().http().patch("/v1/venues/" + id,
            "{\"name\": \"Renamed\", \"animal_policy\": {\"pets\": {\"birds\": true}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("animal_policy.pets.birds");
        assertThat(refused.text("/errors/0/code")).isEqualTo("unknown_property");
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(before);
    }

    @Test
    void patchWithAStaleETagIsPreconditionFailedAndChangesNothing() {
        String id = fixtures.create(fixtures.program(), "{}");
        String stale = server.http().get("/v1/venues/" + id).header("ETag");
        CLOCK.advance(Duration.ofSeconds(1));
        server.admin().http().patch("/v1/venues/" + id, "{\"name\": \"Harbor Studio\"}");
        String current = server.http().get("/v1/venues/" + id).body();
        HttpResult refused = server.admin().http().header("If-Match", stale)
            .patch("/v1/venues/" + id, "{\"name\": \"Harbor Cellar\"}");
        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.code()).isEqualTo("precondition_failed");
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(current);
    }

    @Test
    void patchWithTheCurrentETagSucceeds() {
        String id = fixtures.create(fixtures.program(), "{}");
        String etag = server.http().get("/v1/venues/" + id).header("ETag");
        HttpResult changed = server.admin().http().header("If-Match", etag)
            .patch("/v1/venues/" + id, "{\"name\": \"Harbor Gallery\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("/name")).isEqualTo("Harbor Gallery");
    }

    @Test
    void deleteWithAStaleETagIsPreconditionFailedAndKeepsTheVenue() {
        String id = fixtures.create(fixtures.program(), "{}");
        String stale = server.http().get("/v1/venues/" + id).header("ETag");
        CLOCK.advance(Duration.ofSeconds(1));
        server.admin().http().patch("/v1/venues/" + id, "{\"capacity\": 12}");
        HttpResult refused = server.admin().http().header("If-Match", stale).delete("/v1/venues/" + id);
        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.code()).isEqualTo("precondition_failed");
        assertThat(server.http().get("/v1/venues/" + id).status()).isEqualTo(200);
    }

    @Test
    void deletedVenueIsGoneEverywhere() {
        String program = fixtures.program();
        Session coordinator = fixtures.member(program, "Slow Tide", "coordinator");
        String id = fixtures.create(program, "{\"name\": \"Lantern Hall\"}");
        String etag = server.http().get("/v1/venues/" + id).header("ETag");
        HttpResult deleted = coordinator.http().header("If-Match", etag).delete("/v1/venues/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(server.http().get("/v1/venues/" + id).status()).isEqualTo(404);
        assertThat(server.admin().http().get("/v1/venues/" + id).status()).isEqualTo(404);
        assertThat(coordinator.http().patch("/v1/venues/" + id, "{\"name\": \"Back Again\"}").status()).isEqualTo(404);
        assertThat(coordinator.http().delete("/v1/venues/" + id).status()).isEqualTo(404);
        assertThat(VenueFixtures.ids(server.admin().http().get("/v1/venues?program_id=" + program))).isEmpty();
        assertThat(VenueFixtures.ids(server.admin().http().get("/v1/venues?q=lantern"))).doesNotContain(id);
        assertThat(VenueFixtures.ids(server.admin().http().get("/v1/venues?near=39.7817,-89.6501&radius_km=1")))
            .doesNotContain(id);
    }
}
