package org.kindred.api.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.groups.GroupFixtures.Setup;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.TestServer;

class MeetingGuideFeedTest {
    private static final String FEED = "/v1/feeds/meeting-guide.json";
    private static final Pattern HH_MM = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");
    private static final Pattern UPDATED = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$");
    private static final Set<String> TYPES = Set.of("ONL", "X", "TC");
    private static final String IN_PERSON = "\"format\": \"in_person\", \"conference_url\": null, \"conference_notes\": null";

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

    private static HttpResult feed() {
        HttpResult feed = server.http().get(FEED);
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.json().isArray()).isTrue();
        return feed;
    }

    /** The feed's meetings of one group, found by its slug. */
    private static List<JsonNode> meetingsOf(JsonNode group) {
        String slug = group.path("slug").asText();
        List<JsonNode> meetings = new ArrayList<>();
        feed().json().forEach(m -> {
            String s = m.path("slug").asText();
            if (s.equals(slug) || s.startsWith(slug + "-")) {
                meetings.add(m);
            }
        });
        return meetings;
    }

    private static JsonNode onlyMeetingOf(JsonNode group) {
        List<JsonNode> meetings = meetingsOf(group);
        assertThat(meetings).hasSize(1);
        return meetings.get(0);
    }

    private static List<String> types(JsonNode meeting) {
        List<String> types = new ArrayList<>();
        meeting.path("types").forEach(t -> types.add(t.asText()));
        return types;
    }

    private static String weekly(String byDay, String startDate, String startTime, int minutes) {
        return "\"schedule\": {\"rrule\": \"FREQ=WEEKLY;BYDAY=" + byDay + "\", \"start_date\": \"" + startDate
            + "\", \"start_time\": \"" + startTime + "\", \"duration_minutes\": " + minutes + "}";
    }

    @Test
    void anInPersonWeeklyGroupIsOneMeetingWithTheVenuesAddress() {
        Setup setup = fixtures.program();
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PET_VENUE);
        JsonNode group = fixtures.group(setup, "{" + IN_PERSON + ", \"venue_id\": \"" + venue + "\", "
            + weekly("TU", "2026-04-07", "18:30", 90) + "}");

        JsonNode meeting = onlyMeetingOf(group);

        assertThat(meeting.path("name").asText()).isEqualTo(group.path("name").asText());
        assertThat(meeting.path("slug").asText()).isEqualTo(group.path("slug").asText());
        assertThat(meeting.path("day").asInt()).isEqualTo(2);
        assertThat(meeting.path("time").asText()).isEqualTo("18:30");
        assertThat(meeting.path("end_time").asText()).isEqualTo("20:00");
        assertThat(meeting.path("timezone").asText()).isEqualTo("America/Chicago");
        assertThat(meeting.path("location").asText()).isEqualTo("Harbor Room");
        assertThat(meeting.path("address").asText()).isEqualTo("1 Harbor Way");
        assertThat(meeting.path("city").asText()).isEqualTo("Springfield");
        assertThat(meeting.path("state").asText()).isEqualTo("IL");
        assertThat(meeting.path("postal_code").asText()).isEqualTo("62701");
        assertThat(meeting.path("country").asText()).isEqualTo("US");
        assertThat(meeting.path("formatted_address").asText()).isEqualTo("1 Harbor Way, Springfield, IL 62701, US");
        assertThat(meeting.path("latitude").asDouble()).isEqualTo(39.7817);
        assertThat(meeting.path("longitude").asDouble()).isEqualTo(-89.6501);
        assertThat(meeting.path("notes").asText()).isEqualTo(group.path("description").asText());
        assertThat(types(meeting)).containsExactly("X");
        assertThat(meeting.has("conference_url")).isFalse();
    }

    @Test
    void aGroupWhoseVenueClosedIsTemporarilyClosedWithoutTheAddress() {
        Setup setup = fixtures.program();
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PET_VENUE);
        JsonNode group = fixtures.group(setup, "{" + IN_PERSON + ", \"venue_id\": \"" + venue + "\"}");

        HttpResult closed = server.admin().http().patch("/v1/venues/" + venue, "{\"status\": \"closed\"}");

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        JsonNode meeting = onlyMeetingOf(group);
        assertThat(types(meeting)).containsExactly("TC");
        assertThat(meeting.has("location")).isFalse();
        assertThat(meeting.has("address")).isFalse();
        assertThat(meeting.has("latitude")).isFalse();
    }

    @Test
    void updatedIsTheGroupsLastChangeInUtc() {
        Setup setup = fixtures.program();
        JsonNode group = fixtures.group(setup, "{}");

        String updated = onlyMeetingOf(group).path("updated").asText();

        assertThat(updated).matches(UPDATED);
        assertThat(updated).isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC)
            .format(Instant.parse(group.path("updated_at").asText())));
    }

    @Test
    void aGroupMeetingOnSeveralDaysIsOneMeetingPerDayWithItsOwnSlug() {
        Setup setup = fixtures.program();
        JsonNode group = fixtures.group(setup, "{" + weekly("MO,TH", "2026-04-06", "23:30", 60) + "}");

        List<JsonNode> meetings = meetingsOf(group);

        assertThat(meetings).extracting(m -> m.path("day").asInt()).containsExactlyInAnyOrder(1, 4);
        String slug = group.path("slug").asText();
        assertThat(meetings).extracting(m -> m.path("slug").asText() + " " + m.path("day").asInt())
            .containsExactlyInAnyOrder(slug + "--monday 1", slug + "--thursday 4");
        assertThat(meetings).extracting(m -> m.path("time").asText()).containsOnly("23:30");
        assertThat(meetings).extracting(m -> m.path("end_time").asText()).containsOnly("00:30");
        assertThat(meetings).extracting(m -> m.path("name").asText()).containsOnly(group.path("name").asText());
    }

    @Test
    void suffixedSlugsNeverCollideWithAnotherGroupsSlug() {
        Setup setup = fixtures.program();
        String base = "grief-circle-" + ProgramFixtures.token();
        fixtures.group(setup, "{\"slug\": \"" + base + "\", " + weekly("MO,TH", "2026-04-06", "18:00", 60) + "}");
        fixtures.group(setup, "{\"slug\": \"" + base + "-monday\", " + weekly("MO", "2026-04-06", "12:00", 60) + "}");
        fixtures.group(setup, "{\"slug\": \"" + base + "-1\", " + weekly("MO", "2026-04-06", "12:00", 60) + "}");

        List<String> slugs = new ArrayList<>();
        feed().json().forEach(m -> slugs.add(m.path("slug").asText()));

        assertThat(slugs.stream().filter(s -> s.startsWith(base))).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void onlineGroupsAreOnlAndShowTheirLinkOnlyWhenTheyChoseToPublishIt() {
        Setup setup = fixtures.program();
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PLAIN_VENUE);
        JsonNode unpublished = fixtures.group(setup, "{}");
        JsonNode published = fixtures.group(setup, "{\"publish_conference_url\": true}");
        JsonNode hybrid = fixtures.group(setup, "{\"format\": \"hybrid\", \"venue_id\": \"" + venue + "\"}");

        HttpResult feed = feed();

        assertThat(feed.body()).doesNotContain(unpublished.path("conference_url").asText())
            .doesNotContain(unpublished.path("conference_notes").asText())
            .doesNotContain(hybrid.path("conference_url").asText())
            .doesNotContain(hybrid.path("conference_notes").asText());
        JsonNode open = onlyMeetingOf(published);
        assertThat(open.path("conference_url").asText()).isEqualTo(published.path("conference_url").asText());
        assertThat(types(open)).containsExactly("ONL");
        JsonNode closed = onlyMeetingOf(unpublished);
        assertThat(closed.has("conference_url")).isFalse();
        assertThat(closed.has("address")).isFalse();
        assertThat(closed.has("latitude")).isFalse();
        assertThat(types(closed)).containsExactly("ONL");
        JsonNode both = onlyMeetingOf(hybrid);
        assertThat(both.has("conference_url")).isFalse();
        assertThat(both.path("city").asText()).isEqualTo("Peoria");
        assertThat(types(both)).containsExactly("ONL");
    }

    @Test
    void pausedGroupsAreTemporarilyClosed() {
        Setup setup = fixtures.program();
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PET_VENUE);
        JsonNode group = fixtures.group(setup, "{\"format\": \"hybrid\", \"venue_id\": \"" + venue + "\", \"status\": \"paused\"}");

        assertThat(types(onlyMeetingOf(group))).containsExactlyInAnyOrder("ONL", "X", "TC");
    }

    @Test
    void groupsThatAreNotPublicOrNotWeeklyAreLeftOut() {
        Setup setup = fixtures.program();
        JsonNode archived = fixtures.group(setup, "{\"status\": \"archived\", \"publish_conference_url\": true}");
        JsonNode biweekly = fixtures.group(setup, "{\"publish_conference_url\": true, \"schedule\": {\"rrule\": "
            + "\"FREQ=WEEKLY;INTERVAL=2;BYDAY=TH\", \"start_date\": \"2026-04-02\"}}");
        JsonNode monthly = fixtures.group(setup, "{\"publish_conference_url\": true, \"schedule\": {\"rrule\": "
            + "\"FREQ=MONTHLY;BYDAY=2TU\", \"start_date\": \"2026-04-14\"}}");
        Setup draft = fixtures.draftProgram();
        JsonNode ofDraft = fixtures.group(draft, "{\"publish_conference_url\": true}");
        Setup closing = fixtures.program();
        JsonNode ofArchivedProgram = fixtures.group(closing, "{\"publish_conference_url\": true}");
        assertThat(server.admin().http().patch("/v1/programs/" + closing.programId(), "{\"status\": \"archived\"}").status())
            .isEqualTo(200);

        HttpResult feed = feed();

        for (JsonNode left : List.of(archived, biweekly, monthly, ofDraft, ofArchivedProgram)) {
            assertThat(meetingsOf(left)).isEmpty();
            assertThat(feed.body()).doesNotContain(left.path("name").asText())
                .doesNotContain(left.path("conference_url").asText());
        }
    }

    @Test
    void aGroupLeavesTheFeedWhenArchivedAndComesBackWhenActive() {
        Setup setup = fixtures.program();
        JsonNode group = fixtures.group(setup, "{}");
        String path = "/v1/groups/" + group.path("id").asText();
        assertThat(meetingsOf(group)).hasSize(1);

        assertThat(setup.coordinator().http().patch(path, "{\"status\": \"archived\"}").status()).isEqualTo(200);
        assertThat(meetingsOf(group)).isEmpty();

        assertThat(setup.coordinator().http().patch(path, "{\"status\": \"active\"}").status()).isEqualTo(200);
        assertThat(meetingsOf(group)).hasSize(1);
    }

    @Test
    void everyMeetingFollowsTheFormatsFieldRules() {
        Setup setup = fixtures.program();
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PET_VENUE);
        fixtures.group(setup, "{" + IN_PERSON + ", \"venue_id\": \"" + venue + "\"}");
        fixtures.group(setup, "{\"publish_conference_url\": true, \"timezone\": \"Europe/Berlin\", "
            + weekly("SU,SA", "2026-04-04", "09:15", 45) + "}");
        fixtures.group(setup, "{\"status\": \"paused\"}");

        JsonNode feed = feed().json();

        assertThat(feed.size()).isGreaterThanOrEqualTo(4);
        Set<String> slugs = new HashSet<>();
        for (JsonNode meeting : feed) {
            assertThat(meeting.path("name").asText()).isNotBlank();
            assertThat(slugs.add(meeting.path("slug").asText())).as("unique slug " + meeting).isTrue();
            assertThat(meeting.path("day").isInt()).isTrue();
            assertThat(meeting.path("day").asInt()).isBetween(0, 6);
            assertThat(meeting.path("time").asText()).matches(HH_MM);
            assertThat(meeting.path("end_time").asText()).matches(HH_MM);
            assertThat(meeting.path("timezone").asText()).contains("/");
            assertThat(meeting.path("updated").asText()).matches(UPDATED);
            assertThat(types(meeting)).isSubsetOf(TYPES).doesNotHaveDuplicates();
            if (meeting.has("latitude") || meeting.has("longitude")) {
                assertThat(meeting.path("latitude").asDouble()).isBetween(-90.0, 90.0);
                assertThat(meeting.path("longitude").asDouble()).isBetween(-180.0, 180.0);
            }
            if (meeting.has("conference_url")) {
                assertThat(types(meeting)).contains("ONL");
                assertThat(meeting.path("conference_url").asText()).startsWith("https://");
            }
            meeting.fields().forEachRemaining(field -> assertThat(field.getValue().isNull()).as(field.getKey()).isFalse());
        }
        assertThat(feed).anySatisfy(m -> assertThat(m.path("day").asInt()).isZero());
    }

    @Test
    void theFeedIsPublicAndCacheable() {
        HttpResult feed = server.http().get(FEED);

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("application/json");
        assertThat(feed.header("Cache-Control")).contains("public");
        assertThat(server.http().get(FEED + "?day=1").status()).isEqualTo(400);
    }
}
