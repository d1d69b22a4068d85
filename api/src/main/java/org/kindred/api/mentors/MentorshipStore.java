package org.kindred.api.mentors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.http.PageRequest;

public final class MentorshipStore {
    private static final String SELECT = """
        SELECT ms.*, mu.display_name AS mentor_display_name, pu.display_name AS participant_display_name
          FROM mentorships ms
          JOIN users mu ON mu.id = ms.mentor_user_id
          JOIN users pu ON pu.id = ms.participant_id
        """;

    private final Database db;

    public MentorshipStore(Database db) {
        this.db = db;
    }

    void insert(Handle handle, Mentorship m, String requestedBy) {
        handle.createUpdate("""
                INSERT INTO mentorships (id, program_id, mentor_id, mentor_user_id, participant_id, status, message,
                    requested_by, created_at, updated_at)
                VALUES (:id, :program, :mentor, :mentor_user, :participant, :status, :message, :by, :now, :now)""")
            .bind("id", m.id())
            .bind("program", m.programId())
            .bind("mentor", m.mentorId())
            .bind("mentor_user", m.mentorUserId())
            .bind("participant", m.participantId())
            .bind("status", m.status().name())
            .bind("message", m.message())
            .bind("by", requestedBy)
            .bind("now", m.createdAt().toEpochMilli())
            .execute();
    }

    Optional<Mentorship> find(Handle handle, String id) {
        return handle.createQuery(SELECT + " WHERE ms.id = :id")
            .bind("id", id)
            .map((rs, ctx) -> mentorship(rs))
            .findOne();
    }

    /** Mentorships the viewer may see: their own, and (except continuing ones) those of programs they coordinate. */
    List<Mentorship> list(MentorshipFilter filter, PageRequest page) {
        return db.read(handle -> handle.createQuery(SELECT + """
                 WHERE (ms.mentor_user_id = :viewer OR ms.participant_id = :viewer
                        OR (ms.status <> 'continuing' AND (:admin OR ms.program_id IN (
                            SELECT m.program_id FROM program_members m WHERE m.user_id = :viewer AND m.role = 'coordinator'))))
                   AND (:program IS NULL OR ms.program_id = :program)
                   AND (:status IS NULL OR ms.status = :status)
                   AND (:side IS NULL OR (:side = 'mentor' AND ms.mentor_user_id = :viewer)
                        OR (:side = 'participant' AND ms.participant_id = :viewer))
                   AND (:after IS NULL OR ms.id > :after)
                 ORDER BY ms.id LIMIT :limit""")
            .bind("viewer", filter.viewerId())
            .bind("admin", filter.viewerIsAdmin())
            .bind("program", filter.programId())
            .bind("status", filter.status() == null ? null : filter.status().name())
            .bind("side", filter.as() == null ? null : filter.as().name())
            .bind("after", page.after() == null ? null : page.after().value(0))
            .bind("limit", page.fetchSize())
            .map((rs, ctx) -> mentorship(rs))
            .list());
    }

    boolean supports(Handle handle, String mentorUserId, String participantId, String programId) {
        return handle.createQuery("""
                SELECT EXISTS (SELECT 1 FROM mentorships
                    WHERE mentor_user_id = :mentor AND participant_id = :participant AND program_id = :program
                      AND status IN ('active', 'continuing'))""")
            .bind("mentor", mentorUserId)
            .bind("participant", participantId)
            .bind("program", programId)
            .mapTo(Boolean.class)
            .one();
    }

    List<Mentorship> allOf(String userId) {
        return db.read(handle -> handle.createQuery(SELECT
                + " WHERE ms.mentor_user_id = :user OR ms.participant_id = :user ORDER BY ms.id")
            .bind("user", userId)
            .map((rs, ctx) -> mentorship(rs))
            .list());
    }

    /** Meetings of every mentorship the person is part of, for their data export. */
    List<Meeting> meetingsOf(String userId) {
        return db.read(handle -> handle.createQuery("""
                SELECT mm.* FROM mentorship_meetings mm JOIN mentorships ms ON ms.id = mm.mentorship_id
                WHERE ms.mentor_user_id = :user OR ms.participant_id = :user ORDER BY mm.id""")
            .bind("user", userId)
            .map((rs, ctx) -> meeting(rs))
            .list());
    }

    int activeOf(Handle handle, String mentorId) {
        return handle.createQuery("SELECT count(*) FROM mentorships WHERE mentor_id = :mentor AND status = 'active'")
            .bind("mentor", mentorId)
            .mapTo(Integer.class)
            .one();
    }

    /** True when the participant already has a requested or active mentorship in the program (other than {@code exceptId}). */
    boolean continuesWith(Handle handle, String mentorId, String participantId) {
        return handle.createQuery("""
                SELECT EXISTS (SELECT 1 FROM mentorships
                    WHERE mentor_id = :mentor AND participant_id = :participant AND status = 'continuing')""")
            .bind("mentor", mentorId)
            .bind("participant", participantId)
            .mapTo(Boolean.class)
            .one();
    }

    boolean hasOpen(Handle handle, String programId, String participantId, String exceptId, boolean activeOnly) {
        return handle.createQuery("""
                SELECT EXISTS (SELECT 1 FROM mentorships
                    WHERE program_id = :program AND participant_id = :participant AND id <> :except
                      AND (status = 'active' OR (NOT :active_only AND status = 'requested')))""")
            .bind("program", programId)
            .bind("participant", participantId)
            .bind("except", exceptId == null ? "" : exceptId)
            .bind("active_only", activeOnly)
            .mapTo(Boolean.class)
            .one();
    }

    void move(Handle handle, String id, MentorshipStatus status, String reason, Instant now) {
        handle.createUpdate("""
                UPDATE mentorships SET status = :status, reason = COALESCE(:reason, reason), updated_at = :now,
                    started_at = CASE WHEN :status = 'active' THEN :now ELSE started_at END,
                    ended_at = CASE WHEN :status IN ('declined', 'ended', 'completed') THEN :now ELSE ended_at END
                WHERE id = :id""")
            .bind("id", id)
            .bind("status", status.name())
            .bind("reason", reason)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    void agreeToContinue(Handle handle, String id, boolean mentorSide, Instant now) {
        handle.createUpdate("UPDATE mentorships SET " + (mentorSide ? "mentor_agreed_to_continue" : "participant_agreed_to_continue")
                + " = 1, updated_at = :now WHERE id = :id")
            .bind("id", id)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    /** A mentor who withdraws: active mentorships end, pending requests are declined. */
    void closeAllOfMentor(Handle handle, String mentorId, Instant now) {
        handle.createUpdate("""
                UPDATE mentorships SET updated_at = :now, ended_at = :now,
                    status = CASE status WHEN 'active' THEN 'ended' ELSE 'declined' END,
                    reason = CASE status WHEN 'active' THEN 'mentor_withdrew' ELSE 'unavailable' END
                WHERE mentor_id = :mentor AND status IN ('requested', 'active')""")
            .bind("mentor", mentorId)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    /** A participant who leaves the program: their requested and active mentorships in it end. */
    void endAllOfParticipant(Handle handle, String programId, String participantId, Instant now) {
        handle.createUpdate("""
                UPDATE mentorships SET status = 'ended', reason = 'left_program', updated_at = :now, ended_at = :now
                WHERE program_id = :program AND participant_id = :participant AND status IN ('requested', 'active')""")
            .bind("program", programId)
            .bind("participant", participantId)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    void insertMeeting(Handle handle, Meeting meeting) {
        handle.createUpdate("""
                INSERT INTO mentorship_meetings (id, mentorship_id, date, duration_minutes, mode, note, logged_by, created_at)
                VALUES (:id, :mentorship, :date, :minutes, :mode, :note, :by, :now)""")
            .bind("id", meeting.id())
            .bind("mentorship", meeting.mentorshipId())
            .bind("date", meeting.date().toString())
            .bind("minutes", meeting.durationMinutes())
            .bind("mode", meeting.mode().name())
            .bind("note", meeting.note())
            .bind("by", meeting.loggedBy())
            .bind("now", meeting.createdAt().toEpochMilli())
            .execute();
    }

    List<Meeting> meetings(String mentorshipId, PageRequest page) {
        return db.read(handle -> handle.createQuery("""
                SELECT * FROM mentorship_meetings WHERE mentorship_id = :mentorship AND (:after IS NULL OR id > :after)
                ORDER BY id LIMIT :limit""")
            .bind("mentorship", mentorshipId)
            .bind("after", page.after() == null ? null : page.after().value(0))
            .bind("limit", page.fetchSize())
            .map((rs, ctx) -> meeting(rs))
            .list());
    }

    Optional<Meeting> meeting(String mentorshipId, String meetingId) {
        return db.read(handle -> handle.createQuery(
                "SELECT * FROM mentorship_meetings WHERE mentorship_id = :mentorship AND id = :id")
            .bind("mentorship", mentorshipId)
            .bind("id", meetingId)
            .map((rs, ctx) -> meeting(rs))
            .findOne());
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(rs.getString("id"), rs.getString("mentorship_id"), LocalDate.parse(rs.getString("date")),
            rs.getInt("duration_minutes"), MeetingMode.valueOf(rs.getString("mode")), rs.getString("note"),
            rs.getString("logged_by"), Rows.instant(rs, "created_at"));
    }

    private static Mentorship mentorship(ResultSet rs) throws SQLException {
        return new Mentorship(rs.getString("id"), rs.getString("program_id"), rs.getString("mentor_id"),
            rs.getString("mentor_user_id"), rs.getString("mentor_display_name"), rs.getString("participant_id"),
            rs.getString("participant_display_name"), MentorshipStatus.valueOf(rs.getString("status")),
            rs.getString("message"), rs.getString("reason"), rs.getBoolean("mentor_agreed_to_continue"),
            rs.getBoolean("participant_agreed_to_continue"), Rows.nullableInstant(rs, "started_at"),
            Rows.nullableInstant(rs, "ended_at"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
