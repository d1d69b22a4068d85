package org.kindred.api.sessions;

public enum SessionStatus {
    scheduled,
    cancelled
}
