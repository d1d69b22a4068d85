package org.kindred.api.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.groups.Group;
import org.kindred.api.groups.GroupMemberService;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.security.Principal;

/**
 * RSVPs with a waitlist. Each answer is decided inside one write transaction, and writes are serialised, so
 * concurrent RSVPs can never give out more seats than a mode has; when a seat frees, the first person
 * waiting in that mode gets it, and nobody new is seated while anyone waits.
 */
public final class RsvpService implements GroupMemberService.Seats {
    private final Database db;
    private final SessionService sessions;
    private final RsvpStore store;
    private final Clock clock;

    public RsvpService(Database db, SessionService sessions, RsvpStore store, Clock clock) {
        this.db = db;
        this.sessions = sessions;
        this.store = store;
        this.clock = clock;
    }

    public Rsvp answer(Principal caller, String sessionId, RsvpRequest request) {
        request.validate();
        return db.write(handle -> {
            SessionService.Resolved resolved = sessions.resolve(Optional.of(caller), sessionId);
            if (!resolved.access().isActiveMember()) {
                throw ApiException.forbidden("only the group's members answer for its sessions; join the group first");
            }
            Session session = resolved.session();
            if (session.status() == SessionStatus.cancelled || !session.startsAt().isAfter(clock.instant())) {
                throw new ApiException(ErrorCode.conflict, session.status() == SessionStatus.cancelled
                    ? "this session is cancelled" : "this session has already started");
            }
            Group group = resolved.group();
            AttendanceMode mode = request.attendanceMode();
            if (!meetsIn(group, mode)) {
                throw new ApiException(ErrorCode.unprocessable, "this group meets " + group.format().name().replace('_', ' ')
                    + "; attendance_mode " + mode + " is not possible");
            }
            SessionId id = resolved.id();
            Instant now = clock.instant();
            promote(handle, id, mode, group, now);
            Optional<RsvpStore.Row> existing = store.find(handle, id, caller.userId());
            if (request.status() == RsvpStatus.cancelled) {
                store.save(handle, id, caller.userId(), existing.map(r -> r.rsvp().attendanceMode()).orElse(mode),
                    RsvpStatus.cancelled, now);
                existing.filter(r -> r.rsvp().status() == RsvpStatus.going)
                    .ifPresent(r -> promote(handle, id, r.rsvp().attendanceMode(), group, now));
            } else if (existing.isEmpty() || existing.get().rsvp().status() == RsvpStatus.cancelled
                || existing.get().rsvp().attendanceMode() != mode) {
                existing.filter(r -> r.rsvp().status() == RsvpStatus.going)
                    .ifPresent(r -> {
                        store.save(handle, id, caller.userId(), r.rsvp().attendanceMode(), RsvpStatus.cancelled, now);
                        promote(handle, id, r.rsvp().attendanceMode(), group, now);
                    });
                RsvpStatus seat = hasFreeSeat(handle, id, mode, group) ? RsvpStatus.going : RsvpStatus.waitlisted;
                store.save(handle, id, caller.userId(), mode, seat, now);
            }
            return store.find(handle, id, caller.userId()).orElseThrow().rsvp();
        });
    }

    /** Everyone's answers, for the group's facilitators and the program's coordinators. */
    public Page<Rsvp> list(Principal caller, String sessionId, PageRequest page) {
        SessionService.Resolved resolved = sessions.resolve(Optional.of(caller), sessionId);
        if (!resolved.access().canFacilitate()) {
            throw ApiException.forbidden("only the group's facilitators and the program's coordinators see who is coming");
        }
        if (page.after() != null) {
            page.after().require(0, value -> value.matches("\\d{1,18}"));
        }
        return Page.of(store.list(resolved.id(), page), page, row -> Cursor.of(Long.toString(row.seq())))
            .map(RsvpStore.Row::rsvp);
    }

    /** Every answer a person gave, for their data export. */
    public List<Rsvp> allOf(String userId) {
        return store.allOf(userId);
    }

    /** A member who leaves the group gives up their seats and places in line for its coming sessions. */
    @Override
    public void releaseComingSeats(Handle handle, Group group, String userId) {
        Instant now = clock.instant();
        for (SessionId id : store.comingSeatsOf(handle, group.id(), userId, now)) {
            RsvpStore.Row row = store.find(handle, id, userId).orElseThrow();
            store.save(handle, id, userId, row.rsvp().attendanceMode(), RsvpStatus.cancelled, now);
            if (row.rsvp().status() == RsvpStatus.going) {
                promote(handle, id, row.rsvp().attendanceMode(), group, now);
            }
        }
    }

    @Override
    public void fillFreeSeats(Handle handle, Group group) {
        Instant now = clock.instant();
        for (RsvpStore.Line line : store.comingLines(handle, group.id(), now)) {
            promote(handle, line.session(), line.mode(), group, now);
        }
    }

    private static boolean meetsIn(Group group, AttendanceMode mode) {
        return mode == AttendanceMode.in_person ? group.format().meetsInPerson() : group.format().meetsOnline();
    }

    private boolean hasFreeSeat(Handle handle, SessionId id, AttendanceMode mode, Group group) {
        Integer capacity = mode == AttendanceMode.in_person ? group.capacity().inPerson() : group.capacity().online();
        return capacity == null || store.going(handle, id, mode) < capacity;
    }

    /**
     * Gives the mode's free seats to those waiting for them, first come first served. Seats can be free while people
     * wait (the group's capacity was raised, an account was erased), so this runs before anyone new is seated too.
     * Only in a mode the group still meets in: the line of a mode it dropped (whose capacity is then none, which
     * would read as unlimited) keeps waiting.
     */
    private void promote(Handle handle, SessionId id, AttendanceMode mode, Group group, Instant now) {
        if (!meetsIn(group, mode)) {
            return;
        }
        while (hasFreeSeat(handle, id, mode, group)) {
            Optional<String> next = store.firstWaiting(handle, id, mode);
            if (next.isEmpty()) {
                return;
            }
            store.save(handle, id, next.get(), mode, RsvpStatus.going, now);
        }
    }
}
