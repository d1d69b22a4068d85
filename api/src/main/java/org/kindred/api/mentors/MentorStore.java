package org.kindred.api.mentors;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Conditions;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.http.Json;
import org.kindred.api.http.PageRequest;
import org.kindred.api.programs.FocusArea;

public final class MentorStore {
    private static final TypeReference<List<FocusArea>> AREAS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<MentorMode>> MODES = new TypeReference<>() { };
    private static final TypeReference<List<Certification>> CERTIFICATIONS = new TypeReference<>() { };
    private static final TypeReference<ContactWindow> WINDOW = new TypeReference<>() { };
    private static final TypeReference<TrainedAnimal> ANIMAL = new TypeReference<>() { };
    private static final String SELECT = """
        SELECT * FROM (
            SELECT mp.*, u.display_name,
                   (SELECT count(*) FROM mentorships ms WHERE ms.mentor_id = mp.id AND ms.status = 'active') AS active_mentees
              FROM mentor_profiles mp JOIN users u ON u.id = mp.user_id)
        """;

    private final Database db;

    public MentorStore(Database db) {
        this.db = db;
    }

    Optional<Mentor> find(String id, LocalDate today) {
        return db.read(handle -> find(handle, id, today));
    }

    Optional<Mentor> find(Handle handle, String id, LocalDate today) {
        return handle.createQuery(SELECT + " WHERE id = :id")
            .bind("id", id)
            .map((rs, ctx) -> mentor(rs, today))
            .findOne();
    }

    Optional<Mentor> findByUser(Handle handle, String programId, String userId, LocalDate today) {
        return handle.createQuery(SELECT + " WHERE program_id = :program AND user_id = :user")
            .bind("program", programId)
            .bind("user", userId)
            .map((rs, ctx) -> mentor(rs, today))
            .findOne();
    }

    /** Every mentor profile of the person, withdrawn ones too: for their data export. */
    List<Mentor> allOf(String userId, LocalDate today) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE user_id = :user ORDER BY id")
            .bind("user", userId)
            .map((rs, ctx) -> mentor(rs, today))
            .list());
    }

    /** The program's mentors who are active and have room for another mentee. */
    List<Mentor> accepting(String programId, LocalDate today) {
        return db.read(handle -> handle.createQuery(SELECT
                + " WHERE program_id = :program AND status = 'active' AND capacity > active_mentees ORDER BY id")
            .bind("program", programId)
            .map((rs, ctx) -> mentor(rs, today))
            .list());
    }

    /** Mentors of the programs the viewer belongs to (all for admins); withdrawn ones only for coordinators. */
    List<Mentor> list(MentorFilter filter, PageRequest page, LocalDate today) {
        Conditions where = new Conditions();
        where.add("""
            (:admin OR user_id = :viewer
             OR program_id IN (SELECT m.program_id FROM program_members m WHERE m.user_id = :viewer AND m.role = 'coordinator')
             OR (status <> 'withdrawn'
                 AND program_id IN (SELECT m.program_id FROM program_members m WHERE m.user_id = :viewer)))""");
        where.bind("admin", filter.viewerIsAdmin());
        where.bind("viewer", filter.viewerId());
        where.equal("program_id", "program", filter.programId());
        where.speaks("languages", filter.language());
        if (filter.livedExperience() != null) {
            where.add("EXISTS (SELECT 1 FROM json_each(lived_experience) WHERE value = :area)");
            where.bind("area", filter.livedExperience().name());
        }
        if (filter.mode() != null) {
            where.add("EXISTS (SELECT 1 FROM json_each(modes) WHERE value = :mode)");
            where.bind("mode", filter.mode().name());
        }
        if (filter.accepting() != null) {
            where.add(filter.accepting() ? "(status = 'active' AND capacity > active_mentees)"
                : "NOT (status = 'active' AND capacity > active_mentees)");
        }
        where.equal("status", "status", filter.status() == null ? null : filter.status().name());
        where.updatedSince("updated_at", filter.updatedSince());
        where.add("(:after IS NULL OR id > :after)");
        where.bind("after", page.after() == null ? null : page.after().value(0));
        where.bind("limit", page.fetchSize());
        String sql = SELECT + " WHERE " + where.sql() + " ORDER BY id LIMIT :limit";
        return db.read(handle -> handle.createQuery(sql).bindMap(where.binds()).map((rs, ctx) -> mentor(rs, today)).list());
    }

    /**
     * Facilitators must be mentors of the group's program: someone who loses the mentor role stops facilitating
     * its groups at once, and those groups change (their facilitators), so syncs by updated_at see them.
     */
    void stopFacilitating(Handle handle, String programId, String userId, Instant now) {
        handle.createUpdate("""
                UPDATE peer_groups SET updated_at = :now
                WHERE program_id = :program AND id IN (SELECT group_id FROM group_facilitators WHERE user_id = :user)""")
            .bind("program", programId)
            .bind("user", userId)
            .bind("now", now.toEpochMilli())
            .execute();
        handle.createUpdate("""
                DELETE FROM group_facilitators
                WHERE user_id = :user AND group_id IN (SELECT id FROM peer_groups WHERE program_id = :program)""")
            .bind("program", programId)
            .bind("user", userId)
            .execute();
    }

    /** Makes a profile for a new mentor role, or reopens a withdrawn one. */
    void ensure(Handle handle, String id, String programId, String userId, String timezone, Instant now) {
        handle.createUpdate("""
                INSERT INTO mentor_profiles (id, program_id, user_id, lived_experience, languages, modes, timezone,
                    capacity, certifications, status, created_at, updated_at)
                VALUES (:id, :program, :user, '[]', '[]', '[]', :timezone, 0, '[]', 'active', :now, :now)
                ON CONFLICT (program_id, user_id) DO UPDATE SET status = 'active', updated_at = excluded.updated_at
                WHERE mentor_profiles.status = 'withdrawn'""")
            .bind("id", id)
            .bind("program", programId)
            .bind("user", userId)
            .bind("timezone", timezone)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    void update(Handle handle, String id, MentorInput in, Instant now) {
        handle.createUpdate("""
                UPDATE mentor_profiles SET bio = :bio, lived_experience = :areas, languages = :languages, modes = :modes,
                    timezone = :timezone, capacity = :capacity, certifications = :certifications,
                    contact_window = :window, trained_animal = :animal, status = :status, updated_at = :now
                WHERE id = :id""")
            .bind("id", id)
            .bind("bio", in.bio())
            .bind("areas", Json.text(in.livedExperience()))
            .bind("languages", Json.text(in.languages()))
            .bind("modes", Json.text(in.modes()))
            .bind("timezone", in.timezone())
            .bind("capacity", in.capacity())
            .bind("certifications", Json.text(in.certifications()))
            .bind("window", in.contactWindow() == null ? null : Json.text(in.contactWindow()))
            .bind("animal", in.trainedAnimal() == null ? null : Json.text(in.trainedAnimal()))
            .bind("status", in.status().name())
            .bind("now", now.toEpochMilli())
            .execute();
    }

    private static Mentor mentor(ResultSet rs, LocalDate today) throws SQLException {
        String window = rs.getString("contact_window");
        String animal = rs.getString("trained_animal");
        MentorStatus status = MentorStatus.valueOf(rs.getString("status"));
        int capacity = rs.getInt("capacity");
        int active = rs.getInt("active_mentees");
        return new Mentor(rs.getString("id"), rs.getString("program_id"), rs.getString("user_id"),
            rs.getString("display_name"), rs.getString("bio"), Json.parse(rs.getString("lived_experience"), AREAS),
            Json.parse(rs.getString("languages"), STRINGS), Json.parse(rs.getString("modes"), MODES),
            rs.getString("timezone"), capacity,
            Json.parse(rs.getString("certifications"), CERTIFICATIONS).stream().map(c -> c.held(today)).toList(),
            window == null ? null : Json.parse(window, WINDOW), animal == null ? null : Json.parse(animal, ANIMAL),
            status, active, Mentor.freeCapacity(status, capacity, active), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "updated_at"));
    }
}
