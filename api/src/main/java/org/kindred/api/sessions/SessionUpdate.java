package org.kindred.api.sessions;

import java.time.Duration;
import java.time.Instant;
import org.kindred.api.http.Checks;

/** What a PATCH of one session may change: cancel or restore it, move it, or note something for members. */
public record SessionUpdate(SessionStatus status, Instant startsAt, Instant endsAt, String note) {

    void validate() {
        Checks checks = new Checks().required("status", status).required("starts_at", startsAt)
            .required("ends_at", endsAt).text("note", note, 1000, false);
        if (startsAt != null && endsAt != null) {
            checks.check(endsAt.isAfter(startsAt) && !endsAt.isAfter(startsAt.plus(Duration.ofHours(12))), "ends_at",
                "out_of_range", "must be after starts_at and at most 12 hours later");
        }
        checks.throwIfInvalid();
    }
}
