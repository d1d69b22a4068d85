package org.kindred.api.groups;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import org.kindred.api.http.Checks;

/**
 * When a group meets: an RFC 5545 recurrence rule from a first local date and time, each meeting lasting
 * {@code duration_minutes}, minus the exception dates. Occurrences are computed in the group's time zone, so
 * a meeting at 18:30 stays at 18:30 local time across daylight-saving changes. ical4j parses and expands the
 * rule; it also writes the group's calendar, so one library reads the rule the same way everywhere.
 */
public record Schedule(String rrule, LocalDate startDate, String startTime, Integer durationMinutes,
                       List<LocalDate> exceptionDates) {
    private static final Set<String> FREQUENCIES = Set.of(Recur.DAILY, Recur.WEEKLY, Recur.MONTHLY, Recur.YEARLY);
    /**
     * Meetings are found by stepping from the first one, so a first meeting in the distant past would slow every read;
     * and a session id carries its minute since 1970.
     */
    private static final LocalDate EARLIEST_START = LocalDate.of(1970, 1, 2);

    Schedule withDefaults() {
        return new Schedule(rrule, startDate, startTime, durationMinutes,
            exceptionDates == null ? List.of() : exceptionDates);
    }

    void check(Checks checks) {
        checks.text("schedule.rrule", rrule, 500, true)
            .required("schedule.start_date", startDate)
            .required("schedule.start_time", startTime)
            .required("schedule.duration_minutes", durationMinutes)
            .range("schedule.duration_minutes", durationMinutes, 15, 600)
            .list("schedule.exception_dates", exceptionDates, 200);
        if (startDate != null && startDate.isBefore(EARLIEST_START)) {
            checks.add("schedule.start_date", "out_of_range", "must be " + EARLIEST_START + " or later");
        }
        if (startTime != null && localTime() == null) {
            checks.add("schedule.start_time", "invalid_format", "must be a local time HH:MM, like 18:30");
        }
        if (rrule != null && !rrule.isBlank()) {
            String problem = ruleProblem();
            if (problem != null) {
                checks.add("schedule.rrule", "invalid_value", problem);
            } else if (startDate != null && localTime() != null && !occursOn(startDate)) {
                checks.add("schedule.start_date", "invalid_value",
                    "must be a day the rule meets on, so the first meeting is on start_date");
            }
        }
    }

    /** Meetings that start in [from, to), in time order, without exception dates. */
    public List<Instant> starts(ZoneId zone, Instant from, Instant to) {
        LocalDateTime seed = LocalDateTime.of(startDate, localTime());
        LocalDateTime fromLocal = LocalDateTime.ofInstant(from, zone).minusDays(1);
        LocalDateTime toLocal = LocalDateTime.ofInstant(to, zone).plusDays(1);
        List<Instant> starts = new ArrayList<>();
        for (LocalDateTime local : recur().getDates(seed, fromLocal, toLocal)) {
            Instant start = local.atZone(zone).toInstant();
            if (!start.isBefore(from) && start.isBefore(to) && !exceptionDates.contains(local.toLocalDate())) {
                starts.add(start);
            }
        }
        return starts;
    }

    /** The days of the week (Sunday = bit 0) the group meets on, from its next ninety meetings. */
    int weekdays(ZoneId zone) {
        LocalDateTime seed = LocalDateTime.of(startDate, localTime());
        int mask = 0;
        for (LocalDateTime local : recur().getDates(seed, seed, seed.plusYears(2), 90)) {
            mask |= 1 << (local.getDayOfWeek().getValue() % 7);
        }
        return mask;
    }

    /** True when the rule is plainly weekly: every week, on given days (the Meeting Guide format can say only that). */
    public boolean repeatsEveryWeek() {
        Recur<LocalDateTime> recur = recur();
        return recur.getFrequency().name().equals(Recur.WEEKLY) && recur.getInterval() <= 1
            && recur.getCount() < 1 && recur.getUntil() == null;
    }

    /** The days of the week of a weekly rule: BYDAY, or the start date's day. */
    public List<DayOfWeek> weeklyDays() {
        List<DayOfWeek> days = new ArrayList<>();
        recur().getDayList().forEach(day -> days.add(net.fortuna.ical4j.model.WeekDay.getDayOfWeek(day)));
        return days.isEmpty() ? List.of(startDate.getDayOfWeek()) : days;
    }

    public LocalTime localTime() {
        return Checks.clockTime(startTime);
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    Recur<LocalDateTime> recur() {
        return new Recur<>(rrule);
    }

    private String ruleProblem() {
        if (rrule.startsWith("RRULE:") || rrule.contains("\n")) {
            return "must be the rule's value only, like FREQ=WEEKLY;BYDAY=MO, without RRULE: or line breaks";
        }
        try {
            Recur<LocalDateTime> recur = recur();
            if (!FREQUENCIES.contains(recur.getFrequency().name())) {
                return "must repeat DAILY, WEEKLY, MONTHLY or YEARLY; groups do not meet more than once a day";
            }
            if (!recur.getHourList().isEmpty() || !recur.getMinuteList().isEmpty() || !recur.getSecondList().isEmpty()) {
                return "must not set BYHOUR, BYMINUTE or BYSECOND; the time is schedule.start_time";
            }
            return null;
        } catch (RuntimeException e) {
            return "is not a valid RFC 5545 recurrence rule, like FREQ=WEEKLY;BYDAY=MO or FREQ=MONTHLY;BYDAY=2TU";
        }
    }

    private boolean occursOn(LocalDate date) {
        LocalDateTime seed = LocalDateTime.of(date, localTime());
        return recur().getDates(seed, seed, seed.plusMinutes(1)).contains(seed);
    }
}
