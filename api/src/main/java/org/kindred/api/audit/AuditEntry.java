package org.kindred.api.audit;

import java.time.Instant;

/** Who did what to whose data, when, in which request. Never any note text or token. */
public record AuditEntry(long id, Instant at, String actorId, AuditAction action, String subjectId, String objectId,
                         String requestId) {
}
