package org.kindred.api.groups;

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
import org.kindred.api.members.Member;
import org.kindred.api.members.MembershipListener;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.Role;

/**
 * Joining and leaving groups. Participants and mentors of the group's program may ask to join: open groups
 * take them at once, approval groups once a facilitator or coordinator approves, closed groups not at all.
 * Coordinators manage groups without joining them (a member would see the group's shared check-ins). Leaving
 * gives up the person's seats in coming sessions, so the waitlist moves up; someone who no longer takes part
 * in the program leaves its groups with it.
 */
public final class GroupMemberService implements MembershipListener {
    /** The seats of a group's coming sessions; sessions implement it. */
    public interface Seats {
        /** Gives back a person's seats and places in line. */
        void releaseComingSeats(Handle handle, Group group, String userId);

        /** Gives the seats free in each session, after the group's capacity changed, to those waiting for them. */
        void fillFreeSeats(Handle handle, Group group);
    }

    private final Database db;
    private final GroupMemberStore store;
    private final GroupService groups;
    private final ProgramRoles roles;
    private final Seats seats;
    private final Clock clock;

    public GroupMemberService(Database db, GroupMemberStore store, GroupService groups, ProgramRoles roles,
                              Seats seats, Clock clock) {
        this.db = db;
        this.store = store;
        this.groups = groups;
        this.roles = roles;
        this.seats = seats;
        this.clock = clock;
    }

    /** Checked and joined in one write transaction, so a group closing or a role revoked meanwhile is seen. */
    public GroupMember join(Principal caller, String groupId) {
        return db.write(handle -> {
            Group group = groups.visible(Optional.of(caller), groupId).group();
            if (roles.of(caller, group.programId()).stream().noneMatch(GroupMemberService::takesPart)) {
                throw ApiException.forbidden("only the program's participants and mentors may join its groups");
            }
            if (group.status() != GroupStatus.active) {
                throw new ApiException(ErrorCode.conflict,
                    "the group is " + group.status() + " and takes no new members");
            }
            if (group.membershipPolicy() == MembershipPolicy.closed) {
                throw ApiException.forbidden("this group is closed to new members");
            }
            GroupMemberStatus status = group.membershipPolicy() == MembershipPolicy.open
                ? GroupMemberStatus.active : GroupMemberStatus.pending;
            Instant now = clock.instant();
            GroupMember member = new GroupMember(Ids.next("gmb"), groupId, caller.userId(), null, status, now, now);
            if (!store.insert(handle, member)) {
                throw new ApiException(ErrorCode.already_member, "you already belong to or asked to join this group");
            }
            return store.find(handle, groupId, member.id()).orElseThrow();
        });
    }

    public GroupMember approve(Principal caller, String groupId, String memberId) {
        requireFacilitator(caller, groupId);
        return db.write(handle -> {
            GroupMember member = store.find(handle, groupId, memberId)
                .orElseThrow(() -> ApiException.notFound("group member " + memberId));
            if (member.status() != GroupMemberStatus.pending) {
                throw new ApiException(ErrorCode.invalid_transition, "this person is already a member");
            }
            store.activate(handle, memberId, clock.instant());
            return store.find(handle, groupId, memberId).orElseThrow();
        });
    }

    /** Facilitators and coordinators see everyone with their status; active members see other members' display names. */
    public Page<GroupMember> list(Principal caller, String groupId, GroupMemberStatus status, PageRequest page) {
        GroupService.Visible visible = groups.visible(Optional.of(caller), groupId);
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "gmb"));
        }
        if (visible.access().canFacilitate()) {
            return Page.of(store.list(groupId, status, page), page, member -> Cursor.of(member.id()));
        }
        if (visible.access().isActiveMember()) {
            if (status != null && status != GroupMemberStatus.active) {
                throw ApiException.forbidden("members see the group's active members; only its facilitators and "
                    + "coordinators see who asked to join");
            }
            return Page.of(store.list(groupId, GroupMemberStatus.active, page), page, member -> Cursor.of(member.id()))
                .map(GroupMember::withoutUserId);
        }
        throw ApiException.forbidden("only the group's members, facilitators and coordinators see who belongs to it");
    }

    /** Every group a person belongs to or asked to join, for their data export. */
    public List<GroupMember> allOf(String userId) {
        return store.allOf(userId);
    }

    /**
     * Updates the group ({@link GroupService#update}) and, in the same transaction, gives the seats a raised capacity
     * frees in its coming sessions to those waiting for them.
     */
    public Group updateGroup(Principal caller, String groupId, String ifMatch, UnaryOperator<GroupInput> change) {
        return db.write(handle -> {
            Group updated = groups.update(caller, groupId, ifMatch, change);
            seats.fillFreeSeats(handle, updated);
            return updated;
        });
    }

    /** Gives up the person's seats and places in line in every group of theirs, as their account is erased. */
    public void releaseAllSeatsOf(Handle handle, String userId) {
        store.allOf(userId).forEach(membership -> giveUpSeats(handle, membership));
    }

    /** One membership: the person's own, or anyone's for facilitators and coordinators. */
    public GroupMember get(Principal caller, String groupId, String memberId) {
        GroupService.Visible visible = groups.visible(Optional.of(caller), groupId);
        return db.read(handle -> ownOrFacilitated(handle, caller, visible, memberId));
    }

    /** People leave by removing themselves; facilitators and coordinators remove anyone. */
    public void remove(Principal caller, String groupId, String memberId, String ifMatch) {
        GroupService.Visible visible = groups.visible(Optional.of(caller), groupId);
        db.useWrite(handle -> {
            GroupMember member = ownOrFacilitated(handle, caller, visible, memberId);
            ETags.requireMatch(ifMatch, member);
            store.delete(handle, memberId);
            seats.releaseComingSeats(handle, visible.group(), member.userId());
        });
    }

    @Override
    public void granted(Handle handle, Member member) {
        // joining a group is the person's own choice
    }

    @Override
    public void revoked(Handle handle, Member member) {
        if (!takesPart(member.role()) || store.takesPartOtherwise(handle, member)) {
            return;
        }
        for (GroupMember membership : store.inProgram(handle, member.programId(), member.userId())) {
            store.delete(handle, membership.id());
            giveUpSeats(handle, membership);
        }
    }

    private void giveUpSeats(Handle handle, GroupMember membership) {
        seats.releaseComingSeats(handle, groups.byId(handle, membership.groupId()), membership.userId());
    }

    private static boolean takesPart(Role role) {
        return role == Role.participant || role == Role.mentor;
    }

    private GroupMember ownOrFacilitated(Handle handle, Principal caller, GroupService.Visible visible,
                                         String memberId) {
        return store.find(handle, visible.group().id(), memberId)
            .filter(m -> visible.access().canFacilitate() || m.userId().equals(caller.userId()))
            .orElseThrow(() -> ApiException.notFound("group member " + memberId));
    }

    private void requireFacilitator(Principal caller, String groupId) {
        if (!groups.visible(Optional.of(caller), groupId).access().canFacilitate()) {
            throw ApiException.forbidden("only the group's facilitators and the program's coordinators may do this");
        }
    }
}
