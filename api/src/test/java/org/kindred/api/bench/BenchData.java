package org.kindred.api.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.kindred.api.Services;
import org.kindred.api.config.Config;
import org.kindred.api.db.Database;
import org.kindred.api.db.Durability;
import org.kindred.api.db.Ids;
import org.kindred.api.db.Meta;
import org.kindred.api.demo.DemoData;
import org.kindred.api.venues.Accessibility;
import org.kindred.api.venues.Address;
import org.kindred.api.venues.AnimalPolicy;
import org.kindred.api.venues.EsaPolicy;
import org.kindred.api.venues.Pets;
import org.kindred.api.venues.Space;
import org.kindred.api.venues.Species;
import org.kindred.api.venues.Venue;
import org.kindred.api.venues.VenueStatus;
import org.kindred.api.venues.VenueStore;

/**
 * Builds a benchmark database for scripts/bench: the demo world, then generated venues. The first 500 lie
 * within 15 km of {@link #CENTRE}, the rest anywhere on Earth, so a search near the centre has the same
 * matches at any table size and only the index's pruning separates 1,000 rows from 100,000.
 * <p>{@code java -cp kindred.jar:test-classes org.kindred.api.bench.BenchData DB_FILE KEYS_DIR VENUES}
 */
public final class BenchData {
    public static final double[] CENTRE = {41.8781, -87.6298};
    private static final int LOCAL = 500;
    private static final Species[] SPECIES = Species.values();

    private BenchData() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int venues = Integer.parseInt(args[2]);
        Config config = Config.load(Map.of("KINDRED_DB", file.toString(), "KINDRED_KEYS", args[1],
            "KINDRED_RATE_LIMITS", "off"), List.of());
        try (Database db = Database.open(file, Durability.normal, 1)) {
            Services services = Services.wire(config, db, Clock.systemUTC());
            DemoData.seed(services);
            new Meta(db).put("demo", "true");
            insertVenues(db, venues, new Random(42));
        }
        System.out.println("bench database " + file + ": demo world and " + venues + " venues");
    }

    private static void insertVenues(Database db, int count, Random random) {
        VenueStore store = new VenueStore(db);
        Instant now = Instant.now();
        db.useWrite(handle -> {
            for (int i = 0; i < count; i++) {
                double lat;
                double lon;
                if (i < LOCAL) {
                    double distanceKm = 15 * Math.sqrt(random.nextDouble());
                    double bearing = 2 * Math.PI * random.nextDouble();
                    lat = CENTRE[0] + distanceKm / 111.2 * Math.cos(bearing);
                    lon = CENTRE[1] + distanceKm / (111.2 * Math.cos(Math.toRadians(CENTRE[0]))) * Math.sin(bearing);
                } else {
                    lat = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
                    lon = 360 * random.nextDouble() - 180;
                }
                store.insert(handle, venue(i, lat, lon, random, now));
            }
        });
    }

    private static Venue venue(int i, double lat, double lon, Random random, Instant now) {
        List<Species> species = random.nextInt(3) == 0 ? List.of() : List.of(SPECIES[random.nextInt(SPECIES.length)]);
        Pets pets = species.isEmpty() ? Pets.NO_PETS : new Pets(species, 25.0, true, Space.both, null, true, true);
        AnimalPolicy policy = new AnimalPolicy(AnimalPolicy.SERVICE_ANIMALS_WELCOME,
            EsaPolicy.values()[random.nextInt(3)], pets, null, random.nextBoolean(), null, null);
        boolean stepFree = random.nextBoolean();
        return new Venue(Ids.next("ven"), null, "Generated Venue " + i, "A generated venue for benchmarks.",
            new Address(i + " Bench Street", null, "Bench City", null, null, "US"), lat, lon, "America/Chicago",
            10 + random.nextInt(90), Space.values()[random.nextInt(3)],
            new Accessibility(stepFree, stepFree, false, false), null, VenueStatus.active, policy, now, now, null);
    }
}
