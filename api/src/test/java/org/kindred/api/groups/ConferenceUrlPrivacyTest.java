package org.kindred.api.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures.Setup;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** How to join a group online reaches its members, facilitators and coordinators, and nobody else, anywhere. */
class ConferenceUrlPrivacyTest {
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

    private record Hybrid(Setup setup, Session facilitator, JsonNode group, String sessionId) {
        String id() {
            return group.path("id").asText();
        }

        String url() {
            return group.path("conference_url").asText();
        }

        String notes() {
            return group.path("conference_notes").asText();
        }
    }

    private static Hybrid hybrid(String overrides) {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PET_VENUE);
        JsonNode group = fixtures.group(setup, JsonText.merge("{\"format\": \"hybrid\", \"venue_id\": \"" + venue
            + "\", \"membership_policy\": \"approval\", \"facilitator_ids\": [\"" + facilitator.userId() + "\"]}", overrides));
        String session = GroupFixtures.comingSessions(server.http(), group.path("id").asText()).get(0).path("id").asText();
        return new Hybrid(setup, facilitator, group, session);
    }

    /** Every response about the group a caller can ask for, by what was asked; the calendar with its lines unfolded. */
    private static Map<String, String> everything(Http viewer, Hybrid hybrid) {
        Map<String, String> bodies = new LinkedHashMap<>();
        String name = ProgramFixtures.encode(hybrid.group().path("name").asText());
        for (String path : List.of("/v1/groups?limit=100", "/v1/groups?limit=100&q=" + name,
            "/v1/groups?limit=100&program_id=" + hybrid.setup().programId(), "/v1/groups/" + hybrid.id(),
            "/v1/groups/" + hybrid.id() + "/sessions", "/v1/sessions/" + hybrid.sessionId(),
            "/v1/groups/" + hybrid.id() + "/members", "/v1/sessions/" + hybrid.sessionId() + "/rsvps",
            "/v1/sessions/" + hybrid.sessionId() + "/attendance", "/v1/feeds/meeting-guide.json")) {
            bodies.put(path, viewer.get(path).body());
        }
        HttpResult calendar = viewer.get("/v1/groups/" + hybrid.id() + "/calendar.ics");
        assertThat(calendar.status()).isEqualTo(200);
        bodies.put("calendar", calendar.body());
        bodies.put("calendar unfolded", calendar.body().replace("\r\n ", "").replace("\r\n\t", ""));
        return bodies;
    }

    private static List<Http> outsiders(Hybrid hybrid) {
        Session pending = fixtures.person(hybrid.setup().programId(), "Waiting Lark", "participant");
        GroupFixtures.join(pending, hybrid.id());
        return List.of(server.http(), server.newUser("Curious Wren").http(),
            fixtures.person(hybrid.setup().programId(), "Green Fern", "participant").http(), pending.http(),
            fixtures.person(hybrid.setup().programId(), "Far Hill", "mentor").http(),
            fixtures.program().coordinator().http());
    }

    @Test
    void noAnonymousOrNonMemberResponseCarriesTheConferenceUrlOrNotes() {
        Hybrid hybrid = hybrid("{}");

        for (Http outsider : outsiders(hybrid)) {
            everything(outsider, hybrid).forEach((what, body) ->
                assertThat(body).as(what).doesNotContain(hybrid.url()).doesNotContain(hybrid.notes()));
        }
    }

    @Test
    void publishingToTheFeedPutsTheUrlInTheFeedOnly() {
        Hybrid hybrid = hybrid("{\"publish_conference_url\": true}");

        for (Http outsider : outsiders(hybrid)) {
            Map<String, String> bodies = everything(outsider, hybrid);
            assertThat(bodies.remove("/v1/feeds/meeting-guide.json")).contains(hybrid.url())
                .as("the notes (a passcode, say) stay with members").doesNotContain(hybrid.notes());
            bodies.forEach((what, body) -> assertThat(body).as(what).doesNotContain(hybrid.url())
                .doesNotContain(hybrid.notes()));
        }
    }

    @Test
    void membersFacilitatorsAndCoordinatorsGetItEverywhereTheyAreAllowedToLook() {
        Hybrid hybrid = hybrid("{}");
        Session member = fixtures.person(hybrid.setup().programId(), "Red Kite", "participant");
        String membership = GroupFixtures.join(member, hybrid.id()).path("id").asText();
        hybrid.facilitator().http().send("POST", "/v1/groups/" + hybrid.id() + "/members/" + membership + "/approve",
            (String) null, null);

        for (Session insider : List.of(member, hybrid.facilitator(), hybrid.setup().coordinator(), server.admin())) {
            Map<String, String> bodies = everything(insider.http(), hybrid);
            for (String what : List.of("/v1/groups/" + hybrid.id(), "/v1/groups?limit=100&program_id="
                + hybrid.setup().programId(), "calendar unfolded")) {
                assertThat(bodies.get(what)).as(what).contains(hybrid.url());
            }
            assertThat(bodies.get("/v1/feeds/meeting-guide.json")).doesNotContain(hybrid.url());
        }
    }

    @Test
    void leavingTheGroupTakesTheLinkAway() {
        Hybrid hybrid = hybrid("{\"membership_policy\": \"open\"}");
        Session member = fixtures.person(hybrid.setup().programId(), "Red Kite", "participant");
        String membership = GroupFixtures.join(member, hybrid.id()).path("id").asText();
        assertThat(member.http().get("/v1/groups/" + hybrid.id()).body()).contains(hybrid.url());

        assertThat(member.http().delete("/v1/groups/" + hybrid.id() + "/members/" + membership).status()).isEqualTo(204);

        List<String> leaks = new ArrayList<>();
        everything(member.http(), hybrid).forEach((what, body) -> {
            if (body.contains(hybrid.url())) {
                leaks.add(what);
            }
        });
        assertThat(leaks).isEmpty();
    }
}
