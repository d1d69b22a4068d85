package org.kindred.api.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.checkins.CheckinFixtures.checkinId;
import static org.kindred.api.checkins.CheckinFixtures.errors;
import static org.kindred.api.checkins.CheckinFixtures.postEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.checkins.CheckinFixtures.World;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Encouragement on check-ins, hiding it, and the celebrations list of small victories. */
class EncouragementTest {
    private static TestServer server;
    private static CheckinFixtures fixtures;
    private static World world;

    @BeforeAll
    static void start() {
        server = TestServer.start(CheckinFixtures.ENV);
        fixtures = new CheckinFixtures(server);
        world = fixtures.world();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String groupCheckin(String note, List<String> tags) {
        return checkinId(world.owner(), world.program().id(), "note", note, "tags", tags, "visibility", "group",
            "group_id", world.groupId());
    }

    private static HttpResult encourage(Session from, String checkinId, String message) {
        return from.http().post("/v1/checkins/" + checkinId + "/encouragements",
            ProgramFixtures.json(Map.of("message", message)));
    }

    private static String encouragementId(Session from, String checkinId, String message) {
        HttpResult sent = encourage(from, checkinId, message);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        return sent.text("/id");
    }

    /** "message hidden" of each encouragement {@code reader} sees on the check-in. */
    private static List<String> seen(Session reader, String checkinId) {
        HttpResult list = reader.http().get("/v1/checkins/" + checkinId + "/encouragements?limit=100");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> messages = new ArrayList<>();
        list.json().path("data").forEach(e -> messages.add(e.path("message").asText() + " " + e.path("hidden").asBoolean()));
        return messages;
    }

    private static List<JsonNode> celebrations(Session reader) {
        HttpResult list = reader.http().get("/v1/programs/" + world.program().id() + "/celebrations?limit=100");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        list.json().path("data").forEach(items::add);
        return items;
    }

    private static List<String> celebrated(Session reader) {
        return celebrations(reader).stream().map(c -> c.path("checkin_id").asText()).toList();
    }

    @Test
    void anEncouragementHoldsOneToFiveHundredCharacters() {
        String checkin = groupCheckin("Went outside", List.of());

        assertThat(errors(encourage(world.member(), checkin, "x".repeat(501)))).containsExactly("message too_long");
        assertThat(errors(encourage(world.member(), checkin, ""))).containsExactly("message required");
        assertThat(errors(encourage(world.member(), checkin, "   "))).containsExactly("message required");
        HttpResult missing = world.member().http().post("/v1/checkins/" + checkin + "/encouragements", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(errors(missing)).containsExactly("message required");
        assertThat(seen(world.owner(), checkin)).isEmpty();

        HttpResult longest = encourage(world.member(), checkin, "y".repeat(500));

        assertThat(longest.status()).isEqualTo(201);
        assertThat(longest.text("/author_display_name")).isEqualTo("Blue Heron");
        assertThat(longest.json().path("hidden").asBoolean()).isFalse();
        assertThat(seen(world.owner(), checkin)).containsExactly("y".repeat(500) + " false");
    }

    @Test
    void anEncouragementCarriesItsAuthorsDisplayNameOnly() {
        String checkin = groupCheckin("Went outside", List.of());

        HttpResult sent = encourage(world.member(), checkin, "Nice one");

        assertThat(sent.body()).doesNotContain(world.member().userId()).doesNotContain(world.member().email());
        assertThat(world.owner().http().get("/v1/checkins/" + checkin + "/encouragements").body())
            .doesNotContain(world.member().userId()).doesNotContain(world.member().email());
    }

    @Test
    void theAuthorHidesAnEncouragementFromEveryoneElse() {
        String checkin = groupCheckin("Went outside", List.of("small_victory"));
        String unkind = encouragementId(world.member(), checkin, "About time");
        encouragementId(world.facilitator(), checkin, "Well done");

        HttpResult hidden = postEmpty(world.owner(), "/v1/checkins/" + checkin + "/encouragements/" + unkind + "/hide");

        assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
        assertThat(hidden.json().path("hidden").asBoolean()).isTrue();
        assertThat(hidden.text("/id")).isEqualTo(unkind);
        assertThat(seen(world.owner(), checkin)).containsExactly("About time true", "Well done false");
        assertThat(seen(world.member(), checkin)).containsExactly("Well done false");
        assertThat(seen(world.facilitator(), checkin)).containsExactly("Well done false");
        JsonNode celebration = celebrations(world.member()).stream()
            .filter(c -> c.path("checkin_id").asText().equals(checkin)).findFirst().orElseThrow();
        assertThat(celebration.path("encouragements").asInt()).isEqualTo(1);
    }

    @Test
    void nobodyButTheCheckinsAuthorHidesEncouragement() {
        String checkin = groupCheckin("Went outside", List.of());
        String encouragement = encouragementId(world.member(), checkin, "Keep going");
        String hide = "/v1/checkins/" + checkin + "/encouragements/" + encouragement + "/hide";
        Map<String, Integer> refusals = new LinkedHashMap<>();
        refusals.put("its writer", postEmpty(world.member(), hide).status());
        refusals.put("the facilitator", postEmpty(world.facilitator(), hide).status());
        refusals.put("the mentor", postEmpty(world.mentor(), hide).status());
        refusals.put("a peer", postEmpty(world.peer(), hide).status());
        refusals.put("the coordinator", postEmpty(world.program().coordinator(), hide).status());
        refusals.put("an admin", postEmpty(world.admin(), hide).status());
        refusals.put("anonymous", server.http().send("POST", hide, (String) null, null).status());

        assertThat(refusals).containsExactly(Map.entry("its writer", 403), Map.entry("the facilitator", 403),
            Map.entry("the mentor", 404), Map.entry("a peer", 404), Map.entry("the coordinator", 404),
            Map.entry("an admin", 404), Map.entry("anonymous", 401));
        assertThat(seen(world.owner(), checkin)).containsExactly("Keep going false");
        assertThat(seen(world.member(), checkin)).containsExactly("Keep going false");
    }

    @Test
    void anEncouragementIsHiddenOnlyThroughItsOwnCheckin() {
        String checkin = groupCheckin("Went outside", List.of());
        String other = groupCheckin("Cooked dinner", List.of());
        String encouragement = encouragementId(world.member(), other, "Tasty");

        HttpResult wrongCheckin = postEmpty(world.owner(),
            "/v1/checkins/" + checkin + "/encouragements/" + encouragement + "/hide");
        HttpResult unknown = postEmpty(world.owner(),
            "/v1/checkins/" + checkin + "/encouragements/enc_01JD4Z8Q6K2V9X1M3N5P7R9T0W/hide");

        assertThat(wrongCheckin.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(seen(world.member(), other)).containsExactly("Tasty false");
    }

    @Test
    void celebrationsShowGroupSharedSmallVictoriesWithDisplayNamesOnly() {
        String note = "Finally called my brother after two years.";
        String victory = groupCheckin(note, List.of("small_victory", "attended_group"));
        String plain = groupCheckin("Ordinary day", List.of("gratitude"));
        String privateVictory = checkinId(world.owner(), world.program().id(), "tags", List.of("small_victory"));
        String mentorVictory = checkinId(world.owner(), world.program().id(), "tags", List.of("small_victory"),
            "visibility", "mentor");
        encouragementId(world.member(), victory, "So glad!");

        List<JsonNode> seen = celebrations(world.member());

        JsonNode celebration = seen.stream().filter(c -> c.path("checkin_id").asText().equals(victory)).findFirst()
            .orElseThrow();
        assertThat(celebration.path("participant_display_name").asText()).isEqualTo("Green Fern");
        assertThat(celebration.path("group_id").asText()).isEqualTo(world.groupId());
        assertThat(celebration.path("encouragements").asInt()).isEqualTo(1);
        assertThat(celebration.path("tags").toString()).isEqualTo("[\"small_victory\",\"attended_group\"]");
        assertThat(celebrated(world.member())).doesNotContain(plain, privateVictory, mentorVictory);
        assertThat(celebrated(world.mentor())).doesNotContain(victory, mentorVictory, privateVictory);
        String body = world.member().http().get("/v1/programs/" + world.program().id() + "/celebrations?limit=100").body();
        assertThat(body).doesNotContain(world.owner().userId()).doesNotContain(world.owner().email())
            .doesNotContain(note).doesNotContain(world.member().userId());
    }

    @Test
    void celebrationsAreForTheGroupsMembersAndFacilitators() {
        String victory = groupCheckin("Slept through the night", List.of("small_victory"));

        assertThat(celebrated(world.owner())).contains(victory);
        assertThat(celebrated(world.member())).contains(victory);
        assertThat(celebrated(world.facilitator())).contains(victory);
        for (Session outsider : List.of(world.leaver(), world.otherGroupMember(), world.peer(), world.mentor(),
            world.program().coordinator(), world.admin())) {
            assertThat(celebrated(outsider)).doesNotContain(victory);
        }
        assertThat(server.http().get("/v1/programs/" + world.program().id() + "/celebrations").status()).isEqualTo(401);
        assertThat(world.member().http().get("/v1/programs/prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W/celebrations").status())
            .isEqualTo(404);
    }

    @Test
    void leavingAGroupTakesItsCelebrationsAway() {
        Session member = fixtures.participant(world.program(), "Amber Dawn");
        String membership = CheckinFixtures.join(member, world.groupId());
        String victory = groupCheckin("Ran a mile", List.of("small_victory"));
        assertThat(celebrated(member)).contains(victory);

        CheckinFixtures.leave(member, world.groupId(), membership);

        assertThat(celebrated(member)).doesNotContain(victory);
    }
}
