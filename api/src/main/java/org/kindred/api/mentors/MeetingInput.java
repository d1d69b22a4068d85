package org.kindred.api.mentors;

import java.time.LocalDate;
import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/mentorships/{id}/meetings}. */
public record MeetingInput(LocalDate date, Integer durationMinutes, MeetingMode mode, String note) {

    void validate(LocalDate today) {
        new Checks().required("date", date).required("duration_minutes", durationMinutes)
            .range("duration_minutes", durationMinutes, 15, 180).required("mode", mode).text("note", note, 2000, false)
            .check(date == null || !date.isAfter(today.plusDays(1)), "date", "out_of_range",
                "must not be in the future; log meetings that took place")
            .throwIfInvalid();
    }
}
