package org.kindred.api.groups;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Conditions;
import org.kindred.api.db.Database;
import org.kindred.api.db.PageKey;
import org.kindred.api.db.ReadCache;
import org.kindred.api.db.Rows;
import org.kindred.api.db.Sql;
import org.kindred.api.http.Json;
import org.kindred.api.http.PageRequest;
import org.kindred.api.venues.VenueLocations;

public final class GroupStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<LocalDate>> DATES = new TypeReference<>() { };
    /** Its venue admits pets, or pets are welcome online. */
    private static final String PET_FRIENDLY = """
        ((g.format <> 'virtual' AND COALESCE(v.pets_dog + v.pets_cat + v.pets_other, 0) > 0)
          OR (g.format <> 'in_person' AND g.pets_welcome_online = 1))""";
    private static final String FROM = " FROM peer_groups g LEFT JOIN venues v ON v.id = g.venue_id";
    /** A group with its facilitators and whether it is pet-friendly. */
    private static final String SELECT = """
        SELECT g.*,
               (SELECT json_group_array(f.user_id) FROM group_facilitators f WHERE f.group_id = g.id) AS facilitators,
        """ + PET_FRIENDLY + " AS pet_friendly" + FROM + "\n";
    /** The viewer is an admin, a coordinator of the group's program, or one of its facilitators or members. */
    private static final String INSIDER = """
        (:admin
         OR g.program_id IN (SELECT m.program_id FROM program_members m WHERE m.user_id = :viewer AND m.role = 'coordinator')
         OR g.id IN (SELECT f.group_id FROM group_facilitators f WHERE f.user_id = :viewer)
         OR g.id IN (SELECT gm.group_id FROM group_members gm WHERE gm.user_id = :viewer AND gm.status = 'active'))""";

    private static final int GROUPS_KEPT = 5_000;
    private static final int PAGES_KEPT = 1_000;

    private final Database db;
    private final VenueLocations venueLocations;
    private final ReadCache<String, Optional<Group>> kept;
    private final ReadCache<PageKey, Map<String, Boolean>> keptPages;

    public GroupStore(Database db, VenueLocations venueLocations) {
        this.db = db;
        this.venueLocations = venueLocations;
        this.kept = new ReadCache<>(db, GROUPS_KEPT);
        this.keptPages = new ReadCache<>(db, PAGES_KEPT);
    }

    /** Read on most requests that touch it, so kept until the next write. */
    public Optional<Group> find(String id) {
        return kept.get(id, key -> db.read(handle -> find(handle, key)));
    }

    public Optional<Group> find(Handle handle, String id) {
        return handle.createQuery(SELECT + " WHERE g.id = :id")
            .bind("id", id)
            .map((rs, ctx) -> group(rs))
            .findOne();
    }

    /** A group of a list, and whether the viewer is one of its {@link #INSIDER}s. */
    public record Listed(Group group, boolean insider) {
    }

    /** Groups matching the filter that the viewer may see, by id. */
    public List<Listed> list(GroupFilter filter, PageRequest page) {
        Conditions where = new Conditions();
        where.add("((g.status IN ('active', 'paused') AND g.program_id IN (SELECT p.id FROM programs p WHERE p.status = 'active'))"
            + " OR " + INSIDER + ")");
        where.bind("admin", filter.viewerIsAdmin());
        where.bind("viewer", filter.viewerId());
        if (filter.text() != null) {
            where.add("(g.name LIKE :like ESCAPE '!' OR g.description LIKE :like ESCAPE '!')");
            where.bind("like", Sql.containsPattern(filter.text()));
        }
        where.equal("g.program_id", "program_id", filter.programId());
        where.equal("g.format", "format", filter.format() == null ? null : filter.format().name());
        where.equal("g.status", "status", filter.status() == null ? null : filter.status().name());
        where.updatedSince("g.updated_at", filter.updatedSince());
        if (filter.topic() != null) {
            where.add("EXISTS (SELECT 1 FROM json_each(g.topics) WHERE value = :topic)");
            where.bind("topic", filter.topic());
        }
        where.speaks("g.languages", filter.language());
        if (filter.day() != null) {
            where.add("(g.weekdays & :day_bit) <> 0");
            where.bind("day_bit", 1 << filter.day());
        }
        if (filter.near() != null) {
            // Each group's venue is looked up once: the venues in reach can be many more than the groups.
            where.add("(SELECT nv.seq FROM venues nv WHERE nv.id = g.venue_id) IN (SELECT value FROM json_each(:near_venues))");
            where.bind("near_venues", VenueLocations.keys(venueLocations.within(filter.near(), null)));
        }
        if (filter.animalsPresent() != null) {
            where.add("g.animals_present = " + (filter.animalsPresent() ? 1 : 0));
        }
        String sql = "SELECT id, insider FROM (SELECT g.id, " + PET_FRIENDLY + " AS pet_friendly, " + INSIDER + " AS insider"
            + FROM + " WHERE " + where.sql() + ")"
            + " WHERE (:after IS NULL OR id > :after)"
            + (filter.petFriendly() == null ? "" : " AND pet_friendly = " + (filter.petFriendly() ? 1 : 0))
            + " ORDER BY id LIMIT :limit";
        where.bind("after", page.after() == null ? null : page.after().value(0));
        where.bind("limit", page.fetchSize());
        // The page's ids are kept until a write, and its groups are read by id, mostly from memory, like one group is.
        Map<String, Boolean> insiders = keptPages.get(new PageKey(sql, where.binds()), this::pageIds);
        return kept.getAll(List.copyOf(insiders.keySet()), this::byIds).stream()
            .flatMap(Optional::stream)
            .map(group -> new Listed(group, insiders.get(group.id())))
            .toList();
    }

    /** The ids of a page of {@link #list}, in order, each with whether the viewer is an insider of its group. */
    private Map<String, Boolean> pageIds(PageKey page) {
        return Collections.unmodifiableMap(db.read(handle -> handle.createQuery(page.query()).bindMap(page.binds())
            .reduceResultSet(new LinkedHashMap<>(), (rows, rs, ctx) -> {
                rows.put(rs.getString("id"), rs.getBoolean("insider"));
                return rows;
            })));
    }

    private Map<String, Optional<Group>> byIds(List<String> ids) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE g.id IN " + Sql.IDS)
            .bind("ids", Json.text(ids))
            .map((rs, ctx) -> group(rs))
            .collectToMap(Group::id, Optional::of));
    }

    /** Active and paused groups of active programs, for the public feed. */
    public List<Group> listPublic() {
        return db.read(handle -> handle.createQuery(SELECT + """
                 WHERE g.status IN ('active', 'paused')
                   AND g.program_id IN (SELECT p.id FROM programs p WHERE p.status = 'active')
                 ORDER BY g.id""")
            .map((rs, ctx) -> group(rs))
            .list());
    }

    public boolean slugTaken(Handle handle, String slug, String exceptId) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM peer_groups WHERE slug = :slug AND id <> :id)")
            .bind("slug", slug)
            .bind("id", exceptId == null ? "" : exceptId)
            .mapTo(Boolean.class)
            .one();
    }

    public boolean isFacilitator(String groupId, String userId) {
        return db.read(handle -> handle.createQuery(
                "SELECT EXISTS (SELECT 1 FROM group_facilitators WHERE group_id = :group AND user_id = :user)")
            .bind("group", groupId)
            .bind("user", userId)
            .mapTo(Boolean.class)
            .one());
    }

    /** Names of the groups meeting at a venue, for refusing to delete it. */
    public List<String> namesAtVenue(Handle handle, String venueId) {
        return handle.createQuery("SELECT name FROM peer_groups WHERE venue_id = :venue ORDER BY name")
            .bind("venue", venueId)
            .mapTo(String.class)
            .list();
    }

    public void insert(Handle handle, Group group, int weekdays) {
        handle.createUpdate("""
                INSERT INTO peer_groups (id, program_id, slug, name, description, topics, languages, format, venue_id,
                    conference_url, conference_notes, publish_conference_url, membership_policy, capacity_in_person,
                    capacity_online, timezone, rrule, start_date, start_time, duration_minutes, exception_dates,
                    weekdays, status, pets_welcome_online, animals_present, created_at, updated_at)
                VALUES (:id, :program_id, :slug, :name, :description, :topics, :languages, :format, :venue_id,
                    :conference_url, :conference_notes, :publish_conference_url, :membership_policy,
                    :capacity_in_person, :capacity_online, :timezone, :rrule, :start_date, :start_time,
                    :duration_minutes, :exception_dates, :weekdays, :status, :pets_welcome_online, :animals_present,
                    :created_at, :updated_at)""")
            .bindMap(columns(group, weekdays))
            .execute();
        replaceFacilitators(handle, group);
    }

    public void update(Handle handle, Group group, int weekdays) {
        handle.createUpdate("""
                UPDATE peer_groups SET program_id = :program_id, slug = :slug, name = :name, description = :description,
                    topics = :topics, languages = :languages, format = :format, venue_id = :venue_id,
                    conference_url = :conference_url, conference_notes = :conference_notes,
                    publish_conference_url = :publish_conference_url, membership_policy = :membership_policy,
                    capacity_in_person = :capacity_in_person, capacity_online = :capacity_online,
                    timezone = :timezone, rrule = :rrule, start_date = :start_date, start_time = :start_time,
                    duration_minutes = :duration_minutes, exception_dates = :exception_dates, weekdays = :weekdays,
                    status = :status, pets_welcome_online = :pets_welcome_online, animals_present = :animals_present,
                    updated_at = :updated_at
                WHERE id = :id""")
            .bindMap(columns(group, weekdays))
            .execute();
        replaceFacilitators(handle, group);
    }

    public void delete(Handle handle, String id) {
        handle.createUpdate("DELETE FROM peer_groups WHERE id = :id").bind("id", id).execute();
    }

    private static void replaceFacilitators(Handle handle, Group group) {
        handle.createUpdate("DELETE FROM group_facilitators WHERE group_id = :id").bind("id", group.id()).execute();
        for (String userId : group.facilitatorIds()) {
            handle.createUpdate("INSERT INTO group_facilitators (group_id, user_id) VALUES (:group, :user)")
                .bind("group", group.id())
                .bind("user", userId)
                .execute();
        }
    }


    private static Map<String, Object> columns(Group g, int weekdays) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", g.id());
        c.put("program_id", g.programId());
        c.put("slug", g.slug());
        c.put("name", g.name());
        c.put("description", g.description());
        c.put("topics", Json.text(g.topics()));
        c.put("languages", Json.text(g.languages()));
        c.put("format", g.format().name());
        c.put("venue_id", g.venueId());
        c.put("conference_url", g.conferenceUrl());
        c.put("conference_notes", g.conferenceNotes());
        c.put("publish_conference_url", g.publishConferenceUrl());
        c.put("membership_policy", g.membershipPolicy().name());
        c.put("capacity_in_person", g.capacity().inPerson());
        c.put("capacity_online", g.capacity().online());
        c.put("timezone", g.timezone());
        c.put("rrule", g.schedule().rrule());
        c.put("start_date", g.schedule().startDate().toString());
        c.put("start_time", g.schedule().startTime());
        c.put("duration_minutes", g.schedule().durationMinutes());
        c.put("exception_dates", Json.text(g.schedule().exceptionDates()));
        c.put("weekdays", weekdays);
        c.put("status", g.status().name());
        c.put("pets_welcome_online", g.petsWelcomeOnline());
        c.put("animals_present", g.animalsPresent());
        c.put("created_at", g.createdAt().toEpochMilli());
        c.put("updated_at", g.updatedAt().toEpochMilli());
        return c;
    }

    private static Group group(ResultSet rs) throws SQLException {
        List<String> facilitators = new ArrayList<>(Json.parse(rs.getString("facilitators"), STRINGS));
        facilitators.sort(null);
        return new Group(rs.getString("id"), rs.getString("program_id"), rs.getString("name"), rs.getString("slug"),
            rs.getString("description"), Json.parse(rs.getString("topics"), STRINGS),
            Json.parse(rs.getString("languages"), STRINGS), GroupFormat.valueOf(rs.getString("format")),
            rs.getString("venue_id"), rs.getString("conference_url"), rs.getString("conference_notes"),
            rs.getBoolean("publish_conference_url"), List.copyOf(facilitators),
            MembershipPolicy.valueOf(rs.getString("membership_policy")), new Capacity(Rows.nullableInt(rs, "capacity_in_person"), Rows.nullableInt(rs, "capacity_online")),
            rs.getString("timezone"),
            new Schedule(rs.getString("rrule"), LocalDate.parse(rs.getString("start_date")), rs.getString("start_time"),
                rs.getInt("duration_minutes"), Json.parse(rs.getString("exception_dates"), DATES)),
            GroupStatus.valueOf(rs.getString("status")), rs.getBoolean("pets_welcome_online"),
            rs.getBoolean("animals_present"), rs.getBoolean("pet_friendly"), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "updated_at"));
    }
}
