package org.kindred.api.mentors;

import java.time.DayOfWeek;

public enum Weekday {
    monday,
    tuesday,
    wednesday,
    thursday,
    friday,
    saturday,
    sunday;

    DayOfWeek dayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }
}
