package org.kindred.api.mentors;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.members.Member;
import org.kindred.api.members.MembershipListener;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.Role;

/**
 * Mentorships and their meeting log. Every change is decided inside one write transaction, and writes are
 * serialised, so two mentors' accepts (or one mentor's two) can never exceed a capacity. Continuing
 * mentorships belong to the two people alone: the program's staff no longer see them.
 */
public final class MentorshipService implements MembershipListener {
    private final Database db;
    private final MentorshipStore store;
    private final MentorStore mentors;
    private final ProgramService programs;
    private final ProgramRoles roles;
    private final Clock clock;

    public MentorshipService(Database db, MentorshipStore store, MentorStore mentors, ProgramService programs,
                             ProgramRoles roles, Clock clock) {
        this.db = db;
        this.store = store;
        this.mentors = mentors;
        this.programs = programs;
        this.roles = roles;
        this.clock = clock;
    }

    /**
     * The participant, or a coordinator for them, asks a mentor of the program; roles are checked in the write that
     * makes the request, so a role removed meanwhile is seen.
     */
    public Mentorship request(Principal caller, MentorshipRequest request) {
        request.validate();
        Instant now = clock.instant();
        return db.write(handle -> {
            programs.get(Optional.of(caller), request.programId());
            boolean manager = roles.canManage(caller, request.programId());
            if (!manager && !caller.userId().equals(request.participantId())) {
                throw ApiException.forbidden(
                    "participants request mentorships for themselves; coordinators for anyone");
            }
            if (!roles.holders(request.programId(), Role.participant).contains(request.participantId())) {
                throw new ApiException(ErrorCode.unprocessable, "participant_id is not a participant of this program");
            }
            Mentor mentor = mentors.find(handle, request.mentorId(), today())
                .filter(m -> m.programId().equals(request.programId()))
                .filter(m -> manager || m.status() != MentorStatus.withdrawn)
                .orElseThrow(() -> new ApiException(ErrorCode.unprocessable, "mentor_id names no mentor of this program"));
            if (mentor.userId().equals(request.participantId())) {
                throw new ApiException(ErrorCode.unprocessable, "a mentor cannot mentor themself");
            }
            if (store.hasOpen(handle, request.programId(), request.participantId(), null, false)) {
                throw new ApiException(ErrorCode.mentorship_exists,
                    "this participant already has a requested or active mentorship in the program");
            }
            if (store.continuesWith(handle, mentor.id(), request.participantId())) {
                throw new ApiException(ErrorCode.mentorship_exists,
                    "this participant and mentor already continue their mentorship beyond the program");
            }
            if (mentor.status() != MentorStatus.active) {
                throw new ApiException(ErrorCode.mentor_unavailable, "this mentor is " + mentor.status()
                    + " and takes no new mentees");
            }
            if (mentor.freeCapacity() == 0) {
                throw new ApiException(ErrorCode.mentor_full, "this mentor is at their capacity of " + mentor.capacity()
                    + " mentees; ask another mentor or try again when a place frees");
            }
            Mentorship mentorship = new Mentorship(Ids.next("msh"), request.programId(), mentor.id(), mentor.userId(),
                null, request.participantId(), null, MentorshipStatus.requested, request.message(), null, false, false,
                null, null, now, now);
            store.insert(handle, mentorship, caller.userId());
            return store.find(handle, mentorship.id()).orElseThrow();
        });
    }

    /** The mentor accepts; capacity is checked and taken in the same transaction. */
    public Mentorship accept(Principal caller, String id) {
        return change(caller, id, (handle, m) -> {
            requireMentor(caller, m);
            requireStatus(m, MentorshipStatus.requested, "accept");
            Mentor mentor = mentors.find(handle, m.mentorId(), today()).orElseThrow();
            if (mentor.status() != MentorStatus.active) {
                throw new ApiException(ErrorCode.mentor_unavailable, "you are " + mentor.status() + "; set your status to active first");
            }
            if (store.activeOf(handle, m.mentorId()) >= mentor.capacity()) {
                throw new ApiException(ErrorCode.mentor_full, "you are at your capacity of " + mentor.capacity()
                    + " mentees; raise it or finish a mentorship first");
            }
            if (store.hasOpen(handle, m.programId(), m.participantId(), m.id(), true)) {
                throw new ApiException(ErrorCode.mentorship_exists, "this participant already has an active mentorship");
            }
            store.move(handle, m.id(), MentorshipStatus.active, null, clock.instant());
        });
    }

    public Mentorship decline(Principal caller, String id, DeclineRequest request) {
        request.validate();
        return change(caller, id, (handle, m) -> {
            requireMentor(caller, m);
            requireStatus(m, MentorshipStatus.requested, "decline");
            store.move(handle, m.id(), MentorshipStatus.declined, request.reason().name(), clock.instant());
        });
    }

    /** Either side ends it, or a coordinator (not a continuing one, which is outside the program). */
    public Mentorship end(Principal caller, String id, EndRequest request) {
        request.validate();
        return change(caller, id, (handle, m) -> {
            if (!isParty(caller, m) && !roles.canManage(caller, m.programId())) {
                throw ApiException.forbidden("only the mentor, the participant or the program's coordinators end a mentorship");
            }
            if (m.status() != MentorshipStatus.requested && m.status() != MentorshipStatus.active
                && m.status() != MentorshipStatus.continuing) {
                throw transition(m, "end");
            }
            store.move(handle, m.id(), MentorshipStatus.ended, request.reason().name(), clock.instant());
        });
    }

    /** The mentor or a coordinator marks an active mentorship completed at the end of the program's work. */
    public Mentorship complete(Principal caller, String id) {
        return change(caller, id, (handle, m) -> {
            if (!caller.userId().equals(m.mentorUserId()) && !roles.canManage(caller, m.programId())) {
                throw ApiException.forbidden("only the mentor or the program's coordinators complete a mentorship");
            }
            requireStatus(m, MentorshipStatus.active, "complete");
            store.move(handle, m.id(), MentorshipStatus.completed, null, clock.instant());
        });
    }

    /** Each side says they want to go on after completion; when both have, it becomes continuing. */
    public Mentorship continueAfterCompletion(Principal caller, String id) {
        return change(caller, id, (handle, m) -> {
            if (!isParty(caller, m)) {
                throw ApiException.forbidden("only the mentor and the participant decide to continue");
            }
            requireStatus(m, MentorshipStatus.completed, "continue");
            boolean mentorSide = caller.userId().equals(m.mentorUserId());
            store.agreeToContinue(handle, m.id(), mentorSide, clock.instant());
            if (mentorSide ? m.participantAgreedToContinue() : m.mentorAgreedToContinue()) {
                store.move(handle, m.id(), MentorshipStatus.continuing, null, clock.instant());
            }
        });
    }

    public Mentorship get(Principal caller, String id) {
        return db.read(handle -> visible(handle, caller, id));
    }

    public Page<Mentorship> list(MentorshipFilter filter, PageRequest page) {
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "msh"));
        }
        return Page.of(store.list(filter, page), page, m -> Cursor.of(m.id()));
    }

    /** Either side logs a meeting while the mentorship is active or continuing. */
    public Meeting logMeeting(Principal caller, String id, MeetingInput input) {
        input.validate(today());
        return db.write(handle -> {
            Mentorship m = visible(handle, caller, id);
            if (!isParty(caller, m)) {
                throw ApiException.forbidden("only the mentor and the participant log their meetings");
            }
            if (!MentorshipStatus.SUPPORTING.contains(m.status())) {
                throw new ApiException(ErrorCode.invalid_transition, "meetings are logged while a mentorship is active or continuing");
            }
            Meeting meeting = new Meeting(Ids.next("mtg"), id, input.date(), input.durationMinutes(), input.mode(),
                input.note(), caller.userId(), clock.instant());
            store.insertMeeting(handle, meeting);
            return meeting;
        });
    }

    /** The meeting log; the program's coordinators see when and how long, never the notes. */
    public Page<Meeting> meetings(Principal caller, String id, PageRequest page) {
        Mentorship m = get(caller, id);
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "mtg"));
        }
        Page<Meeting> meetings = Page.of(store.meetings(id, page), page, meeting -> Cursor.of(meeting.id()));
        return isParty(caller, m) ? meetings : meetings.map(Meeting::withoutNote);
    }

    public Meeting meeting(Principal caller, String id, String meetingId) {
        Mentorship m = get(caller, id);
        Meeting meeting = store.meeting(id, meetingId).orElseThrow(() -> ApiException.notFound("meeting " + meetingId));
        return isParty(caller, m) ? meeting : meeting.withoutNote();
    }

    /** True while the person mentors the participant in the program (active or continuing). */
    public boolean supports(String mentorUserId, String participantId, String programId) {
        return db.read(handle -> store.supports(handle, mentorUserId, participantId, programId));
    }

    /** Every mentorship a person is part of, either side and in any state, for their data export. */
    public List<Mentorship> allOf(String userId) {
        return store.allOf(userId);
    }

    /** The meetings of a person's mentorships, notes included (they were there), for their data export. */
    public List<Meeting> meetingsOf(String userId) {
        return store.meetingsOf(userId);
    }

    /** A mentor who withdraws (or loses the mentor role): active mentorships end, open requests are declined. */
    void mentorWithdrew(Handle handle, String mentorId) {
        store.closeAllOfMentor(handle, mentorId, clock.instant());
    }

    @Override
    public void granted(Handle handle, Member member) {
        // a new role changes no mentorship
    }

    /** A participant who leaves the program leaves its requested and active mentorships; continuing ones go on. */
    @Override
    public void revoked(Handle handle, Member member) {
        if (member.role() == Role.participant) {
            store.endAllOfParticipant(handle, member.programId(), member.userId(), clock.instant());
        }
    }

    private interface Change {
        void apply(Handle handle, Mentorship mentorship);
    }

    private Mentorship change(Principal caller, String id, Change change) {
        return db.write(handle -> {
            Mentorship current = visible(handle, caller, id);
            change.apply(handle, current);
            return store.find(handle, id).orElseThrow();
        });
    }

    /** Each side sees their own; the program's coordinators and admins see it unless it is continuing. */
    private Mentorship visible(Handle handle, Principal caller, String id) {
        return store.find(handle, id)
            .filter(m -> isParty(caller, m)
                || m.status() != MentorshipStatus.continuing && roles.canManage(caller, m.programId()))
            .orElseThrow(() -> ApiException.notFound("mentorship " + id));
    }

    private static boolean isParty(Principal caller, Mentorship m) {
        return caller.userId().equals(m.mentorUserId()) || caller.userId().equals(m.participantId());
    }

    private static void requireMentor(Principal caller, Mentorship m) {
        if (!caller.userId().equals(m.mentorUserId())) {
            throw ApiException.forbidden("only the requested mentor answers a mentorship request");
        }
    }

    private static void requireStatus(Mentorship m, MentorshipStatus expected, String action) {
        if (m.status() != expected) {
            throw transition(m, action);
        }
    }

    private static ApiException transition(Mentorship m, String action) {
        return new ApiException(ErrorCode.invalid_transition, "a " + m.status() + " mentorship cannot " + action
            + "; mentorships go requested → active → completed → continuing, requested → declined, and end from requested, active or continuing");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
