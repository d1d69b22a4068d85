package org.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.KindredClient;
import org.kindred.sdk.api.VenuesApi;
import org.kindred.sdk.model.AnimalPolicy;
import org.kindred.sdk.model.Pets;
import org.kindred.sdk.model.Venue;
import org.kindred.sdk.model.VenueUpdate;

/**
 * The server's clock stands an hour behind the wall clock while the demo is seeded, then moves two hours on:
 * the demo is clearly older than the first sync's start (a {@code Date} header, whole seconds, wall clock) and
 * the change made between runs clearly newer.
 */
class DirectorySyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MutableClock clock;
    private static TestServer server;

    @BeforeAll
    static void demoWorld() {
        clock = new MutableClock(Instant.now().minus(Duration.ofHours(1)));
        server = TestServer.start(Map.of(), clock);
        DemoData.seed(server.services());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theFirstRunMirrorsTheDirectoryAndTheNextFetchesOnlyTheVenueThatChanged(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("directory.jsonl");
        Path state = dir.resolve("directory.state");
        Console first = new Console();

        assertThat(DirectorySync.run(server.baseUrl(), file, state, first.out)).isZero();

        Instant firstStarted = Instant.parse(Files.readString(state).strip());
        assertThat(first.lines()).containsExactly(
            "Full sync of " + server.baseUrl() + " (no earlier sync recorded in " + state + ").",
            "Fetched 17: 2 programs, 10 venues, 5 groups.",
            "Wrote " + file + ": 17 records (17 new, 0 updated).",
            "The next sync asks for what changed since " + firstStarted + ".");
        Map<String, JsonNode> mirrored = records(file);
        assertThat(mirrored.values()).extracting(r -> r.path("kind").asText())
            .containsOnly("program", "group", "venue");
        assertThat(mirrored.values()).extracting(r -> r.at("/data/name").asText())
            .contains("Harbor Peer Circle", "Grief to Growth", "Monday Evening Circle", "Online Grief Circle",
                "Lakeside Community Room", "Pilsen Paws Café Back Room")
            .doesNotContain("Steady Steps", "Old Town Studio");

        clock.advance(Duration.ofHours(2));
        Venue pilsen = changeVenue(server, "Pilsen Paws Café",
            new VenueUpdate().description("A second, quieter room opened in the back."));
        Console second = new Console();

        assertThat(DirectorySync.run(server.baseUrl(), file, state, second.out)).isZero();

        assertThat(second.lines()).containsExactly(
            "Incremental sync of " + server.baseUrl() + ": what changed since " + firstStarted + ".",
            "Fetched 1: 0 programs, 1 venue, 0 groups.",
            "Wrote " + file + ": 17 records (0 new, 1 updated).",
            "The next sync asks for what changed since " + Files.readString(state).strip() + ".");
        Map<String, JsonNode> merged = records(file);
        assertThat(merged.keySet()).isEqualTo(mirrored.keySet());
        assertThat(merged.get(pilsen.getId()).at("/data/description").asText())
            .isEqualTo("A second, quieter room opened in the back.");
        merged.keySet().stream().filter(id -> !id.equals(pilsen.getId()))
            .forEach(id -> assertThat(merged.get(id)).isEqualTo(mirrored.get(id)));
    }

    @Test
    void whenAVenueStopsAdmittingPetsTheNextSyncBringsItsGroupsToo(@TempDir Path dir) throws IOException {
        MutableClock ownClock = new MutableClock(Instant.now().minus(Duration.ofHours(1)));
        try (TestServer own = TestServer.start(Map.of(), ownClock)) {
            DemoData.seed(own.services());
            Path file = dir.resolve("directory.jsonl");
            Path state = dir.resolve("directory.state");
            DirectorySync.run(own.baseUrl(), file, state, new Console().out);
            String walk = groupNamed(records(file), "Saturday Walk and Talk");
            assertThat(records(file).get(walk).at("/data/pet_friendly").asBoolean()).isTrue();
            ownClock.advance(Duration.ofHours(2));
            changeVenue(own, "Wicker Park Garden Pavilion",
                new VenueUpdate().animalPolicy(new AnimalPolicy().pets(new Pets().species(new LinkedHashSet<>()))));
            Console console = new Console();

            DirectorySync.run(own.baseUrl(), file, state, console.out);

            assertThat(console.lines()).contains("Fetched 2: 0 programs, 1 venue, 1 group.",
                "Wrote " + file + ": 17 records (0 new, 2 updated).");
            assertThat(records(file).get(walk).at("/data/pet_friendly").asBoolean()).isFalse();
        }
    }

    @Test
    void aStateFileWithoutItsDataFileStartsAgainWithAFullSync(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("directory.jsonl");
        Path state = dir.resolve("directory.state");
        Files.writeString(state, Instant.now().toString());
        Console console = new Console();

        DirectorySync.run(server.baseUrl(), file, state, console.out);

        assertThat(console.lines()).startsWith(
            "Full sync of " + server.baseUrl() + " (no earlier sync recorded in " + state + ").",
            "Fetched 17: 2 programs, 10 venues, 5 groups.");
        assertThat(records(file)).hasSize(17);
    }

    @Test
    void anUnreadableStateFileChangesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("directory.jsonl");
        Path state = dir.resolve("directory.state");
        Files.writeString(file, "");
        Files.writeString(state, "last Tuesday");
        Console console = new Console();

        int status = DirectorySync.run(server.baseUrl(), file, state, console.out);

        assertThat(status).isEqualTo(1);
        assertThat(console.lines()).containsExactly(
            state + " does not hold the start of a sync (\"last Tuesday\"): nothing was written. Delete it to start again "
                + "with a full sync.");
        assertThat(Files.readString(file)).isEmpty();
        assertThat(Files.readString(state)).isEqualTo("last Tuesday");
    }

    private static String groupNamed(Map<String, JsonNode> records, String name) {
        return records.values().stream().filter(r -> r.at("/data/name").asText().equals(name)).findFirst().orElseThrow()
            .path("id").asText();
    }

    /** The file's records by id; fails when an id appears twice. */
    private static Map<String, JsonNode> records(Path file) throws IOException {
        List<JsonNode> lines = Files.readAllLines(file).stream().map(DirectorySyncTest::parse).toList();
        lines.forEach(line -> assertThat(line.path("id").asText()).isEqualTo(line.at("/data/id").asText()));
        return lines.stream().collect(Collectors.toMap(line -> line.path("id").asText(), Function.identity()));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static Venue changeVenue(TestServer server, String name, VenueUpdate change) {
        KindredClient admin = KindredClient.builder().baseUrl(server.baseUrl()).build();
        admin.login("admin@demo.kindred.dev", DemoData.PASSWORD);
        Venue venue = admin.call(api -> api.venues().listVenues(VenuesApi.APIListVenuesRequest.newBuilder()
            .q(name).build())).getData().get(0);
        return admin.call(api -> api.venues().updateVenue(VenuesApi.APIUpdateVenueRequest.newBuilder()
            .venueId(venue.getId()).venueUpdate(change).build()));
    }
}
