package org.kindred.api.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.kindred.api.Services;
import org.kindred.api.checkins.Checkin;
import org.kindred.api.checkins.CheckinInput;
import org.kindred.api.checkins.EncouragementInput;
import org.kindred.api.checkins.Tag;
import org.kindred.api.checkins.Visibility;
import org.kindred.api.groups.Group;
import org.kindred.api.http.PageRequest;
import org.kindred.api.programs.Program;
import org.kindred.api.security.Principal;

/**
 * Four weeks of check-ins in Harbor Peer Circle, made through the ordinary services on a clock set to each
 * past evening: some private, some shared with a mentor or the Monday circle, a small victory with
 * encouragement, and one hard evening whose alert a coordinator has acknowledged.
 */
final class DemoCheckins {
    private final Services services;

    DemoCheckins(Services services) {
        this.services = services;
    }

    void seed(Program harbor, Group monday, Principal fern, Principal heron, Principal coordinator) {
        ZoneId zone = ZoneId.of(harbor.timezone());
        LocalDate today = LocalDate.now(services.clock().withZone(zone));
        SettableClock clock = new SettableClock(services.clock().instant());
        Services past = services.withClock(clock);
        int[] fernMoods = {2, 3, 3, 2, 3, 4, 3, 4, 4, 3, 4, 5};
        for (int i = 0; i < fernMoods.length; i++) {
            clock.set(evening(today.minusDays(27 - i * 2L), zone));
            boolean first = i == 0;
            boolean last = i == fernMoods.length - 1;
            Visibility visibility = i % 3 == 0 ? Visibility.mentor : Visibility.private_;
            past.checkins().create(fern, new CheckinInput(harbor.id(), fernMoods[i], 3,
                i % 4 == 0 ? List.of(Tag.coping_strategy) : List.of(Tag.gratitude),
                "Evening notes, kept to myself.", first || last ? List.of(first ? 2 : 3, 2, first ? 2 : 4, 2, first ? 2 : 3) : null,
                null, visibility, null, false));
        }
        clock.set(evening(today.minusDays(2), zone));
        Checkin victory = past.checkins().create(fern, new CheckinInput(harbor.id(), 4, 4,
            List.of(Tag.small_victory, Tag.attended_group), "Went to the circle even though I nearly stayed home.", null,
            null, Visibility.group, monday.id(), false));
        clock.set(evening(today.minusDays(1), zone));
        past.checkins().encourage(heron, victory.id(), new EncouragementInput("That took courage. Glad you came!"));

        clock.set(evening(today.minusDays(10), zone));
        past.checkins().create(heron, new CheckinInput(harbor.id(), 1, 1, List.of(Tag.setback), null, null,
            List.of(3, 2, 3, 2), Visibility.private_, null, false));
        clock.set(evening(today.minusDays(10), zone).plusSeconds(1800));
        past.alerts().list(coordinator, false, new PageRequest(10, null)).data()
            .forEach(alert -> past.alerts().acknowledge(coordinator, alert.id()));
    }

    private static Instant evening(LocalDate date, ZoneId zone) {
        return date.atTime(LocalTime.of(20, 15)).atZone(zone).toInstant();
    }
}
