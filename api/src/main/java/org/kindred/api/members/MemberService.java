package org.kindred.api.members;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ETags;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.programs.EnrollmentPolicy;
import org.kindred.api.programs.Program;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.programs.ProgramStatus;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.Role;
import org.kindred.api.users.UserStore;

/**
 * Who holds which role in a program. Coordinators and admins grant and remove roles and see emails;
 * mentors see the participant list with display names only; anyone may leave a program.
 */
public final class MemberService {
    private final Database db;
    private final MemberStore store;
    private final UserStore users;
    private final ProgramService programs;
    private final ProgramRoles roles;
    private final PreferencesStore preferences;
    private final List<MembershipListener> listeners;
    private final Clock clock;

    public MemberService(Database db, MemberStore store, UserStore users, ProgramService programs,
                         ProgramRoles roles, PreferencesStore preferences, List<MembershipListener> listeners,
                         Clock clock) {
        this.db = db;
        this.store = store;
        this.users = users;
        this.programs = programs;
        this.roles = roles;
        this.preferences = preferences;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /** Checked in the write that grants the role, like {@link #enroll}. */
    public Member add(Principal caller, String programId, MemberInput input) {
        input.validate();
        return db.write(handle -> {
            Program program = programs.get(Optional.of(caller), programId);
            roles.requireManager(caller, programId);
            if (users.findById(input.userId()).isEmpty()) {
                throw new ApiException(ErrorCode.unprocessable, "user_id " + input.userId() + " names no account");
            }
            return grant(handle, program, input.userId(), input.role());
        });
    }

    /**
     * The caller enrolls themself as a participant of an active program with open enrollment, checked in the write
     * that enrolls them, so a program closing meanwhile is seen.
     */
    public Member enroll(Principal caller, String programId) {
        return db.write(handle -> {
            Program program = programs.get(Optional.of(caller), programId);
            if (program.status() != ProgramStatus.active || program.enrollment() != EnrollmentPolicy.open) {
                throw new ApiException(ErrorCode.enrollment_closed, program.enrollment() == EnrollmentPolicy.invite_only
                    ? "this program enrolls by invitation only; ask its coordinators for an invitation code"
                    : "this program is not taking enrollments");
            }
            return grant(handle, program, caller.userId(), Role.participant);
        });
    }

    /**
     * Gives {@code userId} the role in the program inside the caller's transaction; a 409 when they hold it
     * already. Participants start enrolled.
     */
    public Member grant(Handle handle, Program program, String userId, Role role) {
        if (program.status() == ProgramStatus.archived) {
            throw new ApiException(ErrorCode.invalid_transition, "the program is archived; it takes no new members");
        }
        Instant now = clock.instant();
        Member member = new Member(Ids.next("mem"), program.id(), userId, null, null, role,
            role == Role.participant ? EnrollmentStatus.enrolled : null, now, now);
        if (!store.insert(handle, member)) {
            throw new ApiException(ErrorCode.already_member, "this person is already a " + role + " of the program");
        }
        Member granted = store.find(handle, program.id(), member.id()).orElseThrow();
        listeners.forEach(listener -> listener.granted(handle, granted));
        return granted;
    }

    public Member get(Principal caller, String programId, String memberId) {
        boolean manager = managerOrOutsider(caller, programId);
        return db.read(handle -> ownOrManaged(handle, caller, manager, programId, memberId));
    }

    public Page<Member> list(Principal caller, String programId, Role role, EnrollmentStatus status, PageRequest page) {
        programs.get(Optional.of(caller), programId);
        roles.requireManager(caller, programId);
        return page(programId, role, status, page);
    }

    /** Participants, for the program's staff: coordinators and admins see emails, mentors do not. */
    public Page<Member> participants(Principal caller, String programId, EnrollmentStatus status, PageRequest page) {
        programs.get(Optional.of(caller), programId);
        if (!roles.isStaff(caller, programId)) {
            throw ApiException.forbidden("only the program's coordinators, mentors and admins see its participants");
        }
        Page<Member> participants = page(programId, Role.participant, status, page);
        return roles.canManage(caller, programId) ? participants : participants.map(Member::withoutEmail);
    }

    public Member update(Principal caller, String programId, String memberId, String ifMatch,
                         UnaryOperator<MemberUpdate> change) {
        programs.get(Optional.of(caller), programId);
        roles.requireManager(caller, programId);
        return db.write(handle -> {
            Member current = store.find(handle, programId, memberId)
                .orElseThrow(() -> ApiException.notFound("member " + memberId));
            ETags.requireMatch(ifMatch, current);
            MemberUpdate update = change.apply(new MemberUpdate(current.enrollmentStatus()));
            if (current.role() != Role.participant) {
                throw new ApiException(ErrorCode.unprocessable, "only participants have an enrollment status");
            }
            update.validate();
            if (!current.enrollmentStatus().canBecome(update.enrollmentStatus())) {
                throw new ApiException(ErrorCode.invalid_transition, "an enrollment cannot go from "
                    + current.enrollmentStatus() + " to " + update.enrollmentStatus()
                    + "; it goes enrolled → completed → alumni");
            }
            store.updateStatus(handle, memberId, update.enrollmentStatus(), clock.instant());
            return store.find(handle, programId, memberId).orElseThrow();
        });
    }

    /** Coordinators and admins remove anyone; everyone may remove themself (leave). */
    public void remove(Principal caller, String programId, String memberId, String ifMatch) {
        boolean manager = managerOrOutsider(caller, programId);
        db.useWrite(handle -> {
            Member current = ownOrManaged(handle, caller, manager, programId, memberId);
            ETags.requireMatch(ifMatch, current);
            listeners.forEach(listener -> listener.revoked(handle, current));
            store.delete(handle, memberId);
        });
    }

    /** A participant's matching preferences, for the participant themself and the program's coordinators. */
    public MatchPreferences preferences(Principal caller, String programId, String memberId) {
        Member member = participantMembership(caller, programId, memberId);
        return preferences.find(member.id()).orElse(MatchPreferences.NONE);
    }

    public MatchPreferences setPreferences(Principal caller, String programId, String memberId, MatchPreferences request) {
        Member member = participantMembership(caller, programId, memberId);
        MatchPreferences chosen = request.withDefaults();
        chosen.validate();
        db.useWrite(handle -> preferences.save(handle, member.id(), chosen, clock.instant()));
        return chosen;
    }

    /** Every program a person stated matching preferences in, for their data export. */
    public List<ProgramPreferences> preferencesOfUser(String userId) {
        return preferences.allOf(userId);
    }

    /** The person's participant membership in the program, if they are one. */
    public Optional<Member> participant(String programId, String userId) {
        return store.findByRole(programId, userId, Role.participant);
    }

    /** The preferences of a participant membership, without access checks: for ranking mentors. */
    public MatchPreferences preferencesOf(Member participant) {
        return preferences.find(participant.id()).orElse(MatchPreferences.NONE);
    }

    private Member participantMembership(Principal caller, String programId, String memberId) {
        Member member = get(caller, programId, memberId);
        if (member.role() != Role.participant) {
            throw ApiException.notFound("participant " + memberId);
        }
        return member;
    }

    /**
     * Whether the caller manages the program; a 404 when they can neither see it nor hold a role in it (a participant
     * of an archived program still reaches their own membership, to read it or leave).
     */
    private boolean managerOrOutsider(Principal caller, String programId) {
        if (roles.of(caller, programId).isEmpty()) {
            programs.get(Optional.of(caller), programId);
        }
        return roles.canManage(caller, programId);
    }

    /** The membership if it is the caller's own or the caller manages the program; otherwise it does not exist. */
    private Member ownOrManaged(Handle handle, Principal caller, boolean manager, String programId, String memberId) {
        return store.find(handle, programId, memberId)
            .filter(member -> manager || member.userId().equals(caller.userId()))
            .orElseThrow(() -> ApiException.notFound("member " + memberId));
    }

    private Page<Member> page(String programId, Role role, EnrollmentStatus status, PageRequest page) {
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "mem"));
        }
        return Page.of(store.list(programId, role, status, page), page, member -> Cursor.of(member.id()));
    }
}
