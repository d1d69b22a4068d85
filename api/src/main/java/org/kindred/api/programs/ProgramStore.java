package org.kindred.api.programs;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.kindred.api.db.Database;
import org.kindred.api.db.ReadCache;
import org.kindred.api.db.Rows;
import org.kindred.api.db.Sql;
import org.kindred.api.http.Json;
import org.kindred.api.http.PageRequest;

public final class ProgramStore {
    private static final TypeReference<List<FocusArea>> FOCUS_AREAS = new TypeReference<>() { };
    private static final TypeReference<List<DeliveryMode>> DELIVERY_MODES = new TypeReference<>() { };
    private static final TypeReference<List<CrisisLine>> CRISIS_LINES = new TypeReference<>() { };
    private static final String COLUMNS = """
        p.id, p.slug, p.name, p.description, p.organization_name, p.contact_email, p.website, p.focus_areas,
        p.delivery_modes, p.country, p.timezone, p.status, p.enrollment, p.crisis_lines, p.created_at, p.updated_at""";

    private static final int PROGRAMS_KEPT = 1_000;

    private final Database db;
    private final ReadCache<String, Optional<Program>> kept;

    public ProgramStore(Database db) {
        this.db = db;
        this.kept = new ReadCache<>(db, PROGRAMS_KEPT);
    }

    /** Filters of the program list; null means "any". */
    public record Filter(String viewerId, boolean viewerIsAdmin, String text, FocusArea focusArea,
                         DeliveryMode deliveryMode, String country, ProgramStatus status, Instant updatedSince) {
    }

    /** Read on most requests that touch it, so kept until the next write. */
    public Optional<Program> find(String id) {
        return kept.get(id, key -> db.read(handle -> find(handle, key)));
    }

    public Optional<Program> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM programs p WHERE p.id = :id")
            .bind("id", id)
            .map(ProgramStore::program)
            .findOne();
    }

    /** Programs the viewer may see (active ones, plus those they staff, plus all for admins), by id. */
    public List<Program> list(Filter filter, PageRequest page) {
        return db.read(handle -> handle.createQuery("SELECT " + COLUMNS + """
                 FROM programs p
                WHERE (p.status = 'active' OR :admin OR EXISTS (
                          SELECT 1 FROM program_members m
                           WHERE m.program_id = p.id AND m.user_id = :viewer AND m.role IN ('coordinator', 'mentor')))
                  AND (:status IS NULL OR p.status = :status)
                  AND (:country IS NULL OR p.country = :country)
                  AND (:focus IS NULL OR EXISTS (SELECT 1 FROM json_each(p.focus_areas) WHERE value = :focus))
                  AND (:mode IS NULL OR EXISTS (SELECT 1 FROM json_each(p.delivery_modes) WHERE value = :mode))
                  AND (:like IS NULL OR p.name LIKE :like ESCAPE '!' OR p.description LIKE :like ESCAPE '!')
                  AND (:updated_since IS NULL OR p.updated_at >= :updated_since)
                  AND (:after IS NULL OR p.id > :after)
                ORDER BY p.id
                LIMIT :limit""")
            .bind("admin", filter.viewerIsAdmin())
            .bind("viewer", filter.viewerId())
            .bind("status", filter.status() == null ? null : filter.status().name())
            .bind("country", filter.country())
            .bind("focus", filter.focusArea() == null ? null : filter.focusArea().name())
            .bind("mode", filter.deliveryMode() == null ? null : filter.deliveryMode().name())
            .bind("like", Sql.containsPattern(filter.text()))
            .bind("updated_since", filter.updatedSince() == null ? null : filter.updatedSince().toEpochMilli())
            .bind("after", page.after() == null ? null : page.after().value(0))
            .bind("limit", page.fetchSize())
            .map(ProgramStore::program)
            .list());
    }

    public boolean slugTaken(Handle handle, String slug, String exceptId) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM programs WHERE slug = :slug AND id <> :id)")
            .bind("slug", slug)
            .bind("id", exceptId == null ? "" : exceptId)
            .mapTo(Boolean.class)
            .one();
    }

    public void insert(Handle handle, Program program) {
        handle.createUpdate("""
                INSERT INTO programs (id, slug, name, description, organization_name, contact_email, website, focus_areas,
                    delivery_modes, country, timezone, status, enrollment, crisis_lines, created_at, updated_at)
                VALUES (:id, :slug, :name, :description, :organization_name, :contact_email, :website, :focus_areas,
                    :delivery_modes, :country, :timezone, :status, :enrollment, :crisis_lines, :created_at, :updated_at)""")
            .bindMap(columns(program))
            .execute();
    }

    public void update(Handle handle, Program program) {
        handle.createUpdate("""
                UPDATE programs SET slug = :slug, name = :name, description = :description,
                    organization_name = :organization_name, contact_email = :contact_email, website = :website,
                    focus_areas = :focus_areas, delivery_modes = :delivery_modes, country = :country,
                    timezone = :timezone, status = :status, enrollment = :enrollment, crisis_lines = :crisis_lines,
                    updated_at = :updated_at
                WHERE id = :id""")
            .bindMap(columns(program))
            .execute();
    }

    /**
     * The program's groups and venues change with its status (who may see them), so they count as changed too:
     * a sync by {@code updated_since} then finds those that came into view.
     */
    public void touchContents(Handle handle, String id, Instant now) {
        for (String table : List.of("peer_groups", "venues")) {
            handle.createUpdate("UPDATE " + table + " SET updated_at = :now WHERE program_id = :id")
                .bind("now", now.toEpochMilli())
                .bind("id", id)
                .execute();
        }
    }

    /** Deletes the program and its invitations; fails on a foreign key when anything else still refers to it. */
    public void delete(Handle handle, String id) {
        handle.createUpdate("DELETE FROM invitations WHERE program_id = :id").bind("id", id).execute();
        handle.createUpdate("DELETE FROM programs WHERE id = :id").bind("id", id).execute();
    }

    private static java.util.Map<String, Object> columns(Program p) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("id", p.id());
        columns.put("slug", p.slug());
        columns.put("name", p.name());
        columns.put("description", p.description());
        columns.put("organization_name", p.organizationName());
        columns.put("contact_email", p.contactEmail());
        columns.put("website", p.website());
        columns.put("focus_areas", Json.text(p.focusAreas()));
        columns.put("delivery_modes", Json.text(p.deliveryModes()));
        columns.put("country", p.country());
        columns.put("timezone", p.timezone());
        columns.put("status", p.status().name());
        columns.put("enrollment", p.enrollment().name());
        columns.put("crisis_lines", Json.text(p.crisisLines()));
        columns.put("created_at", p.createdAt().toEpochMilli());
        columns.put("updated_at", p.updatedAt().toEpochMilli());
        return columns;
    }

    private static Program program(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Program(rs.getString("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"),
            rs.getString("organization_name"), rs.getString("contact_email"), rs.getString("website"),
            Json.parse(rs.getString("focus_areas"), FOCUS_AREAS), Json.parse(rs.getString("delivery_modes"), DELIVERY_MODES),
            rs.getString("country"), rs.getString("timezone"), ProgramStatus.valueOf(rs.getString("status")),
            EnrollmentPolicy.valueOf(rs.getString("enrollment")), Json.parse(rs.getString("crisis_lines"), CRISIS_LINES),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
