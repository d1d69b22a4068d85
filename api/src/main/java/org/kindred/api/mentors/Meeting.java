package org.kindred.api.mentors;

import java.time.Instant;
import java.time.LocalDate;

/** One meeting of a mentorship; the note is visible to the mentor and the mentee only. */
public record Meeting(String id, String mentorshipId, LocalDate date, int durationMinutes, MeetingMode mode, String note,
                      String loggedBy, Instant createdAt) {

    Meeting withoutNote() {
        return new Meeting(id, mentorshipId, date, durationMinutes, mode, null, loggedBy, createdAt);
    }
}
