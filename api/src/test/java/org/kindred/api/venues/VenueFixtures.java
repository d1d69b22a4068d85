package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Programs and venues for venue tests, made over HTTP by the server's admin; roles granted as ProgramFixtures does. */
final class VenueFixtures {
    static final String BASE_VENUE = """
        {
          "name": "Harbor Room",
          "description": "A quiet room by the water",
          "address": {"line1": "1 Harbor Way", "line2": "Unit 2", "city": "Springfield", "region": "IL",
                      "postal_code": "62701", "country": "US"},
          "latitude": 39.7817,
          "longitude": -89.6501,
          "timezone": "America/Chicago",
          "capacity": 20,
          "spaces": "indoor",
          "accessibility": {"step_free_entrance": true, "accessible_restroom": true},
          "contact": {"phone": "+1 217 555 0100", "email": "room@example.org", "website": "https://example.org/room"},
          "animal_policy": {
            "emotional_support_animals": "ask_first",
            "pets": {"species": ["dog", "cat"], "where": "outdoor", "leash_required": true, "max_weight_kg": 25},
            "allergy_notes": "Cats visit on Tuesdays.",
            "animal_free_room": true
          }
        }""";

    private final TestServer server;

    VenueFixtures(TestServer server) {
        this.server = server;
    }

    /** A new active program with open enrollment; returns its id. */
    String program() {
        return ProgramFixtures.active(server, "open");
    }

    /** Gives the person a role in the program; returns the membership id. */
    String grant(String programId, Session person, String role) {
        return ProgramFixtures.grant(server, programId, person, role);
    }

    /** A new user holding the role in the program. */
    Session member(String programId, String displayName, String role) {
        Session person = server.newUser(displayName);
        grant(programId, person, role);
        return person;
    }

    /** The base venue for the program with {@code overrides} merged in (RFC 7396: null removes a property). */
    static String venue(String programId, String overrides) {
        ObjectNode body = (ObjectNode) JsonText.parse(BASE_VENUE);
        if (programId != null) {
            body.put("program_id", programId);
        }
        return JsonText.merge(body.toString(), overrides);
    }

    static String venue(String programId) {
        return venue(programId, "{}");
    }

    static String at(double latitude, double longitude) {
        return "{\"latitude\": " + latitude + ", \"longitude\": " + longitude + "}";
    }

    /** Creates the venue as admin and returns its id. */
    String create(String programId, String overrides) {
        HttpResult created = server.admin().http().post("/v1/venues", venue(programId, overrides));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/id");
    }

    String createAt(String programId, double latitude, double longitude) {
        return create(programId, at(latitude, longitude));
    }

    /** Every venue of every page of the list, following next_cursor. */
    static List<JsonNode> allPages(Http http, String pathAndQuery) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            String separator = pathAndQuery.contains("?") ? "&" : "?";
            HttpResult page = http.get(pathAndQuery + (cursor == null ? "" : separator + "cursor=" + encode(cursor)));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("data").forEach(all::add);
            if (!page.json().path("has_more").asBoolean()) {
                assertThat(page.json().path("next_cursor").isNull()).isTrue();
                return all;
            }
            cursor = page.text("/next_cursor");
        }
        throw new AssertionError("the list never ended");
    }

    static List<String> ids(HttpResult list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return ids(list.json().path("data"));
    }

    static List<String> ids(Iterable<JsonNode> venues) {
        List<String> ids = new ArrayList<>();
        venues.forEach(venue -> ids.add(venue.path("id").asText()));
        return ids;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
