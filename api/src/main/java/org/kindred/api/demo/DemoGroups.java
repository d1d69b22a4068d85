package org.kindred.api.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kindred.api.Services;
import org.kindred.api.groups.Capacity;
import org.kindred.api.groups.Group;
import org.kindred.api.groups.GroupFormat;
import org.kindred.api.groups.GroupInput;
import org.kindred.api.groups.GroupStatus;
import org.kindred.api.groups.MembershipPolicy;
import org.kindred.api.groups.Schedule;
import org.kindred.api.http.PageRequest;
import org.kindred.api.http.Slugs;
import org.kindred.api.programs.Program;
import org.kindred.api.security.Principal;
import org.kindred.api.sessions.AttendanceMode;
import org.kindred.api.sessions.RsvpRequest;
import org.kindred.api.sessions.RsvpStatus;
import org.kindred.api.sessions.Session;
import org.kindred.api.venues.Venue;

/**
 * Groups of each format, weekly, every other week and monthly, that started a few weeks ago so both past
 * and coming sessions exist; the demo participants have joined some and said they are coming.
 */
final class DemoGroups {
    private final Services services;
    private final Principal coordinator;

    DemoGroups(Services services, Principal coordinator) {
        this.services = services;
        this.coordinator = coordinator;
    }

    /** Returns the Monday circle, which the demo participants belong to. */
    Group seed(Program harbor, Program grief, Map<String, Venue> venues, String mentorId, Principal participant,
               Principal peer) {
        Group monday = group(harbor, "Monday Evening Circle", "A circle for anxious minds and lonely weeks; come as you are.",
            List.of("anxiety", "loneliness"), List.of("en"), GroupFormat.hybrid, venues.get("Lakeside Community Room"),
            MembershipPolicy.open, new Capacity(12, 20), weekly(harbor, DayOfWeek.MONDAY), "18:30", 90, List.of(mentorId),
            true, false);
        group(harbor, "Thursday Lunch Check-in", "Half an hour online to say how the week is going.",
            List.of("depression", "stress"), List.of("en", "es"), GroupFormat.virtual, null, MembershipPolicy.approval,
            new Capacity(null, 25), weekly(harbor, DayOfWeek.THURSDAY), "12:00", 30, List.of(mentorId), true, false);
        Group walk = group(harbor, "Saturday Walk and Talk", "A slow walk in the park, every other Saturday. Dogs welcome.",
            List.of("loneliness", "general_wellbeing"), List.of("en"), GroupFormat.in_person,
            venues.get("Wicker Park Garden Pavilion"), MembershipPolicy.open, new Capacity(15, null),
            new Rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", firstOnOrAfter(harbor, DayOfWeek.SATURDAY)), "10:00", 90,
            List.of(mentorId), false, true);
        group(grief, "Trauercafé am Abend", "Ein ruhiger Abend für Trauernde, am ersten Mittwoch im Monat.",
            List.of("grief"), List.of("de"), GroupFormat.in_person, venues.get("Lindenhof Gemeinschaftsraum"),
            MembershipPolicy.open, new Capacity(20, null), monthlyFirst(grief, DayOfWeek.WEDNESDAY), "19:00", 120,
            List.of(), false, false);
        group(grief, "Online Grief Circle", "An evening circle online for people grieving, in English and German.",
            List.of("grief", "trauma"), List.of("en", "de"), GroupFormat.virtual, null, MembershipPolicy.open,
            new Capacity(null, 16), weekly(grief, DayOfWeek.TUESDAY), "20:00", 75, List.of(), false, false);

        services.groupMembers().join(participant, monday.id());
        services.groupMembers().join(peer, monday.id());
        services.groupMembers().join(peer, walk.id());
        comingSession(monday).ifPresent(session -> {
            services.rsvps().answer(participant, session, new RsvpRequest(RsvpStatus.going, AttendanceMode.in_person));
            services.rsvps().answer(peer, session, new RsvpRequest(RsvpStatus.going, AttendanceMode.online));
        });
        return monday;
    }

    private record Rule(String rrule, LocalDate start) {
    }

    private Group group(Program program, String name, String description, List<String> topics, List<String> languages,
                        GroupFormat format, Venue venue, MembershipPolicy policy, Capacity capacity, Rule rule,
                        String time, int minutes, List<String> facilitators, boolean petsOnline, boolean animals) {
        boolean online = format.meetsOnline();
        return services.groups().create(coordinator, new GroupInput(program.id(), name, null, description, topics,
            languages, format, venue == null ? null : venue.id(),
            online ? "https://meet.example.org/" + Slugs.of(name, "group") : null,
            online ? "Passcode 2468. Cameras are optional." : null, online, facilitators, policy, capacity,
            program.timezone(), new Schedule(rule.rrule(), rule.start(), time, minutes, List.of()), GroupStatus.active,
            petsOnline, animals));
    }

    private Optional<String> comingSession(Group group) {
        return services.sessions().list(Optional.of(coordinator), group.id(), null, null, new PageRequest(1, null))
            .data().stream().findFirst().map(Session::id);
    }

    /** Weekly on {@code day}, from that weekday four weeks ago in the program's zone. */
    private Rule weekly(Program program, DayOfWeek day) {
        return new Rule("FREQ=WEEKLY;BYDAY=" + day.name().substring(0, 2), firstOnOrAfter(program, day));
    }

    /** Monthly on the first {@code day}, from that day two months ago. */
    private Rule monthlyFirst(Program program, DayOfWeek day) {
        LocalDate start = today(program).minusMonths(2).with(TemporalAdjusters.firstInMonth(day));
        return new Rule("FREQ=MONTHLY;BYDAY=1" + day.name().substring(0, 2), start);
    }

    private LocalDate firstOnOrAfter(Program program, DayOfWeek day) {
        return today(program).minusWeeks(4).with(TemporalAdjusters.nextOrSame(day));
    }

    private LocalDate today(Program program) {
        return LocalDate.now(services.clock().withZone(ZoneId.of(program.timezone())));
    }
}
