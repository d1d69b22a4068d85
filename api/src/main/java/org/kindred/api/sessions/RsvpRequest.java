package org.kindred.api.sessions;

import org.kindred.api.http.Checks;

/** Body of {@code PUT /v1/sessions/{session_id}/rsvp}: going or cancelled, and how. */
public record RsvpRequest(RsvpStatus status, AttendanceMode attendanceMode) {

    void validate() {
        Checks checks = new Checks().required("status", status).required("attendance_mode", attendanceMode);
        checks.check(status != RsvpStatus.waitlisted, "status", "invalid_value",
            "must be going or cancelled; the server puts you on the waitlist when the session is full");
        checks.throwIfInvalid();
    }
}
