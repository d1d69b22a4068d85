package org.kindred.api.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.checkins.SafetyLevel;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.http.PageRequest;

public final class AlertStore {
    private static final String SELECT = """
        SELECT a.*, p.display_name AS participant_display_name, k.display_name AS acknowledged_by_display_name
          FROM alerts a
          JOIN users p ON p.id = a.participant_id
          LEFT JOIN users k ON k.id = a.acknowledged_by
        """;
    /**
     * The caller coordinates the alert's program now (a coordinator appointed later takes up what is waiting), or
     * received it and still stands where that put them: a mentor still supporting the participant, or an admin while
     * the program has no coordinator but the participant (admins are told when there is nobody else). Someone whose
     * role ended no longer reads the program's alerts, and nobody reads the alerts about themself.
     */
    private static final String VISIBLE = """
         a.participant_id <> :user
         AND (EXISTS (SELECT 1 FROM program_members m
                   WHERE m.user_id = :user AND m.program_id = a.program_id AND m.role = 'coordinator')
          OR EXISTS (SELECT 1 FROM alert_recipients r WHERE r.alert_id = a.id AND r.user_id = :user)
             AND (EXISTS (SELECT 1 FROM mentorships s
                           WHERE s.mentor_user_id = :user AND s.participant_id = a.participant_id
                             AND s.program_id = a.program_id AND s.status IN ('active', 'continuing'))
                  OR EXISTS (SELECT 1 FROM users u WHERE u.id = :user AND u.is_admin = 1)
                     AND NOT EXISTS (SELECT 1 FROM program_members c
                                      WHERE c.program_id = a.program_id AND c.role = 'coordinator'
                                        AND c.user_id <> a.participant_id)))
        """;

    private final Database db;

    public AlertStore(Database db) {
        this.db = db;
    }

    void insert(Handle handle, String id, String programId, String participantId, SafetyLevel level,
                Collection<String> recipients, Instant now) {
        handle.createUpdate("""
                INSERT INTO alerts (id, program_id, participant_id, level, created_at)
                VALUES (:id, :program, :participant, :level, :now)""")
            .bind("id", id)
            .bind("program", programId)
            .bind("participant", participantId)
            .bind("level", level.name())
            .bind("now", now.toEpochMilli())
            .execute();
        for (String recipient : recipients) {
            handle.createUpdate("INSERT INTO alert_recipients (alert_id, user_id) VALUES (:alert, :user)")
                .bind("alert", id)
                .bind("user", recipient)
                .execute();
        }
    }

    /** Who should hear that the participant needs support: their supporting mentors and the program's coordinators. */
    List<String> recipients(Handle handle, String programId, String participantId) {
        return handle.createQuery("""
                SELECT mentor_user_id FROM mentorships
                 WHERE program_id = :program AND participant_id = :participant AND status IN ('active', 'continuing')
                UNION
                SELECT user_id FROM program_members WHERE program_id = :program AND role = 'coordinator'""")
            .bind("program", programId)
            .bind("participant", participantId)
            .mapTo(String.class)
            .list()
            .stream()
            .filter(user -> !user.equals(participantId))
            .toList();
    }

    /** Who hears of an alert when the program has no coordinator and the participant no mentor to tell. */
    List<String> admins(Handle handle, String participantId) {
        return handle.createQuery("SELECT id FROM users WHERE is_admin = 1 AND id <> :participant")
            .bind("participant", participantId)
            .mapTo(String.class)
            .list();
    }

    Optional<Alert> findFor(Handle handle, String id, String recipientId) {
        return handle.createQuery(SELECT + " WHERE a.id = :id AND " + VISIBLE)
            .bind("id", id)
            .bind("user", recipientId)
            .map((rs, ctx) -> alert(rs))
            .findOne();
    }

    /** Newest first. */
    List<Alert> listFor(String recipientId, Boolean acknowledged, PageRequest page) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE " + VISIBLE + """
                   AND (:acknowledged IS NULL OR (a.acknowledged_at IS NOT NULL) = :acknowledged)
                   AND (:after IS NULL OR a.id < :after)
                 ORDER BY a.id DESC LIMIT :limit""")
            .bind("user", recipientId)
            .bind("acknowledged", acknowledged)
            .bind("after", page.after() == null ? null : page.after().value(0))
            .bind("limit", page.fetchSize())
            .map((rs, ctx) -> alert(rs))
            .list());
    }

    /** Alerts about the participant, for their data export: what was raised and when, not who received it. */
    List<Alert> about(String participantId) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE a.participant_id = :participant ORDER BY a.id")
            .bind("participant", participantId)
            .map((rs, ctx) -> alert(rs))
            .list());
    }

    /** Whether this call acknowledged it: an alert someone has already taken up keeps its first acknowledgement. */
    boolean acknowledge(Handle handle, String id, String userId, Instant now) {
        return handle.createUpdate("""
                UPDATE alerts SET acknowledged_at = :now, acknowledged_by = :user
                WHERE id = :id AND acknowledged_at IS NULL""")
            .bind("id", id)
            .bind("user", userId)
            .bind("now", now.toEpochMilli())
            .execute() == 1;
    }

    private static Alert alert(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Alert(rs.getString("id"), rs.getString("program_id"), rs.getString("participant_id"),
            rs.getString("participant_display_name"), SafetyLevel.valueOf(rs.getString("level")),
            Rows.instant(rs, "created_at"), Rows.nullableInstant(rs, "acknowledged_at"),
            rs.getString("acknowledged_by_display_name"));
    }
}
