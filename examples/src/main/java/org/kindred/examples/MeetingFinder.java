package org.kindred.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kindred.sdk.KindredClient;
import org.kindred.sdk.KindredException;
import org.kindred.sdk.NotFoundException;
import org.kindred.sdk.ValidationException;
import org.kindred.sdk.api.GroupsApi;
import org.kindred.sdk.api.SessionsApi;
import org.kindred.sdk.api.VenuesApi;
import org.kindred.sdk.model.FieldError;
import org.kindred.sdk.model.Group;
import org.kindred.sdk.model.GroupFormat;
import org.kindred.sdk.model.GroupStatus;
import org.kindred.sdk.model.Pets;
import org.kindred.sdk.model.Session;
import org.kindred.sdk.model.SessionStatus;
import org.kindred.sdk.model.Venue;

/**
 * meeting-finder: the peer-support groups that meet in the coming week near a point or online, for anyone
 * (no sign-in: the directory is public). Each group shows its sessions in its own time zone, where it meets,
 * whether pets are welcome, and the link of its calendar.
 *
 * <pre>
 * MeetingFinder [base-url] [--near 41.8781,-87.6298] [--radius-km 10] [--days 7] [--no-online]
 * </pre>
 */
public final class MeetingFinder {
    static final String DEFAULT_NEAR = "41.8781,-87.6298";
    static final String USAGE =
        "usage: MeetingFinder [base-url] [--near lat,lon] [--radius-km km] [--days n] [--no-online]";
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private MeetingFinder() {
    }

    /**
     * What to look for: groups whose venue lies within {@code radiusKm} of {@code near} and, with {@code online},
     * every group one can join online (virtual or hybrid), with sessions from {@code from} for {@code window}.
     */
    record Search(String near, double radiusKm, boolean online, Instant from, Duration window) {
    }

    /** A group with its venue (null when it meets only online) and its sessions in the window. */
    private record Listing(Group group, Venue venue, List<Session> sessions) {
        Instant first() {
            return sessions.get(0).getStartsAt().toInstant();
        }
    }

    public static void main(String[] args) {
        Args line = Args.parse(args, USAGE, List.of("near", "radius-km", "days"), List.of("no-online"));
        Search search = new Search(line.option("near", DEFAULT_NEAR), line.decimal("radius-km", 10),
            !line.flag("no-online"), Instant.now(), Duration.ofDays(line.integer("days", 7)));
        System.exit(run(line.baseUrl(), search, System.out));
    }

    /** Prints the listings and returns the exit status (0 when the search ran, even if it found nothing). */
    static int run(String baseUrl, Search search, PrintStream out) {
        KindredClient kindred = KindredClient.builder().baseUrl(baseUrl).appInfo("meeting-finder/1.0").build();
        try {
            List<Listing> listings = find(kindred, search);
            String where = "within " + number(search.radiusKm()) + " km of " + search.near()
                + (search.online() ? ", or online" : "");
            long days = search.window().toDays();
            String when = "in the next " + (days == 1 ? "day" : days + " days");
            if (listings.isEmpty()) {
                out.println("No groups meet " + when + " " + where + ".");
                return 0;
            }
            out.println("Groups meeting " + when + " " + where + ":");
            for (Listing listing : listings) {
                out.println();
                print(listing, baseUrl, out);
            }
            return 0;
        } catch (ValidationException e) {
            out.println("Kindred cannot search like that:");
            for (FieldError error : e.fieldErrors()) {
                out.println("  " + error.getField() + ": " + error.getMessage());
            }
            if (e.fieldErrors().isEmpty()) {
                out.println("  " + e.detail());
            }
            return 2;
        } catch (KindredException e) {
            return Failures.report(e, baseUrl, out);
        }
    }

    private static List<Listing> find(KindredClient kindred, Search search) {
        Map<String, Venue> venuesNearby = kindred.autoPage((api, cursor) -> api.venues().listVenues(
                VenuesApi.APIListVenuesRequest.newBuilder().near(search.near()).radiusKm(search.radiusKm())
                    .limit(100).cursor(cursor).build()))
            .collect(Collectors.toMap(Venue::getId, Function.identity()));
        Map<String, Group> groups = new LinkedHashMap<>();
        kindred.autoPage((api, cursor) -> api.groups().listGroups(
                GroupsApi.APIListGroupsRequest.newBuilder().near(search.near()).radiusKm(search.radiusKm())
                    .status(GroupStatus.ACTIVE).limit(100).cursor(cursor).build()))
            .forEach(group -> groups.put(group.getId(), group));
        if (search.online()) {
            for (GroupFormat format : List.of(GroupFormat.VIRTUAL, GroupFormat.HYBRID)) {
                kindred.autoPage((api, cursor) -> api.groups().listGroups(
                        GroupsApi.APIListGroupsRequest.newBuilder().format(format)
                            .status(GroupStatus.ACTIVE).limit(100).cursor(cursor).build()))
                    .forEach(group -> groups.putIfAbsent(group.getId(), group));
            }
        }

        List<Listing> listings = new ArrayList<>();
        for (Group group : groups.values()) {
            List<Session> sessions = kindred.autoPage((api, cursor) -> api.sessions().listSessions(
                SessionsApi.APIListSessionsRequest.newBuilder().groupId(group.getId())
                    .from(utc(search.from())).to(utc(search.from().plus(search.window())))
                    .limit(100).cursor(cursor).build())).toList();
            if (!sessions.isEmpty()) {
                Venue venue = group.getVenueId() == null ? null : venuesNearby.containsKey(group.getVenueId())
                    ? venuesNearby.get(group.getVenueId()) : venue(kindred, group.getVenueId());
                listings.add(new Listing(group, venue, sessions));
            }
        }
        listings.sort(Comparator.comparing(Listing::first).thenComparing(listing -> listing.group().getName()));
        return listings;
    }

    /** A venue outside the search radius; null when it is no longer public (closed venues are not). */
    private static Venue venue(KindredClient kindred, String venueId) {
        try {
            return kindred.call(api -> api.venues().getVenue(
                VenuesApi.APIGetVenueRequest.newBuilder().venueId(venueId).build()));
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static void print(Listing listing, String baseUrl, PrintStream out) {
        Group group = listing.group();
        ZoneId zone = ZoneId.of(group.getTimezone());
        out.println(group.getName() + " (" + group.getFormat().getValue().replace('_', ' ') + ")");
        out.println("  where:    " + where(group, listing.venue()));
        out.println("  pets:     " + pets(group, listing.venue()));
        String label = "  sessions: ";
        for (Session session : listing.sessions()) {
            out.println(label + when(session, zone));
            label = "            ";
        }
        out.println("  calendar: " + baseUrl.replaceAll("/+$", "") + "/v1/groups/" + group.getId() + "/calendar.ics");
    }

    private static String where(Group group, Venue venue) {
        if (group.getFormat() == GroupFormat.VIRTUAL) {
            return "online";
        }
        String place = venue == null ? "a venue whose details are not public"
            : venue.getName() + ", " + venue.getAddress().getLine1() + ", " + venue.getAddress().getCity()
                + (venue.getDistanceKm() == null ? "" : " (" + number(venue.getDistanceKm()) + " km away)");
        return group.getFormat() == GroupFormat.HYBRID ? place + ", or online" : place;
    }

    private static String pets(Group group, Venue venue) {
        List<String> welcome = new ArrayList<>();
        Pets pets = venue == null || venue.getAnimalPolicy() == null ? null : venue.getAnimalPolicy().getPets();
        if (pets != null && pets.getSpecies() != null && !pets.getSpecies().isEmpty()) {
            welcome.add(pets.getSpecies().stream().map(Object::toString).collect(Collectors.joining(", "))
                + " at the venue" + (pets.getWhere() == null ? "" : " (" + space(pets.getWhere().getValue()) + ")"));
        }
        if (Boolean.TRUE.equals(group.getPetsWelcomeOnline())) {
            welcome.add("pets welcome on camera");
        }
        String animals = Boolean.TRUE.equals(group.getAnimalsPresent()) ? "; animals usually attend" : "";
        if (Boolean.TRUE.equals(group.getPetFriendly())) {
            return "PET-FRIENDLY: " + String.join(", ", welcome) + animals;
        }
        return "not pet-friendly" + animals;
    }

    private static String space(String where) {
        return switch (where) {
            case "indoor" -> "indoors";
            case "outdoor" -> "outdoors";
            default -> "indoors and outdoors";
        };
    }

    private static String when(Session session, ZoneId zone) {
        ZonedDateTime starts = session.getStartsAt().atZoneSameInstant(zone);
        ZonedDateTime ends = session.getEndsAt().atZoneSameInstant(zone);
        StringBuilder line = new StringBuilder(DAY_AND_TIME.format(starts)).append('-').append(TIME.format(ends))
            .append(' ').append(zone.getId());
        if (!session.getStartsAt().isEqual(session.getScheduledStartsAt())) {
            ZonedDateTime scheduled = session.getScheduledStartsAt().atZoneSameInstant(zone);
            line.append(" (moved from ").append(DAY_AND_TIME.format(scheduled)).append(')');
        }
        if (session.getStatus() == SessionStatus.CANCELLED) {
            line.append(" CANCELLED");
        }
        if (session.getNote() != null) {
            line.append(": ").append(session.getNote());
        }
        return line.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
