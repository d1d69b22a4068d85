package org.kindred.api.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * Programs, venues, groups and members for the groups, sessions and feeds tests, made over HTTP (roles are
 * granted through the service, as ProgramFixtures does). Every group gets its own conference URL, so a test
 * can assert that a body does not contain it.
 */
public final class GroupFixtures {
    public static final String CHICAGO = "America/Chicago";

    /** A venue with an address, a step-free entrance and pets (dogs) admitted outdoors. */
    public static final String PET_VENUE = """
        {
          "name": "Harbor Room",
          "address": {"line1": "1 Harbor Way", "city": "Springfield", "region": "IL", "postal_code": "62701",
                      "country": "US"},
          "latitude": 39.7817,
          "longitude": -89.6501,
          "timezone": "America/Chicago",
          "spaces": "both",
          "accessibility": {"step_free_entrance": true},
          "animal_policy": {"pets": {"species": ["dog"], "where": "outdoor", "leash_required": true}}
        }""";

    /** A venue that admits no pets and has steps at the door. */
    public static final String PLAIN_VENUE = """
        {
          "name": "Cedar Hall",
          "address": {"line1": "7 Cedar Street", "city": "Peoria", "region": "IL", "country": "US"},
          "latitude": 40.6936,
          "longitude": -89.5890,
          "timezone": "America/Chicago",
          "spaces": "indoor",
          "accessibility": {"step_free_entrance": false}
        }""";

    private final TestServer server;

    public GroupFixtures(TestServer server) {
        this.server = server;
    }

    /** An active program with open enrollment and its coordinator. */
    public record Setup(String programId, Session coordinator) {
    }

    public Setup program() {
        String id = ProgramFixtures.active(server, "open");
        return new Setup(id, person(id, "Quiet River", "coordinator"));
    }

    public Setup draftProgram() {
        String id = ProgramFixtures.draft(server);
        return new Setup(id, person(id, "Still Pond", "coordinator"));
    }

    /** A new user holding the role in the program. */
    public Session person(String programId, String displayName, String role) {
        Session person = server.newUser(displayName);
        ProgramFixtures.grant(server, programId, person, role);
        return person;
    }

    /** Creates a venue as admin for the program (null: of no program) and returns its id. */
    public String venue(String programId, String body) {
        ObjectNode venue = (ObjectNode) JsonText.parse(body);
        if (programId != null) {
            venue.put("program_id", programId);
        }
        HttpResult created = server.admin().http().post("/v1/venues", venue.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/id");
    }

    /** Creates a group as the program's coordinator and returns it. */
    public JsonNode group(Setup setup, String overrides) {
        HttpResult created = setup.coordinator().http().post("/v1/groups", body(setup.programId(), overrides));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    public String groupId(Setup setup, String overrides) {
        return group(setup, overrides).path("id").asText();
    }

    /**
     * A virtual group with open membership, meeting weekly at 18:30 in Chicago from a week from today, with
     * {@code overrides} merged in (RFC 7396: null removes a property).
     */
    public static String body(String programId, String overrides) {
        String token = ProgramFixtures.token();
        return JsonText.merge("""
            {
              "program_id": "%s",
              "name": "Evening Circle %s",
              "description": "A calm hour of peer support",
              "topics": ["anxiety", "peer_support"],
              "languages": ["en"],
              "format": "virtual",
              "conference_url": "https://meet.example.org/%s",
              "conference_notes": "Passcode %s-4821",
              "timezone": "America/Chicago",
              "schedule": {"rrule": "FREQ=WEEKLY", "start_date": "%s", "start_time": "18:30", "duration_minutes": 90}
            }""".formatted(programId, token, token, token, today(CHICAGO).plusWeeks(1)), overrides);
    }

    public static LocalDate today(String zone) {
        return LocalDate.now(ZoneId.of(zone));
    }

    /** A new user with the participant role who joined the open group; returns them signed in. */
    public Session member(String programId, String groupId, String displayName) {
        Session person = person(programId, displayName, "participant");
        join(person, groupId);
        return person;
    }

    /** Joins the group and returns the membership. */
    public static JsonNode join(Session person, String groupId) {
        HttpResult joined = person.http().send("POST", "/v1/groups/" + groupId + "/members", (String) null, null);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        return joined.json();
    }

    /** The group's sessions starting in [from, to) (RFC 3339). */
    public static List<JsonNode> sessions(Http http, String groupId, String from, String to) {
        HttpResult list = http.get("/v1/groups/" + groupId + "/sessions?limit=100&from=" + from + "&to=" + to);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonNode> sessions = new ArrayList<>();
        list.json().path("data").forEach(sessions::add);
        return sessions;
    }

    /** The group's coming sessions (the default window). */
    public static List<JsonNode> comingSessions(Http http, String groupId) {
        HttpResult list = http.get("/v1/groups/" + groupId + "/sessions?limit=100");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonNode> sessions = new ArrayList<>();
        list.json().path("data").forEach(sessions::add);
        return sessions;
    }

    public static List<String> ids(HttpResult list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("data").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** The field errors of a 400 as "field code" pairs. */
    public static List<String> fieldErrors(HttpResult result) {
        return ProgramFixtures.fieldErrors(result);
    }

    public static String fields(Object... namesAndValues) {
        Map<String, Object> fields = ProgramFixtures.fields(namesAndValues);
        return ProgramFixtures.json(fields);
    }

}
