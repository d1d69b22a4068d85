package org.kindred.api.members;

import org.kindred.api.http.Checks;

/** What a PATCH of a membership may change. */
public record MemberUpdate(EnrollmentStatus enrollmentStatus) {

    void validate() {
        new Checks().required("enrollment_status", enrollmentStatus).throwIfInvalid();
    }
}
