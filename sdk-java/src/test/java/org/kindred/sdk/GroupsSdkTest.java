package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.api.GroupsApi;
import org.kindred.sdk.api.SessionsApi;
import org.kindred.sdk.model.AttendanceMode;
import org.kindred.sdk.model.Group;
import org.kindred.sdk.model.GroupList;
import org.kindred.sdk.model.GroupMember;
import org.kindred.sdk.model.GroupMemberStatus;
import org.kindred.sdk.model.Rsvp;
import org.kindred.sdk.model.RsvpRequest;
import org.kindred.sdk.model.RsvpStatus;
import org.kindred.sdk.model.Session;

class GroupsSdkTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        DemoData.seed(server.services());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMemberFindsAGroupNearAPointJoinsRsvpsAndDownloadsTheCalendar() {
        KindredClient kindred = TestClients.anonymous(server);
        kindred.login("participant@demo.kindred.dev", DemoData.PASSWORD);

        GroupList near = kindred.call(api -> api.groups().listGroups(GroupsApi.APIListGroupsRequest.newBuilder()
            .near("41.88,-87.63").radiusKm(10.0).petFriendly(true).build()));
        Group walk = near.getData().stream().filter(g -> g.getName().equals("Saturday Walk and Talk")).findFirst().orElseThrow();

        GroupMember joined = kindred.call(api -> api.groups().joinGroup(walk.getId(), null));
        assertThat(joined.getStatus()).isEqualTo(GroupMemberStatus.ACTIVE);

        Session next = kindred.call(api -> api.sessions().listSessions(SessionsApi.APIListSessionsRequest.newBuilder()
            .groupId(walk.getId()).limit(1).build())).getData().get(0);
        Rsvp rsvp = kindred.call(api -> api.sessions().rsvpSession(next.getId(),
            new RsvpRequest().status(RsvpRequest.StatusEnum.GOING).attendanceMode(AttendanceMode.IN_PERSON)));
        assertThat(rsvp.getStatus()).isEqualTo(RsvpStatus.GOING);

        String calendar = kindred.call(api -> api.sessions().getGroupCalendar(walk.getId()));
        assertThat(calendar).startsWith("BEGIN:VCALENDAR").contains("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA")
            .contains("TZID:America/Chicago");
    }
}
