package org.kindred.api.groups;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.db.ReadCache;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ETags;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.FieldError;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.programs.Program;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.programs.ProgramStatus;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.Role;
import org.kindred.api.venues.Venue;
import org.kindred.api.venues.VenueStatus;
import org.kindred.api.venues.VenueStore;

/**
 * Peer-led groups. The program's coordinators create and change them; anyone finds active and paused groups
 * of active programs, but only members, facilitators, coordinators and admins see how to join online.
 */
public final class GroupService {
    /** Callers' standing in groups, kept until the next write: nearly every group request asks for it. */
    private static final int STANDINGS_KEPT = 10_000;

    private final Database db;
    private final GroupStore store;
    private final GroupMemberStore members;
    private final VenueStore venues;
    private final ProgramService programs;
    private final ProgramRoles roles;
    private final Clock clock;
    private final ReadCache<Standing, GroupAccess> standings;

    public GroupService(Database db, GroupStore store, GroupMemberStore members, VenueStore venues,
                        ProgramService programs, ProgramRoles roles, Clock clock) {
        this.db = db;
        this.store = store;
        this.members = members;
        this.venues = venues;
        this.programs = programs;
        this.roles = roles;
        this.clock = clock;
        this.standings = new ReadCache<>(db, STANDINGS_KEPT);
    }

    /** Checked in the write that makes the group, so a facilitator's role or the venue changing meanwhile is seen. */
    public Group create(Principal caller, GroupInput request) {
        GroupInput input = request.forCreate();
        input.validate();
        Instant now = clock.instant();
        Group group = build(Ids.next("grp"), input, now, now);
        return db.write(handle -> {
            Program program = programs.get(Optional.of(caller), input.programId());
            roles.requireManager(caller, program.id());
            if (program.status() == ProgramStatus.archived) {
                throw new ApiException(ErrorCode.conflict, "the program is archived; it takes no new groups");
            }
            requireUsable(input);
            requireFreeSlug(handle, group.slug(), null);
            store.insert(handle, group, group.schedule().weekdays(ZoneId.of(group.timezone())));
            return store.find(handle, group.id()).orElseThrow();
        });
    }

    /** The group as the viewer may see it; a 404 when they may not see it at all. */
    public Group get(Optional<Principal> viewer, String id) {
        Group group = store.find(id).orElseThrow(() -> ApiException.notFound("group " + id));
        GroupAccess access = access(viewer, group);
        requireVisible(group, access);
        return access.seesPrivateDetails() ? group : group.withoutPrivateDetails();
    }

    /** The group and what the caller may do with it, for features built on groups (sessions, membership). */
    public Visible visible(Optional<Principal> viewer, String id) {
        Group group = store.find(id).orElseThrow(() -> ApiException.notFound("group " + id));
        GroupAccess access = access(viewer, group);
        requireVisible(group, access);
        return new Visible(group, access);
    }

    /** A group a caller may see, with what they may do with it. */
    public record Visible(Group group, GroupAccess access) {
    }

    public Page<Group> list(GroupFilter filter, PageRequest page) {
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "grp"));
        }
        return Page.of(store.list(filter, page), page, listed -> Cursor.of(listed.group().id()))
            .map(listed -> listed.insider() ? listed.group() : listed.group().withoutPrivateDetails());
    }

    public Group update(Principal caller, String id, String ifMatch, UnaryOperator<GroupInput> change) {
        return db.write(handle -> {
            Group current = store.find(handle, id).orElseThrow(() -> ApiException.notFound("group " + id));
            GroupAccess access = access(Optional.of(caller), current);
            requireVisible(current, access);
            requireManager(access);
            ETags.requireMatch(ifMatch, current);
            GroupInput input = change.apply(GroupInput.of(current, current.facilitatorIds())).withDefaults();
            input.validate();
            if (!input.programId().equals(current.programId())) {
                throw ApiException.invalid("program_id", "read_only", "cannot change; a group stays in its program");
            }
            requireUsable(input);
            requireFreeSlug(handle, input.slug(), id);
            Group updated = build(id, input, current.createdAt(), clock.instant());
            store.update(handle, updated, updated.schedule().weekdays(ZoneId.of(updated.timezone())));
            return store.find(handle, id).orElseThrow();
        });
    }

    public void delete(Principal caller, String id, String ifMatch) {
        db.useWrite(handle -> {
            Group current = store.find(handle, id).orElseThrow(() -> ApiException.notFound("group " + id));
            GroupAccess access = access(Optional.of(caller), current);
            requireVisible(current, access);
            requireManager(access);
            ETags.requireMatch(ifMatch, current);
            store.delete(handle, id);
        });
    }

    /** A group known to exist, read inside the caller's transaction. */
    Group byId(Handle handle, String id) {
        return store.find(handle, id).orElseThrow();
    }

    /** Refuses to delete a venue while groups meet there, naming them. */
    public void requireVenueUnused(Handle handle, String venueId) {
        List<String> names = store.namesAtVenue(handle, venueId);
        if (!names.isEmpty()) {
            throw new ApiException(ErrorCode.venue_in_use, "groups still meet at this venue: " + String.join(", ", names)
                + "; move them to another venue first");
        }
    }

    GroupAccess access(Optional<Principal> viewer, Group group) {
        if (viewer.isEmpty()) {
            return GroupAccess.NONE;
        }
        return standings.get(new Standing(viewer.get(), group.id(), group.programId()),
            standing -> new GroupAccess(roles.canManage(standing.caller(), standing.programId()),
                store.isFacilitator(standing.groupId(), standing.caller().userId()),
                members.statusOf(standing.groupId(), standing.caller().userId()).orElse(null)));
    }

    private record Standing(Principal caller, String groupId, String programId) {
    }

    private void requireVisible(Group group, GroupAccess access) {
        boolean isPublic = group.status() != GroupStatus.archived && programs.isPublic(group.programId());
        if (!isPublic && !access.seesPrivateDetails()) {
            throw ApiException.notFound("group " + group.id());
        }
    }

    private static void requireManager(GroupAccess access) {
        if (!access.manager()) {
            throw ApiException.forbidden("only the program's coordinators and admins may change this group");
        }
    }

    /** The venue must be an active one of this program (or of none); facilitators must be the program's mentors. */
    private void requireUsable(GroupInput input) {
        if (input.venueId() != null) {
            Optional<Venue> venue = venues.find(input.venueId());
            if (venue.isEmpty() || venue.get().status() != VenueStatus.active
                || venue.get().programId() != null && !venue.get().programId().equals(input.programId())) {
                throw new ApiException(ErrorCode.unprocessable, "venue_id must name an active venue of this program or of none",
                    List.of(new FieldError("venue_id", "invalid_reference", "names no usable venue")));
            }
        }
        Set<String> mentors = roles.holders(input.programId(), Role.mentor);
        List<String> strangers = input.facilitatorIds().stream().filter(id -> !mentors.contains(id)).toList();
        if (!strangers.isEmpty()) {
            throw new ApiException(ErrorCode.unprocessable, "facilitators must hold the mentor role in the program; these do not: "
                + String.join(", ", strangers),
                List.of(new FieldError("facilitator_ids", "invalid_reference", "must be mentors of the program")));
        }
    }

    private void requireFreeSlug(Handle handle, String slug, String exceptId) {
        if (store.slugTaken(handle, slug, exceptId)) {
            throw new ApiException(ErrorCode.slug_taken, "another group already uses the slug " + slug);
        }
    }

    private static Group build(String id, GroupInput in, Instant createdAt, Instant updatedAt) {
        return new Group(id, in.programId(), in.name(), in.slug(), in.description(), in.topics(), in.languages(),
            in.format(), in.venueId(), in.conferenceUrl(), in.conferenceNotes(), in.publishConferenceUrl(),
            in.facilitatorIds(), in.membershipPolicy(), in.capacity(), in.timezone(), in.schedule(), in.status(),
            in.petsWelcomeOnline(), in.animalsPresent(), false, createdAt, updatedAt);
    }
}
