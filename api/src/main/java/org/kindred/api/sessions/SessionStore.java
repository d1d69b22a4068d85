package org.kindred.api.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;

/** The sessions a facilitator changed: cancelled, moved, or given a note. Other sessions have no row. */
public final class SessionStore {

    /** A stored change to the session the schedule put at {@code occurrenceAt}. */
    record Override(Instant occurrenceAt, SessionStatus status, Instant startsAt, Instant endsAt, String note) {
    }

    private final Database db;

    public SessionStore(Database db) {
        this.db = db;
    }

    /** Overrides of sessions scheduled in [from, to) or moved into it. */
    List<Override> overlapping(String groupId, Instant from, Instant to) {
        return db.read(handle -> handle.createQuery("""
                SELECT * FROM session_overrides
                WHERE group_id = :group
                  AND ((occurrence_at >= :from AND occurrence_at < :to) OR (starts_at >= :from AND starts_at < :to))""")
            .bind("group", groupId)
            .bind("from", from.toEpochMilli())
            .bind("to", to.toEpochMilli())
            .map((rs, ctx) -> override(rs))
            .list());
    }

    /** Every override of the group, for its calendar. */
    List<Override> all(String groupId) {
        return db.read(handle -> handle.createQuery("SELECT * FROM session_overrides WHERE group_id = :group ORDER BY occurrence_at")
            .bind("group", groupId)
            .map((rs, ctx) -> override(rs))
            .list());
    }

    Optional<Override> find(Handle handle, SessionId id) {
        return handle.createQuery("SELECT * FROM session_overrides WHERE group_id = :group AND occurrence_at = :at")
            .bind("group", id.groupId())
            .bind("at", id.occurrenceAt().toEpochMilli())
            .map((rs, ctx) -> override(rs))
            .findOne();
    }

    void save(Handle handle, String groupId, Override change, Instant now) {
        handle.createUpdate("""
                INSERT INTO session_overrides (group_id, occurrence_at, status, starts_at, ends_at, note, updated_at)
                VALUES (:group, :at, :status, :starts, :ends, :note, :now)
                ON CONFLICT (group_id, occurrence_at) DO UPDATE SET status = excluded.status,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at, note = excluded.note,
                    updated_at = excluded.updated_at""")
            .bind("group", groupId)
            .bind("at", change.occurrenceAt().toEpochMilli())
            .bind("status", change.status().name())
            .bind("starts", change.startsAt().toEpochMilli())
            .bind("ends", change.endsAt().toEpochMilli())
            .bind("note", change.note())
            .bind("now", now.toEpochMilli())
            .execute();
    }

    private static Override override(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Override(Rows.instant(rs, "occurrence_at"), SessionStatus.valueOf(rs.getString("status")),
            Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at"), rs.getString("note"));
    }
}
