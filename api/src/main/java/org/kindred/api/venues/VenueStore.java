package org.kindred.api.venues;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Conditions;
import org.kindred.api.db.Database;
import org.kindred.api.db.ReadCache;
import org.kindred.api.db.Rows;
import org.kindred.api.db.Sql;
import org.kindred.api.http.Json;
import org.kindred.api.http.PageRequest;

/**
 * Venues and the FTS5 index of their name, description and city, kept in step by this store. A search near a point
 * takes the venues in reach from {@link VenueLocations}.
 */
public final class VenueStore {
    private static final TypeReference<AnimalPolicy> ANIMAL_POLICY = new TypeReference<>() { };
    private static final TypeReference<Contact> CONTACT = new TypeReference<>() { };
    private static final int VENUES_KEPT = 5_000;
    private static final int SEARCHES_KEPT = 1_000;

    private final Database db;
    private final VenueLocations locations;
    private final ReadCache<String, Optional<Venue>> kept;
    private final ReadCache<Search, Map<String, Double>> keptSearches;

    public VenueStore(Database db, VenueLocations locations) {
        this.db = db;
        this.locations = locations;
        this.kept = new ReadCache<>(db, VENUES_KEPT);
        this.keptSearches = new ReadCache<>(db, SEARCHES_KEPT);
    }

    /** Read on most requests that touch it, so kept until the next write. */
    public Optional<Venue> find(String id) {
        return kept.get(id, key -> db.read(handle -> find(handle, key)));
    }

    public Optional<Venue> find(Handle handle, String id) {
        return handle.createQuery("SELECT v.*, NULL AS distance FROM venues v WHERE v.id = :id")
            .bind("id", id)
            .map((rs, ctx) -> venue(rs))
            .findOne();
    }

    public void insert(Handle handle, Venue venue) {
        long seq = handle.createUpdate("""
                INSERT INTO venues (id, program_id, name, description, address_line1, address_line2, city, region,
                    postal_code, country, latitude, longitude, timezone, capacity, spaces, step_free_entrance,
                    accessible_restroom, accessible_parking, hearing_loop, contact, status, esa_policy, pets_dog,
                    pets_cat, pets_other, animal_free_room, animal_policy, created_at, updated_at)
                VALUES (:id, :program_id, :name, :description, :address_line1, :address_line2, :city, :region,
                    :postal_code, :country, :latitude, :longitude, :timezone, :capacity, :spaces, :step_free_entrance,
                    :accessible_restroom, :accessible_parking, :hearing_loop, :contact, :status, :esa_policy, :pets_dog,
                    :pets_cat, :pets_other, :animal_free_room, :animal_policy, :created_at, :updated_at)""")
            .bindMap(columns(venue))
            .executeAndReturnGeneratedKeys("seq")
            .mapTo(Long.class)
            .one();
        index(handle, seq, venue);
    }

    public void update(Handle handle, Venue venue) {
        handle.createUpdate("""
                UPDATE venues SET program_id = :program_id, name = :name, description = :description,
                    address_line1 = :address_line1, address_line2 = :address_line2, city = :city, region = :region,
                    postal_code = :postal_code, country = :country, latitude = :latitude, longitude = :longitude,
                    timezone = :timezone, capacity = :capacity, spaces = :spaces,
                    step_free_entrance = :step_free_entrance, accessible_restroom = :accessible_restroom,
                    accessible_parking = :accessible_parking, hearing_loop = :hearing_loop, contact = :contact,
                    status = :status, esa_policy = :esa_policy, pets_dog = :pets_dog, pets_cat = :pets_cat,
                    pets_other = :pets_other, animal_free_room = :animal_free_room, animal_policy = :animal_policy,
                    updated_at = :updated_at
                WHERE id = :id""")
            .bindMap(columns(venue))
            .execute();
        // A group shows its venue and derives pet_friendly from it, so the group changed too (updated_since, ETags).
        handle.createUpdate("UPDATE peer_groups SET updated_at = :now WHERE venue_id = :id")
            .bind("now", venue.updatedAt().toEpochMilli())
            .bind("id", venue.id())
            .execute();
        long seq = seqOf(handle, venue.id());
        unindex(handle, seq);
        index(handle, seq, venue);
    }

    public void delete(Handle handle, String id) {
        unindex(handle, seqOf(handle, id));
        handle.createUpdate("DELETE FROM venues WHERE id = :id").bind("id", id).execute();
    }

    /** Venues matching the filter that the viewer may see, nearest first for a search near a point, else by id. */
    public List<Venue> search(VenueFilter filter, SearchAfter after, PageRequest page) {
        Map<String, Double> distances = keptSearches.get(new Search(filter, after, page.fetchSize()), this::pageOf);
        // The page's rows are read by id, mostly from memory: sorting whole rows cost SQLite more than finding them.
        return kept.getAll(List.copyOf(distances.keySet()), this::byIds).stream()
            .flatMap(Optional::stream)
            .map(venue -> venue.withDistance(distances.get(venue.id())))
            .toList();
    }

    /** The ids and distances of a search's page, in order; the same search finds the same page until a write. */
    private Map<String, Double> pageOf(Search search) {
        return Collections.unmodifiableMap(search.filter().near() == null
            ? byId(search.filter(), search.after(), search.fetchSize())
            : nearest(search.filter(), search.after(), search.fetchSize()));
    }

    private record Search(VenueFilter filter, SearchAfter after, int fetchSize) {
    }

    /** The ids of a page of venues in order of id (their distances are null). */
    private Map<String, Double> byId(VenueFilter filter, SearchAfter after, int fetchSize) {
        Conditions where = conditions(filter);
        if (after != null) {
            where.add("v.id > :after_id");
            where.bind("after_id", after.id());
        }
        where.bind("limit", fetchSize);
        String sql = "SELECT v.id FROM venues v WHERE " + where.sql() + " ORDER BY v.id LIMIT :limit";
        return db.read(handle -> handle.createQuery(sql)
            .bindMap(where.binds())
            .reduceResultSet(new LinkedHashMap<>(), (rows, rs, ctx) -> {
                rows.put(rs.getString(1), null);
                return rows;
            }));
    }

    /**
     * The ids and distances of a page of venues near a point, nearest first (then by id). The venues in reach come
     * from memory in order of distance, and SQL keeps those that pass the filter, a batch at a time, until the page
     * is full: most pages are found in the first batch, however many venues are in reach.
     */
    private Map<String, Double> nearest(VenueFilter filter, SearchAfter after, int fetchSize) {
        List<VenueLocations.Nearby> inReach = locations.within(filter.near(), filter.species());
        inReach.sort(Comparator.comparingDouble(VenueLocations.Nearby::distanceKm));
        BatchQuery passing = passingQuery(filter);
        List<Ranked> found = new ArrayList<>();
        int first = after == null ? 0 : firstNotNearer(inReach, after.distance());
        int start = first;
        while (start < inReach.size() && found.size() < fetchSize) {
            int size = batchSize(fetchSize - found.size(), start - first, found.size());
            int end = Math.min(inReach.size(), start + size);
            // Venues at the same distance are ordered by id, so a batch never ends among them.
            while (end < inReach.size() && inReach.get(end).distanceKm() == inReach.get(end - 1).distanceKm()) {
                end++;
            }
            List<VenueLocations.Nearby> candidates = inReach.subList(start, end);
            Map<Long, String> ids = idsPassing(passing, candidates);
            for (VenueLocations.Nearby candidate : candidates) {
                String id = ids.get(candidate.seq());
                Ranked ranked = new Ranked(candidate.distanceKm(), id);
                if (id != null && (after == null || ranked.isAfter(after))) {
                    found.add(ranked);
                }
            }
            start = end;
        }
        found.sort(Ranked.ORDER);
        Map<String, Double> distances = new LinkedHashMap<>();
        found.stream().limit(fetchSize).forEach(ranked -> distances.put(ranked.id(), ranked.distanceKm()));
        return distances;
    }

    /**
     * How many venues to ask about next for {@code wanted} more that pass: as many as the share that passed so far
     * suggests (all, at first), with a quarter more to spare.
     */
    private static int batchSize(int wanted, int asked, int passed) {
        return (int) Math.ceil(1.25 * wanted * (asked + 1) / (passed + 1));
    }

    private static int firstNotNearer(List<VenueLocations.Nearby> inReach, double distanceKm) {
        int i = 0;
        while (i < inReach.size() && inReach.get(i).distanceKm() < distanceKm) {
            i++;
        }
        return i;
    }

    private record Ranked(double distanceKm, String id) {
        static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::distanceKm).thenComparing(Ranked::id);

        boolean isAfter(SearchAfter after) {
            return distanceKm > after.distance() || distanceKm == after.distance() && id.compareTo(after.id()) > 0;
        }
    }

    private Map<Long, String> idsPassing(BatchQuery passing, List<VenueLocations.Nearby> candidates) {
        return db.read(handle -> handle.createQuery(passing.sql())
            .bindMap(passing.binds())
            .bind("seqs", VenueLocations.keys(candidates))
            .reduceResultSet(new HashMap<>(), (rows, rs, ctx) -> {
                rows.put(rs.getLong(1), rs.getString(2));
                return rows;
            }));
    }

    /** A statement selecting the seq and id of venues of a batch, and every parameter it binds but {@code :seqs}. */
    record BatchQuery(String sql, Map<String, Object> binds) {
    }

    /** Which of the venues whose seqs are bound as the JSON array {@code :seqs} pass the filter and the viewer may see. */
    BatchQuery passingQuery(VenueFilter filter) {
        Conditions where = conditions(filter);
        // CROSS JOIN keeps the batch the outer loop: otherwise a filter's own index (program_id) may lead.
        return new BatchQuery("SELECT v.seq, v.id FROM json_each(:seqs) c CROSS JOIN venues v ON v.seq = c.value WHERE "
            + where.sql(), where.binds());
    }

    /** The filter's conditions on venues {@code v}, other than nearness, with who may see a venue. */
    private static Conditions conditions(VenueFilter filter) {
        Conditions where = new Conditions();
        where.add("""
            (v.status = 'active' AND (v.program_id IS NULL
                    OR v.program_id IN (SELECT p.id FROM programs p WHERE p.status = 'active'))
             OR :admin OR v.program_id IN (
                SELECT m.program_id FROM program_members m WHERE m.user_id = :viewer AND m.role = 'coordinator'))""");
        where.bind("admin", filter.viewerIsAdmin());
        where.bind("viewer", filter.viewerId());
        if (filter.text() != null) {
            Optional<String> match = FullText.query(filter.text());
            where.add(match.isPresent() ? "v.seq IN (SELECT rowid FROM venue_search WHERE venue_search MATCH :match)" : "0");
            match.ifPresent(query -> where.bind("match", query));
        }
        if (filter.species() != null) {
            where.add("v.pets_" + filter.species().name() + " = 1");
        }
        if (filter.esaAllowed() != null) {
            where.add(filter.esaAllowed() ? "v.esa_policy = 'allowed'" : "v.esa_policy <> 'allowed'");
        }
        where.flag("v.step_free_entrance", filter.stepFree());
        where.flag("v.animal_free_room", filter.animalFreeRoom());
        if (filter.minCapacity() != null) {
            where.add("v.capacity >= :min_capacity");
            where.bind("min_capacity", filter.minCapacity());
        }
        if (filter.space() != null) {
            where.add(filter.space() == Space.both ? "v.spaces = 'both'" : "v.spaces IN (:space, 'both')");
            where.bind("space", filter.space().name());
        }
        where.equal("v.country", "country", filter.country());
        where.equal("v.program_id", "program_id", filter.programId());
        where.equal("v.status", "status", filter.status() == null ? null : filter.status().name());
        where.updatedSince("v.updated_at", filter.updatedSince());
        return where;
    }

    private Map<String, Optional<Venue>> byIds(List<String> ids) {
        return db.read(handle -> handle.createQuery("SELECT v.*, NULL AS distance FROM venues v WHERE v.id IN " + Sql.IDS)
            .bind("ids", Json.text(ids))
            .map((rs, ctx) -> venue(rs))
            .collectToMap(Venue::id, Optional::of));
    }

    /** The sort key of the last row of a page: its distance (searches near a point) and id. */
    public record SearchAfter(Double distance, String id) {
    }

    private static long seqOf(Handle handle, String id) {
        return handle.createQuery("SELECT seq FROM venues WHERE id = :id").bind("id", id).mapTo(Long.class).one();
    }

    private static void index(Handle handle, long seq, Venue venue) {
        handle.createUpdate("INSERT INTO venue_search (rowid, name, description, city) VALUES (:seq, :name, :description, :city)")
            .bind("seq", seq)
            .bind("name", venue.name())
            .bind("description", venue.description())
            .bind("city", venue.address().city())
            .execute();
    }

    private static void unindex(Handle handle, long seq) {
        handle.createUpdate("DELETE FROM venue_search WHERE rowid = :seq").bind("seq", seq).execute();
    }

    private static Map<String, Object> columns(Venue v) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", v.id());
        c.put("program_id", v.programId());
        c.put("name", v.name());
        c.put("description", v.description());
        c.put("address_line1", v.address().line1());
        c.put("address_line2", v.address().line2());
        c.put("city", v.address().city());
        c.put("region", v.address().region());
        c.put("postal_code", v.address().postalCode());
        c.put("country", v.address().country());
        c.put("latitude", v.latitude());
        c.put("longitude", v.longitude());
        c.put("timezone", v.timezone());
        c.put("capacity", v.capacity());
        c.put("spaces", v.spaces().name());
        c.put("step_free_entrance", v.accessibility().stepFreeEntrance());
        c.put("accessible_restroom", v.accessibility().accessibleRestroom());
        c.put("accessible_parking", v.accessibility().accessibleParking());
        c.put("hearing_loop", v.accessibility().hearingLoop());
        c.put("contact", v.contact() == null ? null : Json.text(v.contact()));
        c.put("status", v.status().name());
        AnimalPolicy policy = v.animalPolicy();
        c.put("esa_policy", policy.emotionalSupportAnimals().name());
        c.put("pets_dog", policy.pets().admits(Species.dog));
        c.put("pets_cat", policy.pets().admits(Species.cat));
        c.put("pets_other", policy.pets().admits(Species.other));
        c.put("animal_free_room", policy.animalFreeRoom());
        c.put("animal_policy", Json.text(policy));
        c.put("created_at", v.createdAt().toEpochMilli());
        c.put("updated_at", v.updatedAt().toEpochMilli());
        return c;
    }

    private static Venue venue(ResultSet rs) throws SQLException {
        String contact = rs.getString("contact");
        return new Venue(rs.getString("id"), rs.getString("program_id"), rs.getString("name"),
            rs.getString("description"),
            new Address(rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("city"),
                rs.getString("region"), rs.getString("postal_code"), rs.getString("country")),
            rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("timezone"),
            Rows.nullableInt(rs, "capacity"), Space.valueOf(rs.getString("spaces")),
            new Accessibility(rs.getBoolean("step_free_entrance"), rs.getBoolean("accessible_restroom"),
                rs.getBoolean("accessible_parking"), rs.getBoolean("hearing_loop")),
            contact == null ? null : Json.parse(contact, CONTACT), VenueStatus.valueOf(rs.getString("status")),
            Json.parse(rs.getString("animal_policy"), ANIMAL_POLICY), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "updated_at"), Rows.nullableDouble(rs, "distance"));
    }
}
