package org.kindred.api.progress;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kindred.api.audit.AuditAction;
import org.kindred.api.audit.AuditTrail;
import org.kindred.api.checkins.Who5Score;
import org.kindred.api.db.Database;
import org.kindred.api.http.ApiException;
import org.kindred.api.programs.Program;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.Role;

/**
 * A participant's progress in a program: check-ins and average mood per ISO week (in the program's time
 * zone), the current streak of consecutive weeks with a check-in, and WHO-5 first against latest. Seen by
 * the participant, their mentor while supporting them, and the program's coordinators (not admins as such);
 * others' reads are audited.
 */
public final class ProgressService {
    static final int DEFAULT_WEEKS = 12;

    private final Database db;
    private final ProgressStore store;
    private final ProgramService programs;
    private final ProgramRoles roles;
    private final SupportingMentors mentors;
    private final AuditTrail audit;
    private final Clock clock;

    /** Whether a person mentors a participant in a program right now (active or continuing). */
    @FunctionalInterface
    public interface SupportingMentors {
        boolean supports(String mentorUserId, String participantId, String programId);
    }

    public ProgressService(Database db, ProgramService programs, ProgramRoles roles, SupportingMentors mentors,
                           AuditTrail audit, Clock clock) {
        this.db = db;
        this.store = new ProgressStore(db);
        this.programs = programs;
        this.roles = roles;
        this.mentors = mentors;
        this.audit = audit;
        this.clock = clock;
    }

    public Progress progress(Principal caller, String participantId, String programId, LocalDate from, LocalDate to) {
        Program program = programs.get(Optional.of(caller), programId);
        boolean self = caller.userId().equals(participantId);
        if (!self && !roles.of(caller, programId).contains(Role.coordinator)
            && !mentors.supports(caller.userId(), participantId, programId)) {
            throw ApiException.notFound("participant " + participantId);
        }
        ZoneId zone = ZoneId.of(program.timezone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusWeeks(DEFAULT_WEEKS - 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : from;
        if (end.isBefore(start) || start.plusYears(2).isBefore(end)) {
            throw ApiException.invalid("to", "out_of_range", "must be on or after from and at most two years later");
        }
        List<ProgressStore.Point> points = store.points(programId, participantId);
        Progress progress = new Progress(participantId, programId, start, end, weeks(points, zone, start, end),
            streak(points, zone, today), who5(points, zone, start, end));
        if (!self) {
            db.useWrite(handle -> audit.record(handle, caller.userId(), AuditAction.progress_read, participantId, programId));
        }
        return progress;
    }

    private static List<WeekProgress> weeks(List<ProgressStore.Point> points, ZoneId zone, LocalDate start, LocalDate end) {
        List<WeekProgress> weeks = new ArrayList<>();
        for (LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(end);
             monday = monday.plusWeeks(1)) {
            String week = isoWeek(monday);
            List<ProgressStore.Point> inWeek = points.stream()
                .filter(p -> isoWeek(local(p, zone)).equals(week) && !local(p, zone).isBefore(start) && !local(p, zone).isAfter(end))
                .toList();
            Double average = inWeek.isEmpty() ? null
                : Math.round(inWeek.stream().mapToInt(ProgressStore.Point::mood).average().orElseThrow() * 100) / 100.0;
            weeks.add(new WeekProgress(week, inWeek.size(), average));
        }
        return weeks;
    }

    /** Consecutive weeks with a check-in up to this week; a week still under way without one does not break it. */
    static int streak(List<ProgressStore.Point> points, ZoneId zone, LocalDate today) {
        Set<String> weeksWithCheckins = new HashSet<>();
        points.forEach(p -> weeksWithCheckins.add(isoWeek(local(p, zone))));
        LocalDate week = today;
        if (!weeksWithCheckins.contains(isoWeek(week))) {
            week = week.minusWeeks(1);
        }
        int streak = 0;
        while (weeksWithCheckins.contains(isoWeek(week))) {
            streak++;
            week = week.minusWeeks(1);
        }
        return streak;
    }

    private static Who5Change who5(List<ProgressStore.Point> points, ZoneId zone, LocalDate start, LocalDate end) {
        List<ProgressStore.Point> scored = points.stream()
            .filter(p -> p.who5Raw() != null && !local(p, zone).isBefore(start) && !local(p, zone).isAfter(end))
            .toList();
        if (scored.isEmpty()) {
            return null;
        }
        ProgressStore.Point first = scored.get(0);
        ProgressStore.Point latest = scored.get(scored.size() - 1);
        int change = (latest.who5Raw() - first.who5Raw()) * 4;
        return new Who5Change(first.at(), first.who5Raw() * 4, latest.at(), latest.who5Raw() * 4, change,
            Math.abs(change) >= Who5Score.MEANINGFUL_CHANGE);
    }

    private static LocalDate local(ProgressStore.Point point, ZoneId zone) {
        return point.at().atZone(zone).toLocalDate();
    }

    static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
