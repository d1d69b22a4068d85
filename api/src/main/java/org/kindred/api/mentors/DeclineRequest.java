package org.kindred.api.mentors;

import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/mentorships/{id}/decline}. */
public record DeclineRequest(DeclineReason reason) {

    void validate() {
        new Checks().required("reason", reason).throwIfInvalid();
    }
}
