package org.kindred.api.mentors;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.kindred.api.members.MatchMode;
import org.kindred.api.members.MatchPreferences;
import org.kindred.api.programs.FocusArea;

/**
 * Ranks mentors for a participant. The score (also in the README):
 * <ul>
 *   <li>+3 for each lived-experience area both share;</li>
 *   <li>+2 when they share a language (compared by primary language: es matches es-MX);</li>
 *   <li>+2 when the mentor offers the way the participant wants to meet (either: any way);</li>
 *   <li>+1 for every 3 hours the mentor's contact window (09:00-21:00 if none is set) overlaps the
 *       participant's day (08:00-22:00 in their time zone), at most +4;</li>
 *   <li>+1 when the mentor has room for two or more mentees.</li>
 * </ul>
 * Ties go to more shared areas, then more overlap, then more room, then the older mentor id, so the same
 * data always gives the same order.
 */
public final class MentorMatcher {
    static final LocalTime DEFAULT_WINDOW_START = LocalTime.of(9, 0);
    static final LocalTime DEFAULT_WINDOW_END = LocalTime.of(21, 0);
    static final LocalTime DAY_START = LocalTime.of(8, 0);
    static final LocalTime DAY_END = LocalTime.of(22, 0);

    private MentorMatcher() {
    }

    public static List<MentorMatch> rank(List<Mentor> candidates, MatchPreferences wants, LocalDate today) {
        return candidates.stream()
            .map(mentor -> match(mentor, wants, today))
            .sorted(Comparator.comparingInt(MentorMatch::score).reversed()
                .thenComparing(m -> m.reasons().sharedLivedExperience().size(), Comparator.reverseOrder())
                .thenComparing(m -> m.reasons().timezoneOverlapHours(), Comparator.reverseOrder())
                .thenComparing(m -> m.reasons().freeCapacity(), Comparator.reverseOrder())
                .thenComparing(MentorMatch::mentorId))
            .toList();
    }

    static MentorMatch match(Mentor mentor, MatchPreferences wants, LocalDate today) {
        List<FocusArea> areas = mentor.livedExperience().stream().filter(wants.livedExperience()::contains).toList();
        List<String> languages = mentor.languages().stream()
            .filter(tag -> wants.languages().stream().anyMatch(wanted -> primary(wanted).equals(primary(tag))))
            .toList();
        MentorMode mode = compatibleMode(mentor, wants.mode());
        int overlap = overlapHours(mentor, wants.timezone() == null ? mentor.timezone() : wants.timezone(), today);
        int score = 3 * areas.size() + (languages.isEmpty() ? 0 : 2) + (mode == null ? 0 : 2) + Math.min(4, overlap / 3)
            + (mentor.freeCapacity() >= 2 ? 1 : 0);
        return new MentorMatch(mentor.id(), mentor.displayName(), score,
            new MatchReasons(areas, languages, mode, overlap, mentor.freeCapacity()));
    }

    private static MentorMode compatibleMode(Mentor mentor, MatchMode wanted) {
        return switch (wanted) {
            case in_person -> mentor.modes().contains(MentorMode.in_person) ? MentorMode.in_person : null;
            case virtual -> mentor.modes().contains(MentorMode.virtual) ? MentorMode.virtual : null;
            case either -> mentor.modes().contains(MentorMode.virtual) ? MentorMode.virtual
                : mentor.modes().contains(MentorMode.in_person) ? MentorMode.in_person : null;
        };
    }

    /**
     * Whole hours of the participant's day, today, in which the mentor can be reached. Across many time zones
     * the participant's day falls on the mentor's yesterday or tomorrow, so the mentor's windows of those
     * days count too.
     */
    static int overlapHours(Mentor mentor, String participantZone, LocalDate today) {
        ContactWindow window = mentor.contactWindow();
        ZoneId mentorZone = ZoneId.of(mentor.timezone());
        ZoneId dayZone = ZoneId.of(participantZone);
        ZonedDateTime dayStart = today.atTime(DAY_START).atZone(dayZone);
        ZonedDateTime dayEnd = today.atTime(DAY_END).atZone(dayZone);
        Duration overlap = Duration.ZERO;
        for (LocalDate date = today.minusDays(1); !date.isAfter(today.plusDays(1)); date = date.plusDays(1)) {
            ZonedDateTime windowStart = date.atTime(window == null ? DEFAULT_WINDOW_START : window.start()).atZone(mentorZone);
            ZonedDateTime windowEnd = date.atTime(window == null ? DEFAULT_WINDOW_END : window.end()).atZone(mentorZone);
            ZonedDateTime from = windowStart.isAfter(dayStart) ? windowStart : dayStart;
            ZonedDateTime to = windowEnd.isBefore(dayEnd) ? windowEnd : dayEnd;
            if (to.isAfter(from)) {
                overlap = overlap.plus(Duration.between(from, to));
            }
        }
        return (int) overlap.toHours();
    }

    private static String primary(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }
}
