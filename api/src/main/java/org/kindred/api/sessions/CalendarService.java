package org.kindred.api.sessions;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kindred.api.groups.Group;
import org.kindred.api.groups.GroupService;
import org.kindred.api.security.Principal;
import org.kindred.api.venues.Venue;
import org.kindred.api.venues.VenueStatus;
import org.kindred.api.venues.VenueStore;

/** A group's calendar for whoever may see the group; the online link only for those who may join. */
public final class CalendarService {
    private final GroupService groups;
    private final SessionService sessions;
    private final VenueStore venues;
    private final Clock clock;

    public CalendarService(GroupService groups, SessionService sessions, VenueStore venues, Clock clock) {
        this.groups = groups;
        this.sessions = sessions;
        this.venues = venues;
        this.clock = clock;
    }

    public String ics(Optional<Principal> viewer, String groupId) {
        GroupService.Visible visible = groups.visible(viewer, groupId);
        Group group = visible.group();
        String place = group.venueId() == null ? null : venues.find(group.venueId())
            .filter(venue -> venue.status() == VenueStatus.active).map(CalendarService::place).orElse(null);
        return GroupCalendar.write(group, place, visible.access().seesPrivateDetails(), sessions.changes(group),
            clock.instant());
    }

    static String place(Venue venue) {
        return Stream.of(venue.name(), venue.address().line1(), venue.address().line2(), venue.address().city(),
                venue.address().region(), venue.address().postalCode(), venue.address().country())
            .filter(part -> part != null && !part.isBlank())
            .collect(Collectors.joining(", "));
    }
}
