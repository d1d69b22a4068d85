package org.kindred.api.audit;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.http.PageRequest;

public final class AuditStore {
    private final Database db;

    public AuditStore(Database db) {
        this.db = db;
    }

    void insert(Handle handle, Instant at, String actorId, AuditAction action, String subjectId, String objectId,
                String requestId) {
        handle.createUpdate("""
                INSERT INTO audit_log (at, actor_id, action, subject_id, object_id, request_id)
                VALUES (:at, :actor, :action, :subject, :object, :request)""")
            .bind("at", at.toEpochMilli())
            .bind("actor", actorId)
            .bind("action", action.name())
            .bind("subject", subjectId)
            .bind("object", objectId)
            .bind("request", requestId)
            .execute();
    }

    /** Newest first. */
    List<AuditEntry> list(AuditFilter filter, PageRequest page) {
        return db.read(handle -> handle.createQuery("""
                SELECT * FROM audit_log
                WHERE (:actor IS NULL OR actor_id = :actor) AND (:subject IS NULL OR subject_id = :subject)
                  AND (:action IS NULL OR action = :action) AND (:since IS NULL OR at >= :since)
                  AND (:until IS NULL OR at < :until) AND (:after IS NULL OR seq < :after)
                ORDER BY seq DESC LIMIT :limit""")
            .bind("actor", filter.actorId())
            .bind("subject", filter.subjectId())
            .bind("action", filter.action() == null ? null : filter.action().name())
            .bind("since", filter.since() == null ? null : filter.since().toEpochMilli())
            .bind("until", filter.until() == null ? null : filter.until().toEpochMilli())
            .bind("after", page.after() == null ? null : Long.valueOf(page.after().value(0)))
            .bind("limit", page.fetchSize())
            .map((rs, ctx) -> new AuditEntry(rs.getLong("seq"), Rows.instant(rs, "at"), rs.getString("actor_id"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("subject_id"), rs.getString("object_id"),
                rs.getString("request_id")))
            .list());
    }

    /** Replaces a person's id wherever the log names them, so an erased person is no longer identifiable. */
    void pseudonymise(Handle handle, String userId, String pseudonym) {
        handle.createUpdate("UPDATE audit_log SET actor_id = :pseudonym WHERE actor_id = :user")
            .bind("user", userId).bind("pseudonym", pseudonym).execute();
        handle.createUpdate("UPDATE audit_log SET subject_id = :pseudonym WHERE subject_id = :user")
            .bind("user", userId).bind("pseudonym", pseudonym).execute();
    }
}
