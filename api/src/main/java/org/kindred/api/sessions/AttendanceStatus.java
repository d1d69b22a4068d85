package org.kindred.api.sessions;

public enum AttendanceStatus {
    attended,
    absent
}
