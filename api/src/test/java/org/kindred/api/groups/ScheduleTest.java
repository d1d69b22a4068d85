package org.kindred.api.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Checks;
import org.kindred.api.http.FieldError;

class ScheduleTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Schedule schedule(String rrule, String startDate, String startTime, List<LocalDate> exceptions) {
        return new Schedule(rrule, LocalDate.parse(startDate), startTime, 90, exceptions);
    }

    private static List<Instant> starts(Schedule schedule, ZoneId zone, String from, String to) {
        return schedule.starts(zone, Instant.parse(from), Instant.parse(to));
    }

    private static List<String> errors(Schedule schedule) {
        Checks checks = new Checks();
        schedule.check(checks);
        try {
            checks.throwIfInvalid();
            return List.of();
        } catch (ApiException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void weeklyMeetsEveryWeekOnTheStartDaysWeekday() {
        Schedule weekly = schedule("FREQ=WEEKLY", "2026-04-07", "18:30", List.of());

        assertThat(starts(weekly, CHICAGO, "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z")).containsExactly(
            Instant.parse("2026-04-07T23:30:00Z"), Instant.parse("2026-04-14T23:30:00Z"),
            Instant.parse("2026-04-21T23:30:00Z"), Instant.parse("2026-04-28T23:30:00Z"));
    }

    @Test
    void weeklyOnSeveralDaysMeetsOnEachOfThem() {
        Schedule twice = schedule("FREQ=WEEKLY;BYDAY=MO,TH", "2026-04-06", "12:00", List.of());

        assertThat(starts(twice, CHICAGO, "2026-04-06T00:00:00Z", "2026-04-17T00:00:00Z")).containsExactly(
            Instant.parse("2026-04-06T17:00:00Z"), Instant.parse("2026-04-09T17:00:00Z"),
            Instant.parse("2026-04-13T17:00:00Z"), Instant.parse("2026-04-16T17:00:00Z"));
        assertThat(twice.weeklyDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThat(twice.repeatsEveryWeek()).isTrue();
    }

    @Test
    void biweeklyMeetsEveryOtherWeek() {
        Schedule biweekly = schedule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-04-02", "19:00", List.of());

        assertThat(starts(biweekly, CHICAGO, "2026-04-01T00:00:00Z", "2026-05-16T00:00:00Z")).containsExactly(
            Instant.parse("2026-04-03T00:00:00Z"), Instant.parse("2026-04-17T00:00:00Z"),
            Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-15T00:00:00Z"));
        assertThat(biweekly.repeatsEveryWeek()).isFalse();
    }

    @Test
    void monthlyOnTheSecondTuesday() {
        Schedule monthly = schedule("FREQ=MONTHLY;BYDAY=2TU", "2026-01-13", "10:00", List.of());

        List<Instant> starts = starts(monthly, CHICAGO, "2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z");

        assertThat(starts).extracting(start -> start.atZone(CHICAGO).toLocalDate()).containsExactly(
            LocalDate.parse("2026-01-13"), LocalDate.parse("2026-02-10"), LocalDate.parse("2026-03-10"),
            LocalDate.parse("2026-04-14"), LocalDate.parse("2026-05-12"), LocalDate.parse("2026-06-09"));
        assertThat(starts).extracting(start -> start.atZone(CHICAGO).toLocalTime()).containsOnly(LocalTime.of(10, 0));
        assertThat(monthly.repeatsEveryWeek()).isFalse();
    }

    @Test
    void exceptionDatesHaveNoMeeting() {
        Schedule weekly = schedule("FREQ=WEEKLY;BYDAY=TU", "2026-04-07", "18:30",
            List.of(LocalDate.parse("2026-04-14"), LocalDate.parse("2026-04-28")));

        assertThat(starts(weekly, CHICAGO, "2026-04-01T00:00:00Z", "2026-05-06T00:00:00Z")).containsExactly(
            Instant.parse("2026-04-07T23:30:00Z"), Instant.parse("2026-04-21T23:30:00Z"),
            Instant.parse("2026-05-05T23:30:00Z"));
    }

    @Test
    void localTimeHoldsAcrossTheAmericanSpringForward() {
        Schedule mondays = schedule("FREQ=WEEKLY;BYDAY=MO", "2026-03-02", "18:30", List.of());

        List<Instant> starts = starts(mondays, CHICAGO, "2026-03-01T00:00:00Z", "2026-03-17T00:00:00Z");

        assertThat(starts).containsExactly(
            Instant.parse("2026-03-03T00:30:00Z"), Instant.parse("2026-03-09T23:30:00Z"),
            Instant.parse("2026-03-16T23:30:00Z"));
        assertThat(starts).extracting(start -> start.atZone(CHICAGO).toLocalTime()).containsOnly(LocalTime.of(18, 30));
    }

    @Test
    void localTimeHoldsAcrossTheEuropeanSpringForward() {
        Schedule sundays = schedule("FREQ=WEEKLY;BYDAY=SU", "2026-03-22", "10:00", List.of());

        List<Instant> starts = starts(sundays, BERLIN, "2026-03-20T00:00:00Z", "2026-04-06T00:00:00Z");

        assertThat(starts).containsExactly(
            Instant.parse("2026-03-22T09:00:00Z"), Instant.parse("2026-03-29T08:00:00Z"),
            Instant.parse("2026-04-05T08:00:00Z"));
        assertThat(starts).extracting(start -> start.atZone(BERLIN).toLocalTime()).containsOnly(LocalTime.of(10, 0));
    }

    @Test
    void startsAreOnlyThoseInsideTheWindow() {
        Schedule weekly = schedule("FREQ=WEEKLY", "2026-04-07", "18:30", List.of());

        assertThat(starts(weekly, CHICAGO, "2026-04-07T23:30:00Z", "2026-04-14T23:30:00Z"))
            .containsExactly(Instant.parse("2026-04-07T23:30:00Z"));
        assertThat(starts(weekly, CHICAGO, "2026-03-01T00:00:00Z", "2026-04-07T23:30:00Z")).isEmpty();
    }

    @Test
    void weekdaysAreCountedInTheGroupsOwnZone() {
        Schedule lateMondays = schedule("FREQ=WEEKLY;BYDAY=MO", "2026-04-06", "23:30", List.of());

        assertThat(lateMondays.weekdays(CHICAGO)).isEqualTo(1 << 1);
    }

    @Test
    void aValidScheduleHasNoErrors() {
        assertThat(errors(schedule("FREQ=MONTHLY;BYDAY=2TU", "2026-01-13", "10:00", List.of()))).isEmpty();
        assertThat(errors(schedule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "2026-04-02", "19:00", List.of()))).isEmpty();
    }

    @Test
    void ruleProblemsAreErrorsOfTheRule() {
        assertThat(errors(schedule("FREQ=SOMETIMES", "2026-04-07", "18:30", List.of()))).containsExactly("schedule.rrule");
        assertThat(errors(schedule("BYDAY=MO", "2026-04-06", "18:30", List.of()))).containsExactly("schedule.rrule");
        assertThat(errors(schedule("RRULE:FREQ=WEEKLY", "2026-04-07", "18:30", List.of()))).containsExactly("schedule.rrule");
        assertThat(errors(schedule("FREQ=HOURLY", "2026-04-07", "18:30", List.of()))).containsExactly("schedule.rrule");
        assertThat(errors(schedule("FREQ=MINUTELY;INTERVAL=30", "2026-04-07", "18:30", List.of())))
            .containsExactly("schedule.rrule");
        assertThat(errors(schedule("FREQ=WEEKLY;BYHOUR=9", "2026-04-07", "18:30", List.of())))
            .containsExactly("schedule.rrule");
    }

    @Test
    void startDateMustBeADayTheRuleMeetsOn() {
        assertThat(errors(schedule("FREQ=WEEKLY;BYDAY=MO", "2026-04-07", "18:30", List.of())))
            .containsExactly("schedule.start_date");
        assertThat(errors(schedule("FREQ=MONTHLY;BYDAY=2TU", "2026-01-06", "10:00", List.of())))
            .containsExactly("schedule.start_date");
    }

    @Test
    void startDateIsNoEarlierThanTheSecondDayOf1970() {
        assertThat(errors(schedule("FREQ=DAILY", "1970-01-01", "18:30", List.of()))).containsExactly("schedule.start_date");
        assertThat(errors(schedule("FREQ=DAILY", "0001-01-01", "18:30", List.of()))).containsExactly("schedule.start_date");
        assertThat(errors(schedule("FREQ=DAILY", "1970-01-02", "18:30", List.of()))).isEmpty();
    }

    @Test
    void startTimeMustBeHoursAndMinutes() {
        for (String time : List.of("7:30", "24:00", "18:60", "18.30", "18:30:00", "six")) {
            assertThat(errors(schedule("FREQ=WEEKLY", "2026-04-07", time, List.of()))).as(time)
                .containsExactly("schedule.start_time");
        }
    }
}
