package org.kindred.api.feeds;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.kindred.api.groups.Group;
import org.kindred.api.groups.GroupFormat;
import org.kindred.api.groups.GroupStatus;
import org.kindred.api.groups.GroupStore;
import org.kindred.api.groups.Schedule;
import org.kindred.api.venues.Venue;
import org.kindred.api.venues.VenueStatus;
import org.kindred.api.venues.VenueStore;

/**
 * The public groups as a Meeting Guide feed. The format knows only weekly meetings, so a group that meets
 * weekly appears once per weekday it meets (slug suffixed with {@code --} and the day when there are several), and groups
 * on other schedules (every other week, monthly) are left out. A conference link appears only for groups
 * that chose to publish it.
 */
public final class MeetingGuideFeed {
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    /** Group slugs never hold two hyphens in a row, so a suffixed slug can never be another group's slug. */
    private static final String DAY_SEPARATOR = "--";

    private final GroupStore groups;
    private final VenueStore venues;

    public MeetingGuideFeed(GroupStore groups, VenueStore venues) {
        this.groups = groups;
        this.venues = venues;
    }

    public List<MeetingGuideMeeting> meetings() {
        List<MeetingGuideMeeting> meetings = new ArrayList<>();
        for (Group group : groups.listPublic()) {
            Schedule schedule = group.schedule();
            if (!schedule.repeatsEveryWeek()) {
                continue;
            }
            Optional<Venue> venue = group.venueId() == null ? Optional.empty()
                : venues.find(group.venueId()).filter(v -> v.status() == VenueStatus.active);
            List<DayOfWeek> days = schedule.weeklyDays();
            for (DayOfWeek day : days) {
                String slug = days.size() == 1 ? group.slug() : group.slug() + DAY_SEPARATOR + day.name().toLowerCase(Locale.ROOT);
                meetings.add(meeting(group, slug, day, venue));
            }
        }
        meetings.sort(Comparator.comparing(MeetingGuideMeeting::slug));
        return meetings;
    }

    private static MeetingGuideMeeting meeting(Group group, String slug, DayOfWeek day, Optional<Venue> venue) {
        Schedule schedule = group.schedule();
        boolean published = group.publishConferenceUrl() && group.format().meetsOnline();
        return new MeetingGuideMeeting(group.name(), slug, day.getValue() % 7,
            schedule.localTime().format(HH_MM), schedule.localTime().plus(schedule.duration()).format(HH_MM),
            group.timezone(),
            venue.map(Venue::name).orElse(null),
            venue.map(MeetingGuideFeed::formattedAddress).orElse(null),
            venue.map(v -> v.address().line1()).orElse(null),
            venue.map(v -> v.address().city()).orElse(null),
            venue.map(v -> v.address().region()).orElse(null),
            venue.map(v -> v.address().postalCode()).orElse(null),
            venue.map(v -> v.address().country()).orElse(null),
            venue.map(Venue::latitude).orElse(null),
            venue.map(Venue::longitude).orElse(null),
            published ? group.conferenceUrl() : null,
            types(group, venue),
            group.description(),
            UPDATED.format(group.updatedAt()));
    }

    /** ONL meets online, X wheelchair access (a step-free venue), TC temporarily closed (paused, or its venue closed). */
    private static List<String> types(Group group, Optional<Venue> venue) {
        List<String> types = new ArrayList<>();
        if (group.format() != GroupFormat.in_person) {
            types.add("ONL");
        }
        if (venue.map(v -> v.accessibility().stepFreeEntrance()).orElse(false)) {
            types.add("X");
        }
        if (group.status() == GroupStatus.paused || group.format() == GroupFormat.in_person && venue.isEmpty()) {
            types.add("TC");
        }
        return types;
    }

    private static String formattedAddress(Venue venue) {
        List<String> parts = new ArrayList<>();
        parts.add(venue.address().line1());
        parts.add(venue.address().city());
        String regionAndCode = String.join(" ", Stream.of(venue.address().region(), venue.address().postalCode())
            .filter(part -> part != null && !part.isBlank())
            .toList());
        if (!regionAndCode.isEmpty()) {
            parts.add(regionAndCode);
        }
        parts.add(venue.address().country());
        return String.join(", ", parts);
    }
}
