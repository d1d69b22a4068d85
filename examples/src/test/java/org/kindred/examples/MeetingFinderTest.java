package org.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.KindredClient;
import org.kindred.sdk.api.GroupsApi;
import org.kindred.sdk.api.SessionsApi;
import org.kindred.sdk.model.Group;
import org.kindred.sdk.model.Session;
import org.kindred.sdk.model.SessionStatus;
import org.kindred.sdk.model.SessionUpdate;

/** The demo world on Wednesday 25 November 2026 at noon in Chicago, so the coming week is known. */
class MeetingFinderTest {
    private static final Instant NOON_IN_CHICAGO = Instant.parse("2026-11-25T18:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static TestServer server;
    private static Map<String, String> groupIds;

    @BeforeAll
    static void demoWorld() {
        server = TestServer.start(Map.of(), new MutableClock(NOON_IN_CHICAGO));
        DemoData.seed(server.services());
        groupIds = groupIds(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listsTheWeeksSessionsNearTheLoopAndOnlineInEachGroupsOwnTimeZone() {
        Console console = new Console();

        int status = MeetingFinder.run(server.baseUrl(),
            new MeetingFinder.Search(MeetingFinder.DEFAULT_NEAR, 10, true, NOON_IN_CHICAGO, WEEK), console.out);

        assertThat(status).isZero();
        assertThat(console.text()).isEqualTo("""
            Groups meeting in the next 7 days within 10 km of 41.8781,-87.6298, or online:

            Thursday Lunch Check-in (virtual)
              where:    online
              pets:     PET-FRIENDLY: pets welcome on camera
              sessions: Thu 26 Nov 12:00-12:30 America/Chicago
              calendar: %1$s/v1/groups/%2$s/calendar.ics

            Saturday Walk and Talk (in person)
              where:    Wicker Park Garden Pavilion, 1425 N Damen Ave, Chicago (5.2 km away)
              pets:     PET-FRIENDLY: dog, cat, other at the venue (outdoors); animals usually attend
              sessions: Sat 28 Nov 10:00-11:30 America/Chicago
              calendar: %1$s/v1/groups/%3$s/calendar.ics

            Monday Evening Circle (hybrid)
              where:    Lakeside Community Room, 1200 N Lake Shore Dr, Chicago (2.8 km away), or online
              pets:     PET-FRIENDLY: dog at the venue (outdoors), pets welcome on camera
              sessions: Mon 30 Nov 18:30-20:00 America/Chicago
              calendar: %1$s/v1/groups/%4$s/calendar.ics

            Online Grief Circle (virtual)
              where:    online
              pets:     not pet-friendly
              sessions: Tue 1 Dec 20:00-21:15 Europe/Berlin
              calendar: %1$s/v1/groups/%5$s/calendar.ics
            """.formatted(server.baseUrl(), groupIds.get("Thursday Lunch Check-in"), groupIds.get("Saturday Walk and Talk"),
            groupIds.get("Monday Evening Circle"), groupIds.get("Online Grief Circle")));
    }

    @Test
    void theCalendarLinksItPrintsServeTheGroupsICalendar() throws IOException, InterruptedException {
        Console console = new Console();
        MeetingFinder.run(server.baseUrl(), new MeetingFinder.Search(MeetingFinder.DEFAULT_NEAR, 10, true, NOON_IN_CHICAGO, WEEK),
            console.out);

        for (String line : console.lines()) {
            if (line.startsWith("  calendar: ")) {
                HttpResponse<String> calendar = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(line.substring("  calendar: ".length()))).build(),
                    HttpResponse.BodyHandlers.ofString());
                assertThat(calendar.statusCode()).isEqualTo(200);
                assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR");
            }
        }
        assertThat(console.lines()).filteredOn(line -> line.startsWith("  calendar: ")).hasSize(4);
    }

    @Test
    void aSmallerRadiusWithoutOnlineGroupsLeavesOnlyTheCircleByTheLake() {
        Console console = new Console();

        MeetingFinder.run(server.baseUrl(), new MeetingFinder.Search(MeetingFinder.DEFAULT_NEAR, 4, false, NOON_IN_CHICAGO, WEEK),
            console.out);

        assertThat(console.lines()).containsExactly(
            "Groups meeting in the next 7 days within 4 km of 41.8781,-87.6298:",
            "",
            "Monday Evening Circle (hybrid)",
            "  where:    Lakeside Community Room, 1200 N Lake Shore Dr, Chicago (2.8 km away), or online",
            "  pets:     PET-FRIENDLY: dog at the venue (outdoors), pets welcome on camera",
            "  sessions: Mon 30 Nov 18:30-20:00 America/Chicago",
            "  calendar: " + server.baseUrl() + "/v1/groups/" + groupIds.get("Monday Evening Circle") + "/calendar.ics");
    }

    @Test
    void twoWeeksShowEverySessionOfTheGroupInOrder() {
        Console console = new Console();

        MeetingFinder.run(server.baseUrl(), new MeetingFinder.Search(MeetingFinder.DEFAULT_NEAR, 4, false, NOON_IN_CHICAGO,
            Duration.ofDays(14)), console.out);

        assertThat(console.lines()).contains(
            "  sessions: Mon 30 Nov 18:30-20:00 America/Chicago",
            "            Mon 7 Dec 18:30-20:00 America/Chicago");
    }

    @Test
    void nothingNearbyIsSaidPlainly() {
        Console console = new Console();

        int status = MeetingFinder.run(server.baseUrl(), new MeetingFinder.Search("0,0", 1, false, NOON_IN_CHICAGO, WEEK),
            console.out);

        assertThat(status).isZero();
        assertThat(console.lines()).containsExactly("No groups meet in the next 7 days within 1 km of 0,0.");
    }

    @Test
    void aPointOffTheGlobeIsExplainedByTheServersFieldErrors() {
        Console console = new Console();

        int status = MeetingFinder.run(server.baseUrl(), new MeetingFinder.Search("91,0", 10, true, NOON_IN_CHICAGO, WEEK),
            console.out);

        assertThat(status).isEqualTo(2);
        assertThat(console.lines()).hasSize(2);
        assertThat(console.lines().get(0)).isEqualTo("Kindred cannot search like that:");
        assertThat(console.lines().get(1)).startsWith("  near: must be latitude,longitude");
    }

    @Test
    void aCancelledSessionIsMarkedWithTheFacilitatorsNote() {
        try (TestServer own = TestServer.start(Map.of(), new MutableClock(NOON_IN_CHICAGO))) {
            DemoData.seed(own.services());
            KindredClient coordinator = KindredClient.builder().baseUrl(own.baseUrl()).build();
            coordinator.login("coordinator@demo.kindred.dev", DemoData.PASSWORD);
            String monday = groupIds(own).get("Monday Evening Circle");
            Session next = coordinator.call(api -> api.sessions().listSessions(SessionsApi.APIListSessionsRequest.newBuilder()
                .groupId(monday).limit(1).build())).getData().get(0);
            coordinator.call(api -> api.sessions().updateSession(SessionsApi.APIUpdateSessionRequest.newBuilder()
                .sessionId(next.getId()).sessionUpdate(new SessionUpdate().status(SessionStatus.CANCELLED)
                    .note("The room is being painted; back next week.")).build()));
            Console console = new Console();

            MeetingFinder.run(own.baseUrl(), new MeetingFinder.Search(MeetingFinder.DEFAULT_NEAR, 4, false, NOON_IN_CHICAGO, WEEK),
                console.out);

            assertThat(console.lines()).contains(
                "  sessions: Mon 30 Nov 18:30-20:00 America/Chicago CANCELLED: The room is being painted; back next week.");
        }
    }

    private static Map<String, String> groupIds(TestServer server) {
        KindredClient anyone = KindredClient.builder().baseUrl(server.baseUrl()).build();
        return anyone.autoPage((api, cursor) -> api.groups().listGroups(
                GroupsApi.APIListGroupsRequest.newBuilder().limit(100).cursor(cursor).build()))
            .collect(Collectors.toMap(Group::getName, Group::getId));
    }
}
