package org.kindred.api.alerts;

import java.time.Instant;
import org.kindred.api.checkins.SafetyLevel;

/**
 * Someone may need support now. It says who and how urgently, and nothing of what they wrote. Every
 * recipient sees it acknowledged once one of them has taken it up.
 */
public record Alert(
    String id,
    String programId,
    String participantId,
    String participantDisplayName,
    SafetyLevel level,
    Instant createdAt,
    Instant acknowledgedAt,
    String acknowledgedByDisplayName) {
}
