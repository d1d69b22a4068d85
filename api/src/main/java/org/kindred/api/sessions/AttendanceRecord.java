package org.kindred.api.sessions;

import java.time.Instant;

public record AttendanceRecord(String userId, String displayName, AttendanceStatus status, Instant recordedAt) {
}
