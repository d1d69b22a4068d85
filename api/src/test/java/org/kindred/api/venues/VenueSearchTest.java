package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.venues.VenueFixtures.encode;
import static org.kindred.api.venues.VenueFixtures.ids;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.TestServer;

class VenueSearchTest {
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
    void textSearchIgnoresDiacriticsInEitherDirection() {
        String program = fixtures.program();
        String cafe = fixtures.create(program, "{\"name\": \"Café Lumière\", \"description\": null}");
        String plain = fixtures.create(program, "{\"name\": \"Cafe Corner\", \"description\": null}");
        fixtures.create(program, "{\"name\": \"Tea House\", \"description\": null}");
        assertThat(search(program, "q=cafe")).containsExactlyInAnyOrder(cafe, plain);
        assertThat(search(program, "q=" + encode("café"))).containsExactlyInAnyOrder(cafe, plain);
        assertThat(search(program, "q=CAFE%20LUMIERE")).containsExactly(cafe);
        assertThat(search(program, "q=caf")).containsExactlyInAnyOrder(cafe, plain);
        assertThat(search(program, "q=" + encode("cafe\u0301 lumie\u0300re"))).containsExactly(cafe);
        String decomposed = fixtures.create(program, "{\"name\": \"E\u0301toile Hall\", \"description\": null}");
        assertThat(search(program, "q=etoile")).containsExactly(decomposed);
        assertThat(search(program, "q=" + encode("\u00e9toile"))).containsExactly(decomposed);
    }

    @Test
    void textSearchTakesTheLastWordAsAPrefixAndNeedsEveryWord() {
        String program = fixtures.program();
        String garden = fixtures.create(program, "{\"name\": \"Quiet Garden Room\", \"description\": null}");
        String library = fixtures.create(program, "{\"name\": \"Quiet Library\", \"description\": null}");
        assertThat(search(program, "q=quiet")).containsExactlyInAnyOrder(garden, library);
        assertThat(search(program, "q=qui")).containsExactlyInAnyOrder(garden, library);
        assertThat(search(program, "q=quiet%20gard")).containsExactly(garden);
        assertThat(search(program, "q=gard%20quiet")).isEmpty();
        assertThat(search(program, "q=quiet%20garden%20library")).isEmpty();
        assertThat(search(program, "q=garden%20quiet")).containsExactly(garden);
    }

    @Test
    void textSearchLooksAtNameDescriptionAndCityButNotTheStreet() {
        String program = fixtures.program();
        String byName = fixtures.create(program, "{\"name\": \"Willowbrook Hall\", \"description\": null}");
        String byDescription = fixtures.create(program,
            "{\"name\": \"Hall Two\", \"description\": \"Beside the willowbrook stream\"}");
        String byCity = fixtures.create(program, "{\"name\": \"Hall Three\", \"description\": null,"
            + " \"address\": {\"city\": \"Willowbrook\"}}");
        fixtures.create(program, "{\"name\": \"Hall Four\", \"description\": null,"
            + " \"address\": {\"line1\": \"5 Willowbrook Road\"}}");
        assertThat(search(program, "q=willowbrook")).containsExactlyInAnyOrder(byName, byDescription, byCity);
        assertThat(search(program, "q=" + encode("Zürich"))).isEmpty();
        String zurich = fixtures.create(program, "{\"name\": \"Hall Five\", \"description\": null,"
            + " \"address\": {\"city\": \"Zürich\", \"country\": \"CH\"}}");
        assertThat(search(program, "q=zurich")).containsExactly(zurich);
    }

    @Test
    void textSearchFollowsRenames() {
        String program = fixtures.program();
        String id = fixtures.create(program, "{\"name\": \"Marigold Room\", \"description\": null}");
        server.admin().http().patch("/v1/venues/" + id, "{\"name\": \"Juniper Room\"}");
        assertThat(search(program, "q=marigold")).isEmpty();
        assertThat(search(program, "q=juniper")).containsExactly(id);
    }

    @Test
    void textSearchTreatsQueryOperatorsAsWords() {
        String program = fixtures.program();
        String id = fixtures.create(program, "{\"name\": \"North Star Hall\", \"description\": null}");
        for (String q : new String[] {"north OR nothing", "\"north", "north*", "NEAR(north star)", "star:hall",
            "north -star", "(north"}) {
            HttpResult result = server.http().get("/v1/venues?program_id=" + program + "&q=" + encode(q));
            assertThat(result.status()).as(q + ": " + result).isEqualTo(200);
        }
        assertThat(search(program, "q=" + encode("\"north"))).containsExactly(id);
        assertThat(search(program, "q=" + encode("north OR nothing"))).isEmpty();
        assertThat(search(program, "q=" + encode("!!! ..."))).isEmpty();
    }

    @Test
    void textOfOnlySymbolsOutsideAsciiMatchesNothing() {
        String program = fixtures.program();
        String id = fixtures.create(program, "{\"name\": \"Ember Hall\", \"description\": null}");
        for (String q : new String[] {"\u2014", "\u00ab\u00bb", "\u20ac", "ember \u2014", "\u2014 ember", "\u3002"}) {
            HttpResult result = server.http().get("/v1/venues?program_id=" + program + "&q=" + encode(q));
            assertThat(result.status()).as(q + ": " + result).isEqualTo(200);
        }
        assertThat(search(program, "q=" + encode("\u2014"))).isEmpty();
        assertThat(search(program, "q=" + encode("\u2014 ember"))).containsExactly(id);
    }

    @Test
    void blankOrOverlongTextIsRefused() {
        assertFieldError(server.http().get("/v1/venues?q=%20%20"), "q", "out_of_range");
        assertFieldError(server.http().get("/v1/venues?q=" + "a".repeat(201)), "q", "out_of_range");
    }

    @Test
    void speciesFindsVenuesThatAdmitThatKindOfPet() {
        String program = fixtures.program();
        String dogs = fixtures.create(program, pets("[\"dog\"]"));
        String cats = fixtures.create(program, pets("[\"cat\"]"));
        String both = fixtures.create(program, pets("[\"dog\", \"cat\"]"));
        String other = fixtures.create(program, pets("[\"other\"]"));
        String none = fixtures.create(program, pets("[]"));
        assertThat(search(program, "species=dog")).containsExactlyInAnyOrder(dogs, both);
        assertThat(search(program, "species=cat")).containsExactlyInAnyOrder(cats, both);
        assertThat(search(program, "species=other")).containsExactly(other);
        assertThat(search(program, "")).contains(none);
    }

    @Test
    void esaAllowedMeansAllowedOutright() {
        String program = fixtures.program();
        String allowed = fixtures.create(program, esa("allowed"));
        String notAllowed = fixtures.create(program, esa("not_allowed"));
        String askFirst = fixtures.create(program, esa("ask_first"));
        assertThat(search(program, "esa_allowed=true")).containsExactly(allowed);
        assertThat(search(program, "esa_allowed=false")).containsExactlyInAnyOrder(notAllowed, askFirst);
    }

    @Test
    void accessibilityAndAnimalFreeRoomFilters() {
        String program = fixtures.program();
        String stepFree = fixtures.create(program, "{\"accessibility\": {\"step_free_entrance\": true},"
            + " \"animal_policy\": {\"animal_free_room\": false}}");
        String steps = fixtures.create(program, "{\"accessibility\": {\"step_free_entrance\": false},"
            + " \"animal_policy\": {\"animal_free_room\": true}}");
        assertThat(search(program, "step_free=true")).containsExactly(stepFree);
        assertThat(search(program, "step_free=false")).containsExactly(steps);
        assertThat(search(program, "animal_free_room=true")).containsExactly(steps);
        assertThat(search(program, "animal_free_room=false")).containsExactly(stepFree);
        assertThat(search(program, "step_free=true&animal_free_room=true")).isEmpty();
    }

    @Test
    void minCapacityLeavesOutSmallerAndUnknownCapacities() {
        String program = fixtures.program();
        fixtures.create(program, "{\"capacity\": 10}");
        String twenty = fixtures.create(program, "{\"capacity\": 20}");
        String hundred = fixtures.create(program, "{\"capacity\": 100}");
        fixtures.create(program, "{\"capacity\": null}");
        assertThat(search(program, "min_capacity=20")).containsExactlyInAnyOrder(twenty, hundred);
        assertThat(search(program, "min_capacity=21")).containsExactly(hundred);
    }

    @Test
    void indoorAndOutdoorAlsoMatchVenuesWithBoth() {
        String program = fixtures.program();
        String indoor = fixtures.create(program, "{\"spaces\": \"indoor\"}");
        String outdoor = fixtures.create(program, "{\"spaces\": \"outdoor\"}");
        String both = fixtures.create(program, "{\"spaces\": \"both\"}");
        assertThat(search(program, "space=indoor")).containsExactlyInAnyOrder(indoor, both);
        assertThat(search(program, "space=outdoor")).containsExactlyInAnyOrder(outdoor, both);
        assertThat(search(program, "space=both")).containsExactly(both);
    }

    @Test
    void countryAndProgramFilters() {
        String program = fixtures.program();
        String other = fixtures.program();
        String us = fixtures.create(program, "{}");
        String de = fixtures.create(program, "{\"address\": {\"country\": \"DE\", \"city\": \"Berlin\"},"
            + " \"timezone\": \"Europe/Berlin\"}");
        String otherDe = fixtures.create(other, "{\"address\": {\"country\": \"DE\"}}");
        assertThat(search(program, "country=DE")).containsExactly(de);
        assertThat(search(program, "country=US")).containsExactly(us);
        assertThat(search(other, "")).containsExactly(otherDe);
        assertThat(ids(server.http().get("/v1/venues?country=DE&limit=100"))).contains(de, otherDe).doesNotContain(us);
    }

    @Test
    void everyFilterCombinesWithEveryOther() {
        String program = fixtures.program();
        String cedarBarn = """
            {"name": "Cedar Barn", "spaces": "both", "capacity": 40, "address": {"country": "CA", "city": "Halifax"},
             "timezone": "America/Halifax", "latitude": 44.6488, "longitude": -63.5752,
             "accessibility": {"step_free_entrance": true},
             "animal_policy": {"emotional_support_animals": "allowed", "animal_free_room": true,
                               "pets": {"species": ["cat"], "where": "indoor"}}}""";
        String match = fixtures.create(program, cedarBarn);
        String[] nearMisses = {
            "{\"name\": \"Pine Barn\"}",
            "{\"spaces\": \"outdoor\"}",
            "{\"capacity\": 39}",
            "{\"address\": {\"country\": \"US\"}}",
            "{\"latitude\": 45.6488}",
            "{\"accessibility\": {\"step_free_entrance\": false}}",
            "{\"animal_policy\": {\"emotional_support_animals\": \"ask_first\"}}",
            "{\"animal_policy\": {\"animal_free_room\": false}}",
            "{\"animal_policy\": {\"pets\": {\"species\": [\"dog\"]}}}",
            "{\"status\": \"closed\"}"};
        for (String nearMiss : nearMisses) {
            fixtures.create(program, JsonText.merge(cedarBarn, nearMiss));
        }
        String query = "q=cedar&species=cat&esa_allowed=true&step_free=true&animal_free_room=true&min_capacity=40"
            + "&space=indoor&country=CA&status=active&near=44.6488,-63.5752&radius_km=50";
        HttpResult found = server.admin().http().get("/v1/venues?program_id=" + program + "&" + query);
        assertThat(ids(found)).containsExactly(match);
        assertThat(found.json().at("/data/0/distance_km").asDouble()).isEqualTo(0.0);
        assertThat(ids(server.admin().http().get("/v1/venues?limit=100&program_id=" + program)))
            .hasSize(1 + nearMisses.length);
    }

    @Test
    void badFilterValuesAreFieldErrors() {
        assertFieldError(server.http().get("/v1/venues?species=fish"), "species", "invalid_value");
        assertFieldError(server.http().get("/v1/venues?esa_allowed=yes"), "esa_allowed", "wrong_type");
        assertFieldError(server.http().get("/v1/venues?step_free=1"), "step_free", "wrong_type");
        assertFieldError(server.http().get("/v1/venues?animal_free_room=TRUE"), "animal_free_room", "wrong_type");
        assertFieldError(server.http().get("/v1/venues?min_capacity=0"), "min_capacity", "out_of_range");
        assertFieldError(server.http().get("/v1/venues?min_capacity=many"), "min_capacity", "wrong_type");
        assertFieldError(server.http().get("/v1/venues?space=roof"), "space", "invalid_value");
        assertFieldError(server.http().get("/v1/venues?country=us"), "country", "invalid_value");
        assertFieldError(server.http().get("/v1/venues?status=open"), "status", "invalid_value");
        assertFieldError(server.http().get("/v1/venues?limit=101"), "limit", "out_of_range");
        assertFieldError(server.http().get("/v1/venues?cursor=bm9wZQ"), "cursor", "invalid_cursor");
        assertFieldError(server.http().get("/v1/venues?pets=dog"), "pets", "unknown_parameter");
        assertFieldError(server.http().get("/v1/venues?species=dog&species=cat"), "species", "repeated_parameter");
    }

    @Test
    void anonymousSearchWithAnInvalidTokenIsUnauthorizedNotAnonymous() {
        HttpResult refused = server.http().bearer("not-a-token").get("/v1/venues");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().has("data")).isFalse();
    }

    private static List<String> search(String program, String query) {
        return ids(server.http().get("/v1/venues?limit=100&program_id=" + program + (query.isEmpty() ? "" : "&" + query)));
    }

    private static String pets(String species) {
        return "{\"animal_policy\": {\"pets\": {\"species\": " + species + "}}}";
    }

    private static String esa(String policy) {
        return "{\"animal_policy\": {\"emotional_support_animals\": \"" + policy + "\"}}";
    }

    static void assertFieldError(HttpResult refused, String field, String code) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.text("/errors/0/field")).isEqualTo(field);
        assertThat(refused.text("/errors/0/code")).isEqualTo(code);
        assertThat(refused.json().has("data")).isFalse();
    }
}
