package org.kindred.api.mentors;

import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/mentorships/{id}/end}. */
public record EndRequest(EndReason reason) {

    void validate() {
        new Checks().required("reason", reason)
            .check(reason != EndReason.mentor_withdrew && reason != EndReason.left_program, "reason", "invalid_value",
                "mentor_withdrew and left_program are set by the server")
            .throwIfInvalid();
    }
}
