package org.kindred.api.venues;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.groups.GroupService;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ETags;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;

/**
 * Venues: anyone finds active ones; the owning program's coordinators and admins manage them (a venue
 * without a program is the admins'). Closed venues exist only for those who manage them.
 */
public final class VenueService {
    private final Database db;
    private final VenueStore store;
    private final ProgramService programs;
    private final ProgramRoles roles;
    private final GroupService groups;
    private final Clock clock;

    public VenueService(Database db, VenueStore store, ProgramService programs, ProgramRoles roles, GroupService groups,
                        Clock clock) {
        this.db = db;
        this.store = store;
        this.programs = programs;
        this.roles = roles;
        this.groups = groups;
        this.clock = clock;
    }

    public Venue create(Principal caller, VenueInput request) {
        VenueInput input = request.forCreate();
        input.validate();
        requireOwnership(caller, input.programId());
        Instant now = clock.instant();
        Venue venue = build(Ids.next("ven"), input, now, now);
        db.useWrite(handle -> store.insert(handle, venue));
        return venue;
    }

    public Venue get(Optional<Principal> viewer, String id) {
        return visible(viewer, store.find(id).orElse(null), id);
    }

    public Page<Venue> list(VenueFilter filter, PageRequest page) {
        VenueStore.SearchAfter after = page.after() == null ? null : searchAfter(page.after(), filter.near() != null);
        return Page.of(store.search(filter, after, page), page, venue -> filter.near() == null
                ? Cursor.of(venue.id())
                : Cursor.of(Double.toString(venue.distanceKm()), venue.id()))
            .map(venue -> venue.distanceKm() == null ? venue
                : venue.withDistance(Math.round(venue.distanceKm() * 1000) / 1000.0));
    }

    public Venue update(Principal caller, String id, String ifMatch, UnaryOperator<VenueInput> change) {
        return db.write(handle -> {
            Venue current = visible(Optional.of(caller), store.find(handle, id).orElse(null), id);
            requireManager(caller, current);
            ETags.requireMatch(ifMatch, current);
            VenueInput input = change.apply(VenueInput.of(current)).withDefaults();
            input.validate();
            if (!Objects.equals(input.programId(), current.programId())) {
                if (!caller.admin()) {
                    throw ApiException.forbidden("only admins move a venue to another program");
                }
                requireOwnership(caller, input.programId());
            }
            Venue updated = build(id, input, current.createdAt(), clock.instant());
            store.update(handle, updated);
            return updated;
        });
    }

    public void delete(Principal caller, String id, String ifMatch) {
        db.useWrite(handle -> {
            Venue current = visible(Optional.of(caller), store.find(handle, id).orElse(null), id);
            requireManager(caller, current);
            ETags.requireMatch(ifMatch, current);
            groups.requireVenueUnused(handle, id);
            store.delete(handle, id);
        });
    }

    private Venue visible(Optional<Principal> viewer, Venue venue, String id) {
        if (venue == null || !isPublic(venue) && viewer.map(p -> !manages(p, venue)).orElse(true)) {
            throw ApiException.notFound("venue " + id);
        }
        return venue;
    }

    /** Anyone sees an active venue, unless it belongs to a program that is itself not public. */
    private boolean isPublic(Venue venue) {
        return venue.status() == VenueStatus.active && (venue.programId() == null || programs.isPublic(venue.programId()));
    }

    private boolean manages(Principal caller, Venue venue) {
        return caller.admin() || venue.programId() != null && roles.canManage(caller, venue.programId());
    }

    private void requireManager(Principal caller, Venue venue) {
        if (!manages(caller, venue)) {
            throw ApiException.forbidden("only the owning program's coordinators and admins may change this venue");
        }
    }

    /** Who may own a venue for a program: its coordinators and admins; a venue of no program, admins only. */
    private void requireOwnership(Principal caller, String programId) {
        if (programId == null) {
            if (!caller.admin()) {
                throw ApiException.forbidden("only admins add venues that belong to no program; give a program_id you coordinate");
            }
            return;
        }
        programs.get(Optional.of(caller), programId);
        roles.requireManager(caller, programId);
    }

    private static VenueStore.SearchAfter searchAfter(Cursor cursor, boolean byDistance) {
        if (!byDistance) {
            return new VenueStore.SearchAfter(null, cursor.require(0, value -> Ids.isWellFormed(value, "ven")));
        }
        String distance = cursor.require(0, VenueService::isNumber);
        return new VenueStore.SearchAfter(Double.parseDouble(distance), cursor.require(1, value -> Ids.isWellFormed(value, "ven")));
    }

    private static boolean isNumber(String value) {
        try {
            return Double.isFinite(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Venue build(String id, VenueInput in, Instant createdAt, Instant updatedAt) {
        return new Venue(id, in.programId(), in.name(), in.description(), in.address(), in.latitude(), in.longitude(),
            in.timezone(), in.capacity(), in.spaces(), in.accessibility(), in.contact(), in.status(), in.animalPolicy(),
            createdAt, updatedAt, null);
    }
}
