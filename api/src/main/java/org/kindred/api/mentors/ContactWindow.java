package org.kindred.api.mentors;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.kindred.api.http.Checks;

/** When a mentor can be reached: some days of the week, between two local times in the mentor's time zone. */
public record ContactWindow(List<Weekday> days, String startTime, String endTime) {

    void check(Checks checks) {
        checks.required("contact_window.days", days).list("contact_window.days", days, 7)
            .required("contact_window.start_time", startTime).required("contact_window.end_time", endTime);
        LocalTime start = start();
        LocalTime end = end();
        checks.check(startTime == null || start != null, "contact_window.start_time", "invalid_format", "must be HH:MM");
        checks.check(endTime == null || end != null, "contact_window.end_time", "invalid_format", "must be HH:MM");
        if (start != null && end != null) {
            checks.check(end.isAfter(start), "contact_window.end_time", "out_of_range", "must be after start_time");
        }
    }

    LocalTime start() {
        return Checks.clockTime(startTime);
    }

    LocalTime end() {
        return Checks.clockTime(endTime);
    }

    Duration length() {
        return Duration.between(start(), end());
    }
}
