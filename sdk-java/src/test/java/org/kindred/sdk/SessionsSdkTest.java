package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.kindred.sdk.SdkFixtures.demo;
import static org.kindred.sdk.SdkFixtures.etag;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.api.GroupsApi;
import org.kindred.sdk.model.AttendanceList;
import org.kindred.sdk.model.AttendanceMode;
import org.kindred.sdk.model.AttendanceRecord;
import org.kindred.sdk.model.AttendanceStatus;
import org.kindred.sdk.model.AttendanceUpdate;
import org.kindred.sdk.model.AttendanceUpdateRecordsInner;
import org.kindred.sdk.model.MeetingGuideMeeting;
import org.kindred.sdk.model.Rsvp;
import org.kindred.sdk.model.RsvpRequest;
import org.kindred.sdk.model.RsvpStatus;
import org.kindred.sdk.model.Session;
import org.kindred.sdk.model.SessionStatus;
import org.kindred.sdk.model.SessionUpdate;

/**
 * A facilitator's tools on the demo's Monday Evening Circle (facilitated by Steady Oak, with Morning Fern and
 * Blue Heron coming to the next session), and the public Meeting Guide feed that meeting finders read.
 */
class SessionsSdkTest {
    private static TestServer server;
    private static KindredClient anyone;
    private static KindredClient facilitator;
    private static KindredClient fern;
    private static String fernId;
    private static String heronId;
    private static String circleId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        DemoData.seed(server.services());
        anyone = TestClients.anonymous(server);
        facilitator = demo(server, "mentor");
        fern = demo(server, "participant");
        fernId = fern.call(api -> api.users().getMe((String) null)).getId();
        heronId = demo(server, "peer").call(api -> api.users().getMe((String) null)).getId();
        circleId = anyone.call(api -> api.groups().listGroups(GroupsApi.APIListGroupsRequest.newBuilder()
            .q("Monday Evening").build())).getData().get(0).getId();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Session> sessions(OffsetDateTime from, OffsetDateTime to) {
        return anyone.autoPage((api, cursor) -> api.sessions().listSessions(circleId, from, to, null, cursor)).toList();
    }

    private static List<Session> comingSessions() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return sessions(now.plusMinutes(1), now.plusDays(30));
    }

    private static Session lastSessionThatStarted() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Session> past = sessions(now.minusDays(15), now.minusMinutes(1));
        return past.get(past.size() - 1);
    }

    @Test
    void theFacilitatorSeesWhoIsComingAndTheMembersDoNot() {
        Session next = comingSessions().get(0);

        List<Rsvp> coming = facilitator.autoPage((api, cursor) -> api.sessions().listRsvps(next.getId(), null, cursor)).toList();

        assertThat(coming).extracting(Rsvp::getDisplayName, Rsvp::getStatus, Rsvp::getAttendanceMode)
            .containsExactlyInAnyOrder(
                tuple("Morning Fern", RsvpStatus.GOING, AttendanceMode.IN_PERSON),
                tuple("Blue Heron", RsvpStatus.GOING, AttendanceMode.ONLINE));
        Session read = anyone.call(api -> api.sessions().getSession(next.getId(), (String) null));
        assertThat(read.getInPerson().getGoing()).isEqualTo(1);
        assertThat(read.getOnline().getGoing()).isEqualTo(1);
        assertThatThrownBy(() -> fern.call(api -> api.sessions().listRsvps(next.getId(), null, null)))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
    }

    @Test
    void aFacilitatorAnnotatesOneSessionAndEveryoneReadsTheNote() {
        Session later = comingSessions().get(1);
        String etag = etag(facilitator.call(api -> api.sessions().getSessionWithHttpInfo(later.getId(), null)));

        Session annotated = facilitator.call(api -> api.sessions().updateSession(later.getId(),
            new SessionUpdate().note("We meet in the garden room this week."), etag));

        assertThat(annotated.getNote()).isEqualTo("We meet in the garden room this week.");
        assertThat(annotated.getId()).isEqualTo(later.getId());
        assertThat(anyone.call(api -> api.sessions().getSession(later.getId(), (String) null)).getNote())
            .isEqualTo("We meet in the garden room this week.");
        assertThatThrownBy(() -> facilitator.call(api -> api.sessions().updateSession(later.getId(),
            new SessionUpdate().note("Stale"), etag)))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("precondition_failed"));
    }

    @Test
    void aMemberCannotChangeASession() {
        Session later = comingSessions().get(2);

        assertThatThrownBy(() -> fern.call(api -> api.sessions().updateSession(later.getId(),
            new SessionUpdate().status(SessionStatus.CANCELLED), null)))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));

        assertThat(anyone.call(api -> api.sessions().getSession(later.getId(), (String) null)).getStatus())
            .isEqualTo(SessionStatus.SCHEDULED);
    }

    @Test
    void nobodyCanSayTheyAreComingToACancelledSession() {
        Session later = comingSessions().get(3);
        Session cancelled = facilitator.call(api -> api.sessions().updateSession(later.getId(),
            new SessionUpdate().status(SessionStatus.CANCELLED).note("The room is closed for a holiday."), null));
        assertThat(cancelled.getStatus()).isEqualTo(SessionStatus.CANCELLED);

        assertThatThrownBy(() -> fern.call(api -> api.sessions().rsvpSession(later.getId(),
            new RsvpRequest().status(RsvpRequest.StatusEnum.GOING).attendanceMode(AttendanceMode.IN_PERSON))))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("conflict"));
        assertThat(facilitator.autoPage((api, cursor) -> api.sessions().listRsvps(later.getId(), null, cursor))).isEmpty();
    }

    @Test
    void aFacilitatorRecordsWhoCameToTheLastCircle() {
        Session last = lastSessionThatStarted();

        AttendanceList recorded = facilitator.call(api -> api.sessions().recordAttendance(last.getId(), new AttendanceUpdate()
            .addRecordsItem(new AttendanceUpdateRecordsInner().userId(fernId).status(AttendanceStatus.ATTENDED))
            .addRecordsItem(new AttendanceUpdateRecordsInner().userId(heronId).status(AttendanceStatus.ABSENT))));

        assertThat(recorded.getData()).hasSize(2);
        List<AttendanceRecord> read = facilitator.call(api -> api.sessions().getAttendance(last.getId())).getData();
        assertThat(read).extracting(AttendanceRecord::getDisplayName, AttendanceRecord::getStatus).containsExactlyInAnyOrder(
            tuple("Morning Fern", AttendanceStatus.ATTENDED),
            tuple("Blue Heron", AttendanceStatus.ABSENT));
        assertThat(read).allSatisfy(record -> assertThat(record.getRecordedAt()).isNotNull());
        assertThatThrownBy(() -> fern.call(api -> api.sessions().getAttendance(last.getId())))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
    }

    @Test
    void attendanceWaitsUntilTheSessionHasStarted() {
        Session next = comingSessions().get(0);

        assertThatThrownBy(() -> facilitator.call(api -> api.sessions().recordAttendance(next.getId(), new AttendanceUpdate()
            .addRecordsItem(new AttendanceUpdateRecordsInner().userId(fernId).status(AttendanceStatus.ATTENDED)))))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("conflict"));

        assertThat(facilitator.call(api -> api.sessions().getAttendance(next.getId())).getData()).isEmpty();
    }

    @Test
    void meetingFindersReadTheWeeklyGroupsFromTheMeetingGuideFeed() {
        List<MeetingGuideMeeting> feed = anyone.call(api -> api.feeds().getMeetingGuideFeed());

        MeetingGuideMeeting monday = feed.stream().filter(m -> m.getName().equals("Monday Evening Circle"))
            .findFirst().orElseThrow();
        assertThat(monday.getDay()).isEqualTo(1);
        assertThat(monday.getTime()).isEqualTo("18:30");
        assertThat(monday.getEndTime()).isEqualTo("20:00");
        assertThat(monday.getTimezone()).isEqualTo("America/Chicago");
        assertThat(monday.getTypes()).contains(MeetingGuideMeeting.TypesEnum.ONL, MeetingGuideMeeting.TypesEnum.X);
        assertThat(monday.getCity()).isEqualTo("Chicago");
        assertThat(feed).extracting(MeetingGuideMeeting::getName)
            .contains("Thursday Lunch Check-in", "Online Grief Circle")
            .doesNotContain("Trauercafé am Abend");
    }
}
