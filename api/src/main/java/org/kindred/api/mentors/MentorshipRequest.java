package org.kindred.api.mentors;

import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/mentorships}. */
public record MentorshipRequest(String programId, String mentorId, String participantId, String message) {

    void validate() {
        new Checks().text("program_id", programId, 64, true).text("mentor_id", mentorId, 64, true)
            .text("participant_id", participantId, 64, true).text("message", message, 1000, false).throwIfInvalid();
    }
}
