package org.kindred.api.sessions;

import java.time.Instant;

/** Whether a person attended one session, as their own data export lists it. */
public record OwnAttendance(String sessionId, String groupId, AttendanceStatus status, Instant recordedAt) {
}
