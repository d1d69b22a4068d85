package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.kindred.api.venues.VenueFixtures.encode;
import static org.kindred.api.venues.VenueFixtures.ids;
import static org.kindred.api.venues.VenueSearchTest.assertFieldError;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.TestServer;

class VenueGeoSearchTest {
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
    void londonToParisIsTheGreatCircleDistance() {
        assertCityPair(51.5074, -0.1278, 48.8566, 2.3522, 343.5);
    }

    @Test
    void berlinToHamburgIsTheGreatCircleDistance() {
        assertCityPair(52.5200, 13.4050, 53.5511, 9.9937, 255.3);
    }

    @Test
    void sydneyToCanberraIsTheGreatCircleDistance() {
        assertCityPair(-33.8688, 151.2093, -35.2809, 149.1300, 246.8);
    }

    @Test
    void onlyVenuesWithinTheRadiusAreFoundNearestFirst() {
        String program = fixtures.program();
        double lat = 41.8781;
        double lon = -87.6298;
        List<String> expected = new ArrayList<>();
        for (double km : new double[] {0.2, 3, 7.5, 12, 19.9}) {
            double[] point = Geo.destination(lat, lon, km * 17, km);
            expected.add(fixtures.createAt(program, point[0], point[1]));
        }
        for (double km : new double[] {20.1, 35, 80}) {
            double[] point = Geo.destination(lat, lon, km * 17, km);
            fixtures.createAt(program, point[0], point[1]);
        }
        HttpResult found = near(program, lat, lon, 20);
        assertThat(ids(found)).containsExactlyElementsOf(expected);
        assertDistancesAreGreatCircle(found, lat, lon);
    }

    @Test
    void withoutARadiusTheSearchReaches25Km() {
        String program = fixtures.program();
        double[] inside = Geo.destination(-23.5505, -46.6333, 100, 24.9);
        double[] outside = Geo.destination(-23.5505, -46.6333, 100, 25.1);
        String near = fixtures.createAt(program, inside[0], inside[1]);
        fixtures.createAt(program, outside[0], outside[1]);
        HttpResult found = server.http().get("/v1/venues?program_id=" + program + "&near=-23.5505,-46.6333");
        assertThat(ids(found)).containsExactly(near);
        assertThat(found.json().at("/data/0/distance_km").asDouble()).isCloseTo(24.9, within(0.001));
    }

    @Test
    void theRadiusIsExactAtTheEdgeInEveryDirection() {
        double[][] centres = {{60, 10}, {-75, -170}, {0, 179.95}, {89.6, 45}, {-41.3, 174.8}};
        for (double[] centre : centres) {
            String program = fixtures.program();
            Set<String> inside = new HashSet<>();
            for (int bearing = 0; bearing < 360; bearing += 30) {
                double[] in = Geo.destination(centre[0], centre[1], bearing, 49.95);
                double[] out = Geo.destination(centre[0], centre[1], bearing + 15, 50.05);
                inside.add(fixtures.createAt(program, in[0], in[1]));
                fixtures.createAt(program, out[0], out[1]);
            }
            HttpResult found = near(program, centre[0], centre[1], 50);
            assertThat(ids(found)).as("around %s,%s", centre[0], centre[1]).containsExactlyInAnyOrderElementsOf(inside);
            assertDistancesAreGreatCircle(found, centre[0], centre[1]);
        }
    }

    @Test
    void searchesAcrossTheAntimeridianFindVenuesOnBothSides() {
        String program = fixtures.program();
        String west = fixtures.createAt(program, -17.7, 179.8);
        String east = fixtures.createAt(program, -17.7, -179.8);
        fixtures.createAt(program, -17.7, 179.0);
        HttpResult fromWest = near(program, -17.7, 179.9, 50);
        assertThat(ids(fromWest)).containsExactly(west, east);
        assertDistancesAreGreatCircle(fromWest, -17.7, 179.9);
        assertThat(fromWest.json().at("/data/1/distance_km").asDouble()).isCloseTo(31.779, within(0.01));
        HttpResult fromEast = near(program, -17.7, -179.9, 50);
        assertThat(ids(fromEast)).containsExactly(east, west);
        assertDistancesAreGreatCircle(fromEast, -17.7, -179.9);
    }

    @Test
    void searchesNearTheNorthPoleReachAcrossEveryLongitude() {
        String program = fixtures.program();
        String across = fixtures.createAt(program, 89.8, 120);
        String opposite = fixtures.createAt(program, 89.9, -170);
        fixtures.createAt(program, 89.0, 0);
        HttpResult found = near(program, 89.9, 0, 50);
        assertThat(ids(found)).containsExactly(opposite, across);
        assertDistancesAreGreatCircle(found, 89.9, 0);
        HttpResult fromThePole = near(program, 90, 0, 50);
        assertThat(ids(fromThePole)).containsExactly(opposite, across);
        assertDistancesAreGreatCircle(fromThePole, 90, 0);
    }

    @Test
    void searchesNearTheSouthPoleReachAcrossEveryLongitude() {
        String program = fixtures.program();
        String across = fixtures.createAt(program, -89.8, 120);
        String opposite = fixtures.createAt(program, -89.9, -170);
        fixtures.createAt(program, -89.0, 0);
        HttpResult found = near(program, -89.9, 0, 50);
        assertThat(ids(found)).containsExactly(opposite, across);
        assertDistancesAreGreatCircle(found, -89.9, 0);
    }

    @Test
    void movingAVenueMovesItInTheSearch() {
        String program = fixtures.program();
        String id = fixtures.createAt(program, 35.6762, 139.6503);
        assertThat(ids(near(program, 35.6762, 139.6503, 50))).containsExactly(id);
        server.admin().http().patch("/v1/venues/" + id, "{\"latitude\": 34.6937, \"longitude\": 135.5023}");
        assertThat(ids(near(program, 35.6762, 139.6503, 50))).isEmpty();
        assertThat(ids(near(program, 34.6937, 135.5023, 50))).containsExactly(id);
    }

    @Test
    void aSearchNearAPointForASpeciesFollowsEachVenuesPets() {
        String program = fixtures.program();
        String dogs = fixtures.create(program, admitting(-1.2921, 36.8219, "\"dog\""));
        String cats = fixtures.create(program, admitting(-1.2930, 36.8219, "\"cat\""));
        String both = fixtures.create(program, admitting(-1.2940, 36.8219, "\"dog\", \"cat\""));
        fixtures.create(program, admitting(-1.2950, 36.8219, ""));
        assertThat(ids(nearFor(program, -1.2921, 36.8219, "dog"))).containsExactly(dogs, both);
        assertThat(ids(nearFor(program, -1.2921, 36.8219, "cat"))).containsExactly(cats, both);

        server.admin().http().patch("/v1/venues/" + cats, "{\"animal_policy\": {\"pets\": {\"species\": [\"dog\"]}}}");
        String added = fixtures.create(program, admitting(-1.2960, 36.8219, "\"dog\""));

        assertThat(ids(nearFor(program, -1.2921, 36.8219, "dog"))).containsExactly(dogs, cats, both, added);
        assertThat(ids(nearFor(program, -1.2921, 36.8219, "cat"))).containsExactly(both);
    }

    private static String admitting(double lat, double lon, String species) {
        return "{\"latitude\": " + lat + ", \"longitude\": " + lon
            + ", \"animal_policy\": {\"pets\": {\"species\": [" + species + "]}}}";
    }

    private static HttpResult nearFor(String program, double lat, double lon, String species) {
        HttpResult result = server.http().get("/v1/venues?program_id=" + program + "&near=" + lat + "," + lon
            + "&radius_km=5&species=" + species);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result;
    }

    @Test
    void fewMatchesBehindManyNearerVenuesStillFillEachPageInOrder() {
        String nearer = fixtures.program();
        String wanted = fixtures.program();
        for (int i = 0; i < 30; i++) {
            double[] point = Geo.destination(60.0, 25.0, i * 12, 0.1 + i * 0.01);
            fixtures.createAt(nearer, point[0], point[1]);
        }
        double[] far = Geo.destination(60.0, 25.0, 90, 2);
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tied.add(fixtures.createAt(wanted, far[0], far[1]));
        }
        List<JsonNode> paged = VenueFixtures.allPages(server.http(),
            "/v1/venues?limit=2&program_id=" + wanted + "&near=60.0,25.0&radius_km=3");
        assertThat(ids(paged)).isEqualTo(tied.stream().sorted().toList());
    }

    @Test
    void pagingNearAPointYieldsEveryVenueOnceNearestFirstWithTiesById() {
        String program = fixtures.program();
        double lat = 45.0;
        double lon = 7.0;
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 57; i++) {
            int step = i < 50 ? i : i - 25;
            double[] point = Geo.destination(lat, lon, step * 137.5, 0.3 * step);
            created.add(fixtures.createAt(program, point[0], point[1]));
        }
        List<JsonNode> paged = VenueFixtures.allPages(server.http(),
            "/v1/venues?limit=10&program_id=" + program + "&near=" + lat + "," + lon + "&radius_km=100");
        List<String> pagedIds = ids(paged);
        assertThat(pagedIds).hasSize(57).doesNotHaveDuplicates();
        assertThat(new HashSet<>(pagedIds)).isEqualTo(created);
        for (int i = 1; i < paged.size(); i++) {
            double previous = paged.get(i - 1).path("distance_km").asDouble();
            double current = paged.get(i).path("distance_km").asDouble();
            assertThat(current).isGreaterThanOrEqualTo(previous);
            if (current == previous) {
                assertThat(pagedIds.get(i)).isGreaterThan(pagedIds.get(i - 1));
            }
        }
        long distinctDistances = paged.stream().map(v -> v.path("distance_km").asDouble()).distinct().count();
        assertThat(distinctDistances).isEqualTo(50);
        HttpResult onePage = server.http().get("/v1/venues?limit=100&program_id=" + program + "&near=45.0,7.0&radius_km=100");
        assertThat(ids(onePage)).isEqualTo(pagedIds);
        paged.forEach(venue -> assertThat(venue.path("distance_km").asDouble()).isCloseTo(
            Geo.haversineKm(lat, lon, venue.path("latitude").asDouble(), venue.path("longitude").asDouble()),
            within(0.0005001)));
    }

    @Test
    void pagingInIdOrderYieldsEveryVenueOnce() {
        String program = fixtures.program();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(fixtures.createAt(program, 10 + i * 0.01, 20));
        }
        List<JsonNode> paged = VenueFixtures.allPages(server.http(), "/v1/venues?limit=10&program_id=" + program);
        assertThat(ids(paged)).isEqualTo(created.stream().sorted().toList());
        paged.forEach(venue -> assertThat(venue.path("distance_km").isNull()).isTrue());
    }

    @Test
    void aCursorFromAnIdOrderedListIsRefusedByANearSearchAndTheOtherWayRound() {
        String program = fixtures.program();
        for (int i = 0; i < 3; i++) {
            fixtures.createAt(program, 10, 30 + i * 0.01);
        }
        String byId = server.http().get("/v1/venues?limit=1&program_id=" + program).text("/next_cursor");
        String byDistance = server.http().get("/v1/venues?limit=1&program_id=" + program + "&near=10,30")
            .text("/next_cursor");
        assertFieldError(server.http().get("/v1/venues?limit=1&program_id=" + program + "&near=10,30&cursor="
            + encode(byId)), "cursor", "invalid_cursor");
        assertFieldError(server.http().get("/v1/venues?limit=1&program_id=" + program + "&cursor=" + encode(byDistance)),
            "cursor", "invalid_cursor");
    }

    @Test
    void invalidCentresAreFieldErrors() {
        for (String near : new String[] {"91,0", "-90.5,0", "0,180.5", "0,-181", "abc", "1", "1,2,3", ",", "1,",
            "NaN,0", "0,Infinity", "1;2", "1d,2f", "0x1p3,0", "1e1,0"}) {
            assertFieldError(server.http().get("/v1/venues?near=" + encode(near)), "near", "invalid_format");
        }
    }

    @Test
    void invalidRadiiAreFieldErrors() {
        assertFieldError(server.http().get("/v1/venues?near=0,0&radius_km=0"), "radius_km", "out_of_range");
        assertFieldError(server.http().get("/v1/venues?near=0,0&radius_km=501"), "radius_km", "out_of_range");
        assertFieldError(server.http().get("/v1/venues?near=0,0&radius_km=-5"), "radius_km", "out_of_range");
        assertFieldError(server.http().get("/v1/venues?near=0,0&radius_km=far"), "radius_km", "wrong_type");
        assertFieldError(server.http().get("/v1/venues?near=0,0&radius_km=1e2"), "radius_km", "wrong_type");
        assertFieldError(server.http().get("/v1/venues?radius_km=10"), "radius_km", "requires");
        assertThat(server.http().get("/v1/venues?near=0,0&radius_km=500").status()).isEqualTo(200);
        assertThat(server.http().get("/v1/venues?near=0,0&radius_km=0.001").status()).isEqualTo(200);
    }

    @Test
    void aVenueReadOnItsOwnHasNoDistance() {
        String program = fixtures.program();
        String id = fixtures.createAt(program, 1, 1);
        assertThat(near(program, 1.1, 1, 50).json().at("/data/0/distance_km").isNumber()).isTrue();
        assertThat(server.http().get("/v1/venues/" + id).json().path("distance_km").isNull()).isTrue();
    }

    private static void assertCityPair(double fromLat, double fromLon, double toLat, double toLon, double knownKm) {
        String program = fixtures.program();
        String from = fixtures.createAt(program, fromLat, fromLon);
        String to = fixtures.createAt(program, toLat, toLon);
        double greatCircle = Geo.haversineKm(fromLat, fromLon, toLat, toLon);
        assertThat(greatCircle).isCloseTo(knownKm, Percentage.withPercentage(0.5));

        HttpResult there = near(program, fromLat, fromLon, knownKm + 5);
        assertThat(ids(there)).containsExactly(from, to);
        assertThat(there.json().at("/data/0/distance_km").asDouble()).isEqualTo(0.0);
        assertThat(there.json().at("/data/1/distance_km").asDouble())
            .isCloseTo(knownKm, Percentage.withPercentage(0.5))
            .isCloseTo(greatCircle, within(0.0005001));
        assertDistancesAreGreatCircle(there, fromLat, fromLon);

        HttpResult back = near(program, toLat, toLon, knownKm + 5);
        assertThat(ids(back)).containsExactly(to, from);
        assertThat(back.json().at("/data/1/distance_km").asDouble()).isCloseTo(greatCircle, within(0.0005001));

        assertThat(ids(near(program, fromLat, fromLon, greatCircle - 0.5))).containsExactly(from);
        assertThat(ids(near(program, fromLat, fromLon, greatCircle + 0.5))).containsExactly(from, to);
    }

    private static HttpResult near(String program, double lat, double lon, double radiusKm) {
        HttpResult result = server.http().get("/v1/venues?limit=100&program_id=" + program + "&near=" + lat + "," + lon
            + "&radius_km=" + radiusKm);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result;
    }

    private static void assertDistancesAreGreatCircle(HttpResult found, double lat, double lon) {
        double previous = 0;
        for (JsonNode venue : found.json().path("data")) {
            double expected = Geo.haversineKm(lat, lon, venue.path("latitude").asDouble(), venue.path("longitude").asDouble());
            double distance = venue.path("distance_km").asDouble();
            assertThat(distance).as(venue.path("id").asText()).isCloseTo(expected, within(0.0005001));
            assertThat(distance).isGreaterThanOrEqualTo(previous);
            previous = distance;
        }
    }
}
