package org.kindred.api.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.kindred.api.db.Database;
import org.kindred.api.groups.Group;
import org.kindred.api.groups.GroupAccess;
import org.kindred.api.groups.GroupService;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ETags;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.security.Principal;

/**
 * Sessions: a group's schedule expanded in its time zone and merged with the sessions facilitators changed.
 * Anyone who may see the group sees its sessions and how many seats are taken; facilitators and the
 * program's coordinators cancel, move or annotate single sessions without touching the series.
 */
public final class SessionService {
    public static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    /**
     * Sessions are known up to ten years ahead: a schedule is expanded from its first meeting on, one meeting at a
     * time, so a time further out would cost a request more the further out it is.
     */
    static final Period HORIZON = Period.ofYears(10);

    private final Database db;
    private final GroupService groups;
    private final SessionStore store;
    private final RsvpStore rsvps;
    private final Clock clock;

    public SessionService(Database db, GroupService groups, SessionStore store, RsvpStore rsvps, Clock clock) {
        this.db = db;
        this.groups = groups;
        this.store = store;
        this.rsvps = rsvps;
        this.clock = clock;
    }

    /** A session a caller may see, with its group and what the caller may do there. */
    public record Resolved(SessionId id, Group group, GroupAccess access, Session session) {
    }

    /** Sessions starting in [from, to) (default: the next 90 days), in time order. */
    public Page<Session> list(Optional<Principal> viewer, String groupId, Instant from, Instant to, PageRequest page) {
        Group group = groups.visible(viewer, groupId).group();
        Instant start = from == null ? clock.instant() : from;
        Instant end = to == null ? start.plus(DEFAULT_WINDOW) : to;
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw ApiException.invalid("to", "out_of_range", "must be after from and at most 366 days later");
        }
        if (end.isAfter(horizon())) {
            throw ApiException.invalid(to == null ? "from" : "to", "out_of_range", "must be at most ten years from now");
        }
        List<Session> sessions = between(group, start, end);
        if (page.after() != null) {
            Instant afterStart = Instant.ofEpochMilli(Long.parseLong(page.after().require(0, SessionService::isLong)));
            String afterId = page.after().require(1, value -> SessionId.decode(value).isPresent());
            sessions = sessions.stream()
                .filter(s -> s.startsAt().isAfter(afterStart) || s.startsAt().equals(afterStart) && s.id().compareTo(afterId) > 0)
                .toList();
        }
        List<Session> fetched = sessions.subList(0, Math.min(sessions.size(), page.fetchSize()));
        return Page.of(fetched, page, s -> Cursor.of(Long.toString(s.startsAt().toEpochMilli()), s.id()));
    }

    public Session get(Optional<Principal> viewer, String sessionId) {
        return resolve(viewer, sessionId).session();
    }

    /** Decodes the id, checks the caller may see the group, and that the schedule really has this session. */
    public Resolved resolve(Optional<Principal> viewer, String sessionId) {
        SessionId id = SessionId.decode(sessionId).orElseThrow(() -> ApiException.notFound("session " + sessionId));
        GroupService.Visible visible;
        try {
            visible = groups.visible(viewer, id.groupId());
        } catch (ApiException e) {
            throw ApiException.notFound("session " + sessionId);
        }
        Group group = visible.group();
        if (!isScheduled(group, id.occurrenceAt())) {
            throw ApiException.notFound("session " + sessionId);
        }
        Optional<SessionStore.Override> change = db.read(handle -> store.find(handle, id));
        Session session = session(group, id.occurrenceAt(), change.orElse(null),
            seats(group, id.occurrenceAt(), id.occurrenceAt()));
        return new Resolved(id, group, visible.access(), session);
    }

    public Session update(Principal caller, String sessionId, String ifMatch, UnaryOperator<SessionUpdate> change) {
        return db.write(handle -> {
            Resolved resolved = resolve(Optional.of(caller), sessionId);
            if (!resolved.access().canFacilitate()) {
                throw ApiException.forbidden("only the group's facilitators and the program's coordinators change sessions");
            }
            Session current = resolved.session();
            ETags.requireMatch(ifMatch, current);
            SessionUpdate update = change.apply(new SessionUpdate(current.status(), current.startsAt(), current.endsAt(),
                current.note()));
            update.validate();
            store.save(handle, resolved.group().id(), new SessionStore.Override(resolved.id().occurrenceAt(),
                update.status(), update.startsAt(), update.endsAt(), update.note()), clock.instant());
            return resolve(Optional.of(caller), sessionId).session();
        });
    }

    /** Every change made to the group's sessions that its schedule still has, for its calendar. */
    List<SessionStore.Override> changes(Group group) {
        return store.all(group.id()).stream().filter(change -> isScheduled(group, change.occurrenceAt())).toList();
    }

    boolean isScheduled(Group group, Instant occurrence) {
        return !occurrence.isAfter(horizon())
            && group.schedule().starts(ZoneId.of(group.timezone()), occurrence, occurrence.plusMillis(1)).contains(occurrence);
    }

    private Instant horizon() {
        return clock.instant().atZone(ZoneOffset.UTC).plus(HORIZON).toInstant();
    }

    private List<Session> between(Group group, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(group.timezone());
        Map<Instant, SessionStore.Override> changes = new HashMap<>();
        for (SessionStore.Override change : store.overlapping(group.id(), from, to)) {
            if (isScheduled(group, change.occurrenceAt())) {
                changes.put(change.occurrenceAt(), change);
            }
        }
        List<Instant> occurrences = new ArrayList<>(group.schedule().starts(zone, from, to));
        changes.keySet().stream().filter(at -> !occurrences.contains(at)).forEach(occurrences::add);
        if (occurrences.isEmpty()) {
            return List.of();
        }
        Instant first = occurrences.stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant last = occurrences.stream().max(Comparator.naturalOrder()).orElseThrow();
        Map<Instant, Map<String, int[]>> seats = seats(group, first, last);
        return occurrences.stream()
            .map(at -> session(group, at, changes.get(at), seats))
            .filter(s -> !s.startsAt().isBefore(from) && s.startsAt().isBefore(to))
            .sorted(Comparator.comparing(Session::startsAt).thenComparing(Session::id))
            .toList();
    }

    /** Going and waitlisted counts per occurrence and mode: [going, waitlisted]. */
    private Map<Instant, Map<String, int[]>> seats(Group group, Instant from, Instant to) {
        Map<Instant, Map<String, int[]>> seats = new HashMap<>();
        for (RsvpStore.Count count : rsvps.counts(group.id(), from, to)) {
            int[] numbers = seats.computeIfAbsent(count.occurrenceAt(), at -> new HashMap<>())
                .computeIfAbsent(count.mode().name(), mode -> new int[2]);
            numbers[count.status() == RsvpStatus.going ? 0 : 1] = count.count();
        }
        return seats;
    }

    private static Session session(Group group, Instant occurrence, SessionStore.Override change,
                                   Map<Instant, Map<String, int[]>> seats) {
        Map<String, int[]> taken = seats.getOrDefault(occurrence, Map.of());
        Seats inPerson = group.format().meetsInPerson() ? seats(group.capacity().inPerson(), taken.get("in_person")) : null;
        Seats online = group.format().meetsOnline() ? seats(group.capacity().online(), taken.get("online")) : null;
        String id = new SessionId(group.id(), occurrence).encode();
        if (change != null) {
            return new Session(id, group.id(), change.startsAt(), change.endsAt(), occurrence, change.status(),
                change.note(), inPerson, online);
        }
        return new Session(id, group.id(), occurrence, occurrence.plus(group.schedule().duration()), occurrence,
            SessionStatus.scheduled, null, inPerson, online);
    }

    private static Seats seats(Integer capacity, int[] taken) {
        return taken == null ? new Seats(capacity, 0, 0) : new Seats(capacity, taken[0], taken[1]);
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
