package org.kindred.api.sessions;

import java.time.Instant;

/** A member's answer for one session; {@code waitlist_position} counts from 1 while waitlisted, else null. */
public record Rsvp(
    String sessionId,
    String userId,
    String displayName,
    RsvpStatus status,
    AttendanceMode attendanceMode,
    Integer waitlistPosition,
    Instant updatedAt) {
}
