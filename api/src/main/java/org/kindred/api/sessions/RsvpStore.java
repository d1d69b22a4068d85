package org.kindred.api.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.http.PageRequest;

/** RSVPs, one per member and session; the waitlist is ordered by the time people joined it. */
public final class RsvpStore {
    private static final String SELECT = """
        SELECT r.seq, r.group_id, r.occurrence_at, r.user_id, u.display_name, r.mode, r.status, r.queued_at, r.updated_at,
               CASE WHEN r.status = 'waitlisted' THEN (
                   SELECT count(*) FROM rsvps w
                    WHERE w.group_id = r.group_id AND w.occurrence_at = r.occurrence_at AND w.mode = r.mode
                      AND w.status = 'waitlisted' AND (w.queued_at < r.queued_at OR (w.queued_at = r.queued_at AND w.seq <= r.seq)))
               END AS position
          FROM rsvps r JOIN users u ON u.id = r.user_id
        """;
    /** The group's RSVPs for sessions starting at or after {@code :from}; a moved session counts by where it is now. */
    private static final String COMING = """
        FROM rsvps r
          LEFT JOIN session_overrides o ON o.group_id = r.group_id AND o.occurrence_at = r.occurrence_at
        WHERE r.group_id = :group AND COALESCE(o.starts_at, r.occurrence_at) >= :from""";

    /** An RSVP row with the key to page by. */
    record Row(long seq, Rsvp rsvp) {
    }

    /** Seats taken and people waiting in one mode of one session. */
    record Count(Instant occurrenceAt, AttendanceMode mode, RsvpStatus status, int count) {
    }

    private final Database db;

    public RsvpStore(Database db) {
        this.db = db;
    }

    Optional<Row> find(Handle handle, SessionId session, String userId) {
        return handle.createQuery(SELECT + " WHERE r.group_id = :group AND r.occurrence_at = :at AND r.user_id = :user")
            .bind("group", session.groupId())
            .bind("at", session.occurrenceAt().toEpochMilli())
            .bind("user", userId)
            .map((rs, ctx) -> row(rs))
            .findOne();
    }

    List<Row> list(SessionId session, PageRequest page) {
        return db.read(handle -> handle.createQuery(SELECT + """
                 WHERE r.group_id = :group AND r.occurrence_at = :at AND (:after IS NULL OR r.seq > :after)
                 ORDER BY r.seq LIMIT :limit""")
            .bind("group", session.groupId())
            .bind("at", session.occurrenceAt().toEpochMilli())
            .bind("after", page.after() == null ? null : Long.valueOf(page.after().value(0)))
            .bind("limit", page.fetchSize())
            .map((rs, ctx) -> row(rs))
            .list());
    }

    List<Rsvp> allOf(String userId) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE r.user_id = :user ORDER BY r.seq")
            .bind("user", userId)
            .map((rs, ctx) -> row(rs).rsvp())
            .list());
    }

    /** Going and waitlisted counts of the group's sessions scheduled in [from, to]. */
    List<Count> counts(String groupId, Instant from, Instant to) {
        return db.read(handle -> handle.createQuery("""
                SELECT occurrence_at, mode, status, count(*) AS n FROM rsvps
                WHERE group_id = :group AND occurrence_at BETWEEN :from AND :to AND status <> 'cancelled'
                GROUP BY occurrence_at, mode, status""")
            .bind("group", groupId)
            .bind("from", from.toEpochMilli())
            .bind("to", to.toEpochMilli())
            .map((rs, ctx) -> new Count(Rows.instant(rs, "occurrence_at"), AttendanceMode.valueOf(rs.getString("mode")),
                RsvpStatus.valueOf(rs.getString("status")), rs.getInt("n")))
            .list());
    }

    int going(Handle handle, SessionId session, AttendanceMode mode) {
        return handle.createQuery("""
                SELECT count(*) FROM rsvps
                WHERE group_id = :group AND occurrence_at = :at AND mode = :mode AND status = 'going'""")
            .bind("group", session.groupId())
            .bind("at", session.occurrenceAt().toEpochMilli())
            .bind("mode", mode.name())
            .mapTo(Integer.class)
            .one();
    }

    /** The member first in line for a seat in this mode, if anyone waits. */
    Optional<String> firstWaiting(Handle handle, SessionId session, AttendanceMode mode) {
        return handle.createQuery("""
                SELECT user_id FROM rsvps
                WHERE group_id = :group AND occurrence_at = :at AND mode = :mode AND status = 'waitlisted'
                ORDER BY queued_at, seq LIMIT 1""")
            .bind("group", session.groupId())
            .bind("at", session.occurrenceAt().toEpochMilli())
            .bind("mode", mode.name())
            .mapTo(String.class)
            .findOne();
    }

    /**
     * Sessions of the group starting at or after {@code from} where the member holds or waits for a seat; a moved
     * session counts by where it is now, not where the schedule put it.
     */
    List<SessionId> comingSeatsOf(Handle handle, String groupId, String userId, Instant from) {
        return handle.createQuery("SELECT r.occurrence_at " + COMING
                + " AND r.user_id = :user AND r.status <> 'cancelled'")
            .bind("group", groupId)
            .bind("user", userId)
            .bind("from", from.toEpochMilli())
            .map((rs, ctx) -> new SessionId(groupId, Rows.instant(rs, "occurrence_at")))
            .list();
    }

    /** A waitlist: one mode of one session. */
    record Line(SessionId session, AttendanceMode mode) {
    }

    /** The waitlists of the group's sessions starting at or after {@code from}, but for cancelled ones. */
    List<Line> comingLines(Handle handle, String groupId, Instant from) {
        return handle.createQuery("SELECT DISTINCT r.occurrence_at, r.mode " + COMING
                + " AND r.status = 'waitlisted' AND COALESCE(o.status, '') <> 'cancelled'")
            .bind("group", groupId)
            .bind("from", from.toEpochMilli())
            .map((rs, ctx) -> new Line(new SessionId(groupId, Rows.instant(rs, "occurrence_at")),
                AttendanceMode.valueOf(rs.getString("mode"))))
            .list();
    }

    /** Sets the member's answer; joining a waitlist (again, or another mode's) puts them at its end. */
    void save(Handle handle, SessionId session, String userId, AttendanceMode mode, RsvpStatus status, Instant now) {
        handle.createUpdate("""
                INSERT INTO rsvps (group_id, occurrence_at, user_id, mode, status, queued_at, updated_at)
                VALUES (:group, :at, :user, :mode, :status, :now, :now)
                ON CONFLICT (group_id, occurrence_at, user_id) DO UPDATE SET mode = excluded.mode,
                    status = excluded.status,
                    queued_at = CASE WHEN excluded.status = 'waitlisted'
                                          AND (rsvps.status <> 'waitlisted' OR rsvps.mode <> excluded.mode)
                                     THEN excluded.queued_at ELSE rsvps.queued_at END,
                    updated_at = excluded.updated_at""")
            .bind("group", session.groupId())
            .bind("at", session.occurrenceAt().toEpochMilli())
            .bind("user", userId)
            .bind("mode", mode.name())
            .bind("status", status.name())
            .bind("now", now.toEpochMilli())
            .execute();
    }

    private static Row row(ResultSet rs) throws SQLException {
        SessionId session = new SessionId(rs.getString("group_id"), Rows.instant(rs, "occurrence_at"));
        return new Row(rs.getLong("seq"), new Rsvp(session.encode(), rs.getString("user_id"), rs.getString("display_name"),
            RsvpStatus.valueOf(rs.getString("status")), AttendanceMode.valueOf(rs.getString("mode")),
            Rows.nullableInt(rs, "position"), Rows.instant(rs, "updated_at")));
    }
}
