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
import org.kindred.api.security.PasswordHasher;
import org.kindred.api.venues.Accessibility;
import org.kindred.api.venues.Address;
import org.kindred.api.venues.AnimalPolicy;
import org.kindred.api.venues.EsaPolicy;
import org.kindred.api.venues.Pets;
import org.kindred.api.venues.Space;
import org.kindred.api.venues.Species;
import org.kindred.api.venues.Venue;
import org.kindred.api.venues.VenueLocations;
import org.kindred.api.venues.VenueStatus;
import org.kindred.api.venues.VenueStore;

/**
 * Builds a benchmark database for scripts/bench: the demo world, then generated venues, participants and
 * check-ins. The first 500 venues lie within 15 km of {@link #CENTRE}, the rest anywhere on Earth, so a search
 * near the centre has the same matches at any table size and only the index's pruning separates 1,000 rows
 * from 100,000. {@link #PARTICIPANTS} participants of the demo's Harbor program (password {@link #PASSWORD},
 * emails {@code bench-N@bench.kindred.dev}) share the check-ins round-robin, so the list of one participant's
 * check-ins grows with the table. Rows are written directly, as one transaction, in the server's own format.
 * <p>{@code java -cp kindred.jar:test-classes org.kindred.api.bench.BenchData DB_FILE KEYS_DIR VENUES CHECKINS}
 */
public final class BenchData {
    public static final double[] CENTRE = {41.8781, -87.6298};
    public static final int PARTICIPANTS = 200;
    public static final String PASSWORD = "bench participant password";
    private static final int LOCAL = 500;
    private static final int BATCH = 10_000;
    private static final Species[] SPECIES = Species.values();

    private BenchData() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int venues = Integer.parseInt(args[2]);
        int checkins = Integer.parseInt(args[3]);
        Config config = Config.load(Map.of("KINDRED_DB", file.toString(), "KINDRED_KEYS", args[1],
            "KINDRED_RATE_LIMITS", "off"), List.of());
        try (Database db = Database.open(file, Durability.normal, 1)) {
            Services services = Services.wire(config, db, Clock.systemUTC());
            DemoData.seed(services);
            new Meta(db).put("demo", "true");
            insertVenues(db, venues, new Random(42));
            List<String> participants = insertParticipants(db, new PasswordHasher(1).hash(PASSWORD));
            insertCheckins(db, participants, checkins, new Random(7));
        }
        System.out.println("bench database " + file + ": demo world, " + venues + " venues, " + PARTICIPANTS
            + " participants and " + checkins + " check-ins");
    }

    private static void insertVenues(Database db, int count, Random random) {
        VenueStore store = new VenueStore(db, new VenueLocations(db));
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

    private static List<String> insertParticipants(Database db, String passwordHash) {
        String harbor = db.read(handle -> handle.createQuery("SELECT id FROM programs WHERE slug = 'harbor-peer-circle'")
            .mapTo(String.class).one());
        long now = Instant.now().toEpochMilli();
        List<String> ids = new java.util.ArrayList<>();
        db.useWrite(handle -> {
            for (int i = 0; i < PARTICIPANTS; i++) {
                String id = Ids.next("usr");
                String email = "bench-" + i + "@bench.kindred.dev";
                handle.createUpdate("""
                        INSERT INTO users (id, email, email_normalized, password_hash, display_name, is_admin, created_at,
                            updated_at) VALUES (:id, :email, :email, :hash, :name, 0, :now, :now)""")
                    .bind("id", id).bind("email", email).bind("hash", passwordHash).bind("name", "Bench Participant " + i)
                    .bind("now", now).execute();
                handle.createUpdate("""
                        INSERT INTO program_members (id, program_id, user_id, role, enrollment_status, created_at, updated_at)
                        VALUES (:id, :program, :user, 'participant', 'enrolled', :now, :now)""")
                    .bind("id", Ids.next("mem")).bind("program", harbor).bind("user", id).bind("now", now).execute();
                ids.add(id);
            }
        });
        return ids;
    }

    /** Check-ins over the past year, oldest first, dealt to the participants in turn. */
    private static void insertCheckins(Database db, List<String> participants, int count, Random random) {
        String harbor = db.read(handle -> handle.createQuery("SELECT id FROM programs WHERE slug = 'harbor-peer-circle'")
            .mapTo(String.class).one());
        long now = Instant.now().toEpochMilli();
        long year = 365L * 24 * 3600 * 1000;
        db.useWrite(handle -> {
            for (int from = 0; from < count; from += BATCH) {
                var insert = handle.prepareBatch("""
                        INSERT INTO checkins (id, program_id, participant_id, mood, energy, tags, note, visibility,
                            in_crisis, created_at, updated_at)
                        VALUES (:id, :program, :participant, :mood, :energy, '["gratitude"]', :note, 'private', 0, :at, :at)""");
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    long at = now - year + year * i / count;
                    insert.bind("id", Ids.next("chk")).bind("program", harbor)
                        .bind("participant", participants.get(i % participants.size()))
                        .bind("mood", 1 + random.nextInt(5)).bind("energy", 1 + random.nextInt(5))
                        .bind("note", "Generated check-in " + i).bind("at", at).add();
                }
                insert.execute();
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
