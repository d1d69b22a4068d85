package org.kindred.api.mentors;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ETags;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.members.Member;
import org.kindred.api.members.MembershipListener;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.Role;

/**
 * Mentor profiles, one per mentor role held in a program: made when the role is granted, withdrawn when it
 * is taken away. Mentors are people, so only those who belong to the program see them.
 */
public final class MentorService implements MembershipListener {
    private final Database db;
    private final MentorStore store;
    private final MentorshipService mentorships;
    private final ProgramService programs;
    private final ProgramRoles roles;
    private final Clock clock;

    public MentorService(Database db, MentorStore store, MentorshipService mentorships, ProgramService programs,
                         ProgramRoles roles, Clock clock) {
        this.db = db;
        this.store = store;
        this.mentorships = mentorships;
        this.programs = programs;
        this.roles = roles;
        this.clock = clock;
    }

    public Mentor get(Principal caller, String id) {
        return db.read(handle -> visible(handle, caller, id));
    }

    /** Every mentor profile of the person, in every status, for their data export. */
    public List<Mentor> profilesOf(String userId) {
        return store.allOf(userId, today());
    }

    public Page<Mentor> list(MentorFilter filter, PageRequest page) {
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "mnt"));
        }
        return Page.of(store.list(filter, page, today()), page, mentor -> Cursor.of(mentor.id()));
    }

    /** The mentor themself or the program's coordinators; withdrawing ends the mentor's mentorships. */
    public Mentor update(Principal caller, String id, String ifMatch, UnaryOperator<MentorInput> change) {
        return db.write(handle -> {
            Mentor current = visible(handle, caller, id);
            if (!caller.userId().equals(current.userId()) && !roles.canManage(caller, current.programId())) {
                throw ApiException.forbidden("only the mentor and the program's coordinators change a mentor profile");
            }
            ETags.requireMatch(ifMatch, current);
            MentorInput input = change.apply(MentorInput.of(current)).withDefaults();
            input.validate();
            if (input.status() != MentorStatus.withdrawn
                && !roles.holders(current.programId(), Role.mentor).contains(current.userId())) {
                throw ApiException.forbidden("this person no longer holds the mentor role in the program; the profile"
                    + " stays withdrawn until the role is granted again");
            }
            store.update(handle, id, input, clock.instant());
            if (input.status() == MentorStatus.withdrawn && current.status() != MentorStatus.withdrawn) {
                mentorships.mentorWithdrew(handle, id);
            }
            return store.find(handle, id, today()).orElseThrow();
        });
    }

    /** A new mentor role gets a profile in the program's time zone, at capacity 0 until the mentor sets one. */
    @Override
    public void granted(Handle handle, Member member) {
        if (member.role() == Role.mentor) {
            String timezone = programs.byId(member.programId()).timezone();
            store.ensure(handle, Ids.next("mnt"), member.programId(), member.userId(), timezone, clock.instant());
        }
    }

    /** Losing the mentor role withdraws the profile, ends its mentorships and ends facilitating the program's groups. */
    @Override
    public void revoked(Handle handle, Member member) {
        if (member.role() == Role.mentor) {
            store.stopFacilitating(handle, member.programId(), member.userId(), clock.instant());
            store.findByUser(handle, member.programId(), member.userId(), today()).ifPresent(mentor -> {
                store.update(handle, mentor.id(), MentorInput.of(mentor).withStatus(MentorStatus.withdrawn), clock.instant());
                mentorships.mentorWithdrew(handle, mentor.id());
            });
        }
    }

    /** Anyone holding a role in the program sees its mentors, except withdrawn ones (coordinators and the mentor do). */
    private Mentor visible(Handle handle, Principal caller, String id) {
        return store.find(handle, id, today())
            .filter(m -> caller.admin() || caller.userId().equals(m.userId()) || roles.canManage(caller, m.programId())
                || m.status() != MentorStatus.withdrawn && !roles.of(caller, m.programId()).isEmpty())
            .orElseThrow(() -> ApiException.notFound("mentor " + id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
