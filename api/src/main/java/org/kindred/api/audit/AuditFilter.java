package org.kindred.api.audit;

import java.time.Instant;

public record AuditFilter(String actorId, String subjectId, AuditAction action, Instant since, Instant until) {
}
