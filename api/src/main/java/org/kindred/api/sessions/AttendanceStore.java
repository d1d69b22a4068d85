package org.kindred.api.sessions;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;

public final class AttendanceStore {
    private final Database db;

    public AttendanceStore(Database db) {
        this.db = db;
    }

    void save(Handle handle, SessionId session, AttendanceUpdate.Entry entry, String recordedBy, Instant now) {
        handle.createUpdate("""
                INSERT INTO attendance (group_id, occurrence_at, user_id, status, recorded_by, recorded_at)
                VALUES (:group, :at, :user, :status, :by, :now)
                ON CONFLICT (group_id, occurrence_at, user_id) DO UPDATE SET status = excluded.status,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
            .bind("group", session.groupId())
            .bind("at", session.occurrenceAt().toEpochMilli())
            .bind("user", entry.userId())
            .bind("status", entry.status().name())
            .bind("by", recordedBy)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    List<AttendanceRecord> list(SessionId session) {
        return db.read(handle -> handle.createQuery("""
                SELECT a.user_id, u.display_name, a.status, a.recorded_at
                  FROM attendance a JOIN users u ON u.id = a.user_id
                 WHERE a.group_id = :group AND a.occurrence_at = :at
                 ORDER BY u.display_name, a.user_id""")
            .bind("group", session.groupId())
            .bind("at", session.occurrenceAt().toEpochMilli())
            .map((rs, ctx) -> new AttendanceRecord(rs.getString("user_id"), rs.getString("display_name"),
                AttendanceStatus.valueOf(rs.getString("status")), Rows.instant(rs, "recorded_at")))
            .list());
    }

    List<OwnAttendance> allOf(String userId) {
        return db.read(handle -> handle.createQuery("""
                SELECT group_id, occurrence_at, status, recorded_at FROM attendance
                 WHERE user_id = :user ORDER BY occurrence_at, group_id""")
            .bind("user", userId)
            .map((rs, ctx) -> new OwnAttendance(
                new SessionId(rs.getString("group_id"), Rows.instant(rs, "occurrence_at")).encode(),
                rs.getString("group_id"), AttendanceStatus.valueOf(rs.getString("status")), Rows.instant(rs, "recorded_at")))
            .list());
    }
}
