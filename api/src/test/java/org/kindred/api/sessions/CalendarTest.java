package org.kindred.api.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.groups.GroupFixtures.Setup;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class CalendarTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static TestServer server;
    private static GroupFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new GroupFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * A hybrid Monday group in Chicago from 2026-03-02 with no meeting on 2026-03-09, its 2026-03-23 session
     * cancelled and its 2026-03-16 session moved to Wednesday 2026-03-18, 18:00 local.
     */
    private record Monday(Setup setup, Session facilitator, JsonNode group) {
        String id() {
            return group.path("id").asText();
        }

        String url() {
            return group.path("conference_url").asText();
        }

        String notes() {
            return group.path("conference_notes").asText();
        }

        String calendar() {
            return "/v1/groups/" + id() + "/calendar.ics";
        }
    }

    private static Monday monday() {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PET_VENUE);
        JsonNode group = fixtures.group(setup, "{\"format\": \"hybrid\", \"venue_id\": \"" + venue + "\", "
            + "\"facilitator_ids\": [\"" + facilitator.userId() + "\"], \"timezone\": \"America/Chicago\", "
            + "\"schedule\": {\"rrule\": \"FREQ=WEEKLY;BYDAY=MO\", \"start_date\": \"2026-03-02\", \"start_time\": \"18:30\", "
            + "\"duration_minutes\": 90, \"exception_dates\": [\"2026-03-09\"]}}");
        String id = group.path("id").asText();
        List<JsonNode> sessions = GroupFixtures.sessions(server.http(), id, "2026-03-16T00:00:00Z", "2026-03-24T00:00:00Z");
        HttpResult moved = facilitator.http().patch("/v1/sessions/" + sessions.get(0).path("id").asText(),
            "{\"starts_at\": \"2026-03-18T23:00:00Z\", \"ends_at\": \"2026-03-19T00:30:00Z\", \"note\": \"Moved to Wednesday\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        HttpResult cancelled = facilitator.http().patch("/v1/sessions/" + sessions.get(1).path("id").asText(),
            "{\"status\": \"cancelled\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        return new Monday(setup, facilitator, group);
    }

    private static String ics(Http viewer, String path) {
        HttpResult result = viewer.get(path);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.header("Content-Type")).startsWith("text/calendar");
        return result.body();
    }

    private static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException e) {
            throw new AssertionError("the calendar does not parse: " + e.getMessage() + "\n" + ics, e);
        }
    }

    /** The text with RFC 5545 line folding undone, so a folded value can be searched for. */
    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }

    private static VEvent series(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
            .filter(event -> event.getProperty(Property.RECURRENCE_ID).isEmpty())
            .findFirst().orElseThrow();
    }

    private static List<VEvent> overrides(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
            .filter(event -> event.getProperty(Property.RECURRENCE_ID).isPresent())
            .toList();
    }

    private static String tzid(Property property) {
        return property.<Parameter>getParameter(Parameter.TZID).map(Parameter::getValue).orElse(null);
    }

    private static Instant instant(Temporal temporal) {
        return Instant.from(temporal);
    }

    private static Instant dateOf(VEvent event, String name) {
        DateProperty<?> property = event.<DateProperty<?>>getProperty(name).orElseThrow();
        return instant(property.getDate());
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void theCalendarParsesBackWithItsTimeZoneRuleAndStart() {
        Monday monday = monday();
        String ics = ics(server.http(), monday.calendar());

        Calendar calendar = parse(ics);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n").contains("\r\nPRODID:");
        Optional<VTimeZone> zone = calendar.getComponent(Component.VTIMEZONE);
        assertThat(zone).as(ics).isPresent();
        assertThat(zone.get().getProperty(Property.TZID).map(Property::getValue)).contains("America/Chicago");
        VEvent series = series(calendar);
        Property start = series.getProperty(Property.DTSTART).orElseThrow();
        assertThat(tzid(start)).isEqualTo("America/Chicago");
        assertThat(start.getValue()).isEqualTo("20260302T183000");
        assertThat(dateOf(series, Property.DTSTART)).isEqualTo(Instant.parse("2026-03-03T00:30:00Z"));
        assertThat(dateOf(series, Property.DTEND)).isEqualTo(Instant.parse("2026-03-03T02:00:00Z"));
        assertThat(value(series, Property.RRULE)).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
        assertThat(value(series, Property.SUMMARY)).isEqualTo(monday.group().path("name").asText());
        assertThat(value(series, Property.UID)).isNotBlank();
        assertThat(value(series, Property.LOCATION)).contains("Harbor Room").contains("1 Harbor Way");
    }

    @Test
    void aClosedVenueIsNoLongerTheLocation() {
        Monday monday = monday();
        HttpResult closed = server.admin().http().patch("/v1/venues/" + monday.group().path("venue_id").asText(),
            "{\"status\": \"closed\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        String ics = ics(server.http(), monday.calendar());

        assertThat(value(series(parse(ics)), Property.LOCATION)).startsWith("Online");
        assertThat(ics).doesNotContain("Harbor Room").doesNotContain("1 Harbor Way");
    }

    @Test
    void exceptionDatesAndCancelledSessionsAreExdatesInTheGroupsZone() {
        Monday monday = monday();

        VEvent series = series(parse(ics(server.http(), monday.calendar())));

        List<Instant> excluded = new ArrayList<>();
        for (Property property : series.getProperties(Property.EXDATE)) {
            assertThat(tzid(property)).isEqualTo("America/Chicago");
            ((DateListProperty<?>) property).getDates().forEach(date -> excluded.add(instant(date)));
        }
        assertThat(excluded).containsExactlyInAnyOrder(Instant.parse("2026-03-09T23:30:00Z"),
            Instant.parse("2026-03-23T23:30:00Z"));
    }

    @Test
    void aMovedSessionIsAnEventWithARecurrenceId() {
        Monday monday = monday();
        Calendar calendar = parse(ics(server.http(), monday.calendar()));

        List<VEvent> overrides = overrides(calendar);

        assertThat(overrides).hasSize(1);
        VEvent moved = overrides.get(0);
        Property recurrenceId = moved.getProperty(Property.RECURRENCE_ID).orElseThrow();
        assertThat(tzid(recurrenceId)).isEqualTo("America/Chicago");
        assertThat(recurrenceId.getValue()).isEqualTo("20260316T183000");
        assertThat(dateOf(moved, Property.RECURRENCE_ID)).isEqualTo(Instant.parse("2026-03-16T23:30:00Z"));
        assertThat(dateOf(moved, Property.DTSTART)).isEqualTo(Instant.parse("2026-03-18T23:00:00Z"));
        assertThat(dateOf(moved, Property.DTEND)).isEqualTo(Instant.parse("2026-03-19T00:30:00Z"));
        assertThat(value(moved, Property.UID)).isEqualTo(value(series(calendar), Property.UID));
        assertThat(value(moved, Property.DESCRIPTION)).contains("Moved to Wednesday");
    }

    @Test
    void aCalendarAppExpandsTheSeriesAtTheSameLocalTimeAcrossTheClockChange() {
        Monday monday = monday();
        VEvent series = series(parse(ics(server.http(), monday.calendar())));

        List<Instant> starts = series.<ZonedDateTime>calculateRecurrenceSet(new Period<>(
                ZonedDateTime.of(LocalDateTime.parse("2026-03-01T00:00"), CHICAGO),
                ZonedDateTime.of(LocalDateTime.parse("2026-04-01T00:00"), CHICAGO)))
            .stream().map(period -> instant(period.getStart())).sorted().toList();

        assertThat(starts).containsExactly(Instant.parse("2026-03-03T00:30:00Z"), Instant.parse("2026-03-16T23:30:00Z"),
            Instant.parse("2026-03-30T23:30:00Z"));
        List<String> api = GroupFixtures.sessions(server.http(), monday.id(), "2026-03-01T06:00:00Z", "2026-04-01T05:00:00Z")
            .stream().filter(s -> s.path("status").asText().equals("scheduled"))
            .map(s -> s.path("scheduled_starts_at").asText()).toList();
        assertThat(api).containsExactlyElementsOf(starts.stream().map(Instant::toString).toList());
    }

    @Test
    void sessionsTheScheduleNoLongerHasLeaveTheCalendarAsTheyLeaveTheApi() {
        Monday monday = monday();
        HttpResult changed = monday.setup().coordinator().http().patch("/v1/groups/" + monday.id(),
            "{\"schedule\": {\"exception_dates\": [\"2026-03-09\", \"2026-03-16\"]}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        Calendar calendar = parse(ics(server.http(), monday.calendar()));

        assertThat(GroupFixtures.sessions(server.http(), monday.id(), "2026-03-16T00:00:00Z", "2026-03-20T00:00:00Z")).isEmpty();
        assertThat(overrides(calendar)).isEmpty();
        List<Instant> excluded = new ArrayList<>();
        series(calendar).getProperties(Property.EXDATE)
            .forEach(p -> ((DateListProperty<?>) p).getDates().forEach(date -> excluded.add(instant(date))));
        assertThat(excluded).containsExactlyInAnyOrder(Instant.parse("2026-03-09T23:30:00Z"),
            Instant.parse("2026-03-16T23:30:00Z"), Instant.parse("2026-03-23T23:30:00Z"));
    }

    @Test
    void theEuropeanZoneIsWrittenToo() {
        Setup setup = fixtures.program();
        String id = fixtures.groupId(setup, "{\"timezone\": \"Europe/Berlin\", \"schedule\": {\"rrule\": "
            + "\"FREQ=MONTHLY;BYDAY=2TU\", \"start_date\": \"2026-03-10\", \"start_time\": \"19:00\"}}");

        Calendar calendar = parse(ics(server.http(), "/v1/groups/" + id + "/calendar.ics"));

        assertThat(calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow().getProperty(Property.TZID)
            .map(Property::getValue)).contains("Europe/Berlin");
        VEvent series = series(calendar);
        assertThat(tzid(series.getProperty(Property.DTSTART).orElseThrow())).isEqualTo("Europe/Berlin");
        assertThat(value(series, Property.RRULE)).isEqualTo("FREQ=MONTHLY;BYDAY=2TU");
        assertThat(series.getProperties(Property.EXDATE)).isEmpty();
        assertThat(overrides(calendar)).isEmpty();
    }

    @Test
    void thePublicCalendarNeverSaysHowToJoinOnline() {
        Monday monday = monday();
        Session participant = fixtures.person(monday.setup().programId(), "Red Kite", "participant");
        Session otherMentor = fixtures.person(monday.setup().programId(), "Far Hill", "mentor");

        for (Http outsider : List.of(server.http(), participant.http(), otherMentor.http(), server.newUser("Curious Wren").http())) {
            String ics = ics(outsider, monday.calendar());
            assertThat(ics).doesNotContain(monday.url()).doesNotContain(monday.notes());
            assertThat(unfolded(ics)).doesNotContain(monday.url()).doesNotContain(monday.notes())
                .contains("Online (members see the link)");
            VEvent series = series(parse(ics));
            assertThat(series.getProperty(Property.URL)).isEmpty();
        }
    }

    @Test
    void membersFacilitatorsAndCoordinatorsGetTheLink() {
        Monday monday = monday();
        Session member = fixtures.member(monday.setup().programId(), monday.id(), "Green Fern");

        for (Session insider : List.of(member, monday.facilitator(), monday.setup().coordinator())) {
            String ics = ics(insider.http(), monday.calendar());
            Calendar calendar = parse(ics);
            assertThat(value(series(calendar), Property.URL)).isEqualTo(monday.url());
            assertThat(value(overrides(calendar).get(0), Property.URL)).isEqualTo(monday.url());
            assertThat(unfolded(ics)).contains(monday.notes());
        }
    }

    @Test
    void hiddenGroupsHaveNoPublicCalendar() {
        Setup draft = fixtures.draftProgram();
        JsonNode group = fixtures.group(draft, "{}");
        Setup setup = fixtures.program();
        JsonNode archived = fixtures.group(setup, "{\"status\": \"archived\"}");

        for (JsonNode hidden : List.of(group, archived)) {
            HttpResult refused = server.http().get("/v1/groups/" + hidden.path("id").asText() + "/calendar.ics");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(hidden.path("name").asText())
                .doesNotContain(hidden.path("conference_url").asText());
        }
        assertThat(server.http().get("/v1/groups/grp_01JD4Z8Q6K2V9X1M3N5P7R9T0W/calendar.ics").status()).isEqualTo(404);
        assertThat(ics(draft.coordinator().http(), "/v1/groups/" + group.path("id").asText() + "/calendar.ics"))
            .contains("BEGIN:VEVENT");
    }
}
