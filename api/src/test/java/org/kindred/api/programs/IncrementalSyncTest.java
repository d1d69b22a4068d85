package org.kindred.api.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.api.demo.DemoData;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.TestServer;

/** The directory lists an integrator mirrors take {@code updated_since}: only what changed at or after it. */
class IncrementalSyncTest {
    private static final List<String> LISTS = List.of("/v1/programs", "/v1/groups", "/v1/venues", "/v1/mentors");

    private static MutableClock clock;
    private static TestServer server;
    private static Http admin;
    private static Instant seeded;
    private static Instant changesBegan;

    @BeforeAll
    static void seedThenChangeOneOfEach() {
        clock = MutableClock.atSystemTime();
        server = TestServer.start(Map.of(), clock);
        DemoData.seed(server.services());
        seeded = clock.instant();
        clock.advance(Duration.ofHours(1));
        changesBegan = clock.instant();
        admin = server.login("admin@demo.kindred.dev", DemoData.PASSWORD).http();
        for (String list : LISTS) {
            String id = admin.get(list + "?limit=1").text("/data/0/id");
            HttpResult changed = admin.patch(list + "/" + id, list.equals("/v1/mentors")
                ? "{\"bio\":\"Changed for the sync test.\"}" : "{\"description\":\"Changed for the sync test.\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/programs", "/v1/groups", "/v1/venues", "/v1/mentors"})
    void onlyWhatChangedAtOrAfterTheInstantIsListed(String list) {
        List<String> all = ids(admin.get(list + "?limit=100"));
        List<String> changed = ids(admin.get(list + "?limit=100&updated_since=" + changesBegan));

        assertThat(all).hasSizeGreaterThan(1);
        assertThat(changed).containsExactly(all.get(0));
        assertThat(ids(admin.get(list + "?limit=100&updated_since=" + seeded.minusSeconds(60)))).isEqualTo(all);
        assertThat(ids(admin.get(list + "?limit=100&updated_since=" + changesBegan.plusMillis(1)))).isEmpty();
    }

    @Test
    void aChangedVenueBringsTheGroupsThatMeetThereWithIt() {
        MutableClock ownClock = MutableClock.atSystemTime();
        try (TestServer own = TestServer.start(Map.of(), ownClock)) {
            DemoData.seed(own.services());
            ownClock.advance(Duration.ofMinutes(5));
            Instant venueChanged = ownClock.instant();
            Http ownAdmin = own.login("admin@demo.kindred.dev", DemoData.PASSWORD).http();
            HttpResult monday = ownAdmin.get("/v1/groups?q=Monday");

            HttpResult changed = ownAdmin.patch("/v1/venues/" + monday.text("/data/0/venue_id"), "{\"capacity\": 31}");

            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(ids(ownAdmin.get("/v1/groups?limit=100&updated_since=" + venueChanged)))
                .containsExactly(monday.text("/data/0/id"));
        }
    }

    /** Its groups and venues come into view for everyone with the program, so a sync must see them as changed. */
    @Test
    void activatingAProgramBringsItsGroupsAndVenuesWithIt() {
        MutableClock ownClock = MutableClock.atSystemTime();
        try (TestServer own = TestServer.start(Map.of(), ownClock)) {
            GroupFixtures fixtures = new GroupFixtures(own);
            GroupFixtures.Setup draft = fixtures.draftProgram();
            String venue = fixtures.venue(draft.programId(), GroupFixtures.PLAIN_VENUE);
            String group = fixtures.groupId(draft, "{}");
            ownClock.advance(Duration.ofMinutes(5));
            Instant activated = ownClock.instant();

            HttpResult active = own.admin().http().patch("/v1/programs/" + draft.programId(), ProgramFixtures.json(
                Map.of("status", "active", "crisis_lines", List.of(ProgramFixtures.crisisLine()))));

            assertThat(active.status()).as(active.body()).isEqualTo(200);
            assertThat(ids(own.http().get("/v1/groups?limit=100&updated_since=" + activated))).containsExactly(group);
            assertThat(ids(own.http().get("/v1/venues?limit=100&updated_since=" + activated))).containsExactly(venue);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/programs", "/v1/groups", "/v1/venues", "/v1/mentors"})
    void anUpdatedSinceThatIsNotAnInstantIsRefused(String list) {
        HttpResult refused = admin.get(list + "?updated_since=yesterday");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("updated_since");
    }

    private static List<String> ids(HttpResult page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return StreamSupport.stream(page.json().path("data").spliterator(), false).map(n -> n.path("id").asText()).toList();
    }
}
