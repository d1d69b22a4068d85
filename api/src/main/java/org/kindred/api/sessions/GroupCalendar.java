package org.kindred.api.sessions;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.kindred.api.groups.Group;
import org.kindred.api.groups.Schedule;

/**
 * A group's schedule as an RFC 5545 calendar: the series with its time zone (VTIMEZONE from ical4j's bundled
 * definitions) and RRULE, an EXDATE for every exception date and cancelled session, and a separate event
 * for every moved or annotated session. How to join online is written only for those allowed to see it.
 */
final class GroupCalendar {
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private GroupCalendar() {
    }

    static String write(Group group, String place, boolean joinDetails, List<SessionStore.Override> changes, Instant now) {
        ZoneId zone = ZoneId.of(group.timezone());
        Schedule schedule = group.schedule();
        String uid = group.id() + "@kindred";
        VEvent series = event(uid, group, LocalDateTime.of(schedule.startDate(), schedule.localTime()).atZone(zone),
            null, place, joinDetails, group.description(), now);
        series.add(new RRule<>(new Recur<ZonedDateTime>(schedule.rrule())));
        List<ZonedDateTime> excluded = new ArrayList<>();
        schedule.exceptionDates().forEach(date -> excluded.add(LocalDateTime.of(date, schedule.localTime()).atZone(zone)));
        List<VEvent> moved = new ArrayList<>();
        for (SessionStore.Override change : changes) {
            ZonedDateTime occurrence = change.occurrenceAt().atZone(zone);
            if (change.status() == SessionStatus.cancelled) {
                excluded.add(occurrence);
            } else {
                VEvent session = event(uid, group, change.startsAt().atZone(zone), change.endsAt().atZone(zone), place,
                    joinDetails, change.note() == null ? group.description() : change.note(), now);
                session.add(new RecurrenceId<>(zoned(group), occurrence));
                moved.add(session);
            }
        }
        if (!excluded.isEmpty()) {
            series.add(new ExDate<>(zoned(group), new DateList<>(excluded)));
        }
        Calendar calendar = new Calendar()
            .add(new ProdId("-//Kindred//Kindred API//EN"))
            .add(ImmutableVersion.VERSION_2_0)
            .add(ImmutableCalScale.GREGORIAN);
        calendar.add(ZONES.getTimeZone(group.timezone()).getVTimeZone());
        calendar.add(series);
        moved.forEach(calendar::add);
        try {
            StringWriter out = new StringWriter();
            new CalendarOutputter(false).output(calendar, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The TZID parameter that makes a date-time local to the group's zone rather than floating. */
    private static ParameterList zoned(Group group) {
        return new ParameterList(List.of(new TzId(group.timezone())));
    }

    private static VEvent event(String uid, Group group, ZonedDateTime start, ZonedDateTime end, String place,
                                boolean joinDetails, String description, Instant now) {
        ZonedDateTime finish = end == null ? start.plus(group.schedule().duration()) : end;
        VEvent event = new VEvent(false)
            .add(new Uid(uid))
            .add(new DtStamp(now))
            .add(new LastModified(group.updatedAt()))
            .add(new DtStart<>(start))
            .add(new DtEnd<>(finish))
            .add(new Summary(group.name()));
        String text = description == null ? "" : description;
        if (joinDetails && group.conferenceNotes() != null) {
            text = (text.isEmpty() ? "" : text + "\n\n") + "How to join online: " + group.conferenceNotes();
        }
        if (!text.isEmpty()) {
            event.add(new Description(text));
        }
        String location = place;
        if (group.format().meetsOnline()) {
            String online = joinDetails ? group.conferenceUrl() : "Online (members see the link)";
            location = location == null ? online : location + " / " + online;
        }
        if (location != null) {
            event.add(new Location(location));
        }
        if (joinDetails && group.conferenceUrl() != null) {
            event.add(new Url(java.net.URI.create(group.conferenceUrl())));
        }
        return event;
    }
}
