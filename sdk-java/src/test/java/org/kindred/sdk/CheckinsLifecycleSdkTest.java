package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kindred.sdk.SdkFixtures.demo;
import static org.kindred.sdk.SdkFixtures.etag;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.api.AuditApi;
import org.kindred.sdk.api.CheckinsApi;
import org.kindred.sdk.api.GroupsApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.model.Alert;
import org.kindred.sdk.model.AuditAction;
import org.kindred.sdk.model.AuditEntry;
import org.kindred.sdk.model.Celebration;
import org.kindred.sdk.model.Checkin;
import org.kindred.sdk.model.CheckinCreate;
import org.kindred.sdk.model.CheckinUpdate;
import org.kindred.sdk.model.CrisisLine;
import org.kindred.sdk.model.DataExport;
import org.kindred.sdk.model.Encouragement;
import org.kindred.sdk.model.EncouragementCreate;
import org.kindred.sdk.model.ErasureRequest;
import org.kindred.sdk.model.Mentorship;
import org.kindred.sdk.model.SafetyLevel;
import org.kindred.sdk.model.Tag;
import org.kindred.sdk.model.Visibility;

/**
 * A check-in app on the demo's Harbor Peer Circle: Morning Fern (participant@) checks in, corrects and deletes
 * check-ins and decides whose encouragement stays visible; Blue Heron (peer@) shares her Monday circle; Steady
 * Oak (mentor@) mentors her and takes up safety alerts; the admin reads the audit log; and a person takes their
 * data and erases themselves.
 */
class CheckinsLifecycleSdkTest {
    private static TestServer server;
    private static String harborId;
    private static String circleId;
    private static KindredClient fern;
    private static String fernId;
    private static KindredClient heron;
    private static KindredClient steadyOak;
    private static String steadyOakId;
    private static KindredClient coordinator;
    private static KindredClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        DemoData.seed(server.services());
        fern = demo(server, "participant");
        fernId = fern.call(api -> api.users().getMe((String) null)).getId();
        heron = demo(server, "peer");
        steadyOak = demo(server, "mentor");
        steadyOakId = steadyOak.call(api -> api.users().getMe((String) null)).getId();
        coordinator = demo(server, "coordinator");
        admin = demo(server, "admin");
        harborId = fern.call(api -> api.programs().listPrograms(ProgramsApi.APIListProgramsRequest.newBuilder()
            .q("Harbor").build())).getData().get(0).getId();
        circleId = fern.call(api -> api.groups().listGroups(GroupsApi.APIListGroupsRequest.newBuilder()
            .q("Monday Evening").build())).getData().get(0).getId();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Checkin checkIn(CheckinCreate checkin) {
        return fern.call(api -> api.checkins().createCheckin(checkin.programId(harborId), null));
    }

    private static List<Checkin> checkinsOfFern(KindredClient as) {
        return as.autoPage((api, cursor) -> api.checkins().listCheckins(CheckinsApi.APIListCheckinsRequest.newBuilder()
            .participantId(fernId).cursor(cursor).limit(100).build())).toList();
    }

    private static List<AuditEntry> audit(String actorId, String subjectId, AuditAction action, OffsetDateTime since) {
        return admin.autoPage((api, cursor) -> api.audit().listAudit(AuditApi.APIListAuditRequest.newBuilder()
            .actorId(actorId).subjectId(subjectId).action(action).since(since).cursor(cursor).build())).toList();
    }

    @Test
    void aMentorReadsWhatIsSharedWithThemWithoutTheNotesAndTheReadIsAudited() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        List<Checkin> own = checkinsOfFern(fern);
        assertThat(own).extracting(Checkin::getNote).contains("Evening notes, kept to myself.");
        assertThat(own).extracting(Checkin::getVisibility).contains(Visibility.PRIVATE, Visibility.MENTOR, Visibility.GROUP);

        List<Checkin> shared = checkinsOfFern(steadyOak);

        assertThat(shared).isNotEmpty().allSatisfy(checkin -> {
            assertThat(checkin.getVisibility()).isIn(Visibility.MENTOR, Visibility.GROUP);
            assertThat(checkin.getNote()).isNull();
        });
        assertThat(shared).hasSizeLessThan(own.size());
        assertThat(audit(steadyOakId, fernId, AuditAction.CHECKIN_READ, before)).extracting(AuditEntry::getObjectId)
            .containsExactlyInAnyOrderElementsOf(shared.stream().map(Checkin::getId).toList());
        assertThatThrownBy(() -> steadyOak.call(api -> api.audit().listAudit(AuditApi.APIListAuditRequest.newBuilder().build())))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
    }

    @Test
    void aParticipantCorrectsTodaysCheckInWithTheVersionTheyRead() {
        Checkin first = checkIn(new CheckinCreate().mood(2).energy(2).tags(Set.of(Tag.SETBACK))
            .note("Rough morning.").visibility(Visibility.PRIVATE));
        String etag = etag(fern.call(api -> api.checkins().getCheckinWithHttpInfo(first.getId(), null)));

        Checkin corrected = fern.call(api -> api.checkins().updateCheckin(first.getId(), new CheckinUpdate().mood(3)
            .tags(Set.of(Tag.SETBACK, Tag.COPING_STRATEGY)).note("Rough morning; the walk helped."), etag));

        assertThat(corrected.getMood()).isEqualTo(3);
        assertThat(corrected.getEnergy()).isEqualTo(2);
        assertThat(corrected.getTags()).containsExactlyInAnyOrder(Tag.SETBACK, Tag.COPING_STRATEGY);
        assertThat(corrected.getNote()).isEqualTo("Rough morning; the walk helped.");
        assertThatThrownBy(() -> fern.call(api -> api.checkins().updateCheckin(first.getId(), new CheckinUpdate().mood(5)
            .tags(Set.of(Tag.GRATITUDE)), etag)))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("precondition_failed"));
        assertThatThrownBy(() -> heron.call(api -> api.checkins().updateCheckin(first.getId(), new CheckinUpdate().mood(1)
            .tags(Set.of(Tag.SETBACK)), null)))
            .as("a private check-in does not exist for anyone else")
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThat(fern.call(api -> api.checkins().getCheckin(first.getId(), null)).getMood()).isEqualTo(3);
    }

    @Test
    void aParticipantDeletesACheckInAndNobodyElseCan() {
        Checkin shared = checkIn(new CheckinCreate().mood(3).visibility(Visibility.GROUP).groupId(circleId));
        assertThatThrownBy(() -> heron.run(api -> api.checkins().deleteCheckin(shared.getId(), null))).isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
        assertThat(heron.call(api -> api.checkins().getCheckin(shared.getId(), null)).getMood()).isEqualTo(3);

        String etag = etag(fern.call(api -> api.checkins().getCheckinWithHttpInfo(shared.getId(), null)));
        fern.run(api -> api.checkins().deleteCheckin(shared.getId(), etag));

        assertThatThrownBy(() -> fern.call(api -> api.checkins().getCheckin(shared.getId(), null)))
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThat(checkinsOfFern(heron)).extracting(Checkin::getId).doesNotContain(shared.getId());
    }

    @Test
    void theAuthorHidesAnEncouragementFromEveryoneElse() {
        Checkin victory = checkIn(new CheckinCreate().mood(4).tags(Set.of(Tag.SMALL_VICTORY))
            .visibility(Visibility.GROUP).groupId(circleId));
        Encouragement sent = heron.call(api -> api.checkins().encourage(victory.getId(),
            new EncouragementCreate().message("Look at you go!"), null));
        assertThatThrownBy(() -> heron.call(api -> api.checkins().hideEncouragement(victory.getId(), sent.getId())))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));

        Encouragement hidden = fern.call(api -> api.checkins().hideEncouragement(victory.getId(), sent.getId()));

        assertThat(hidden.getHidden()).isTrue();
        assertThat(hidden.getMessage()).isEqualTo("Look at you go!");
        assertThat(heron.autoPage((api, cursor) -> api.checkins().listEncouragements(victory.getId(), null, cursor))).isEmpty();
        assertThat(fern.autoPage((api, cursor) -> api.checkins().listEncouragements(victory.getId(), null, cursor)))
            .singleElement().satisfies(e -> assertThat(e.getHidden()).isTrue());
    }

    @Test
    void theCircleCelebratesSmallVictoriesByDisplayNameOnly() {
        List<Celebration> celebrations = heron.autoPage((api, cursor) -> api.checkins().listCelebrations(harborId, null, cursor))
            .toList();

        assertThat(celebrations).anySatisfy(celebration -> {
            assertThat(celebration.getParticipantDisplayName()).isEqualTo("Morning Fern");
            assertThat(celebration.getGroupId()).isEqualTo(circleId);
            assertThat(celebration.getTags()).contains(Tag.SMALL_VICTORY, Tag.ATTENDED_GROUP);
            assertThat(celebration.getEncouragements()).isEqualTo(1);
        });
        KindredClient outsideTheCircle = demo(server, "alumni");
        assertThat(outsideTheCircle.call(api -> api.checkins().listCelebrations(harborId, null, null)).getData()).isEmpty();
    }

    @Test
    void aCrisisCheckInShowsCrisisLinesAndTheMentorTakesUpTheAlert() {
        Checkin crisis = checkIn(new CheckinCreate().mood(1).inCrisis(true).note("I can't do tonight.")
            .visibility(Visibility.PRIVATE));
        assertThat(crisis.getSafety().getLevel()).isEqualTo(SafetyLevel.CRISIS);
        assertThat(crisis.getSafety().getCrisisLines()).extracting(CrisisLine::getCountry).containsOnly("US").isNotEmpty();

        Alert alert = steadyOak.autoPage((api, cursor) -> api.alerts().listAlerts(null, cursor, false))
            .filter(a -> a.getParticipantId().equals(fernId)).findFirst().orElseThrow();
        assertThat(alert.getLevel()).isEqualTo(SafetyLevel.CRISIS);
        assertThat(alert.getParticipantDisplayName()).isEqualTo("Morning Fern");
        assertThatThrownBy(() -> fern.call(api -> api.alerts().acknowledgeAlert(alert.getId())))
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThat(heron.call(api -> api.alerts().listAlerts(null, null, null)).getData()).isEmpty();

        Alert taken = steadyOak.call(api -> api.alerts().acknowledgeAlert(alert.getId()));

        assertThat(taken.getAcknowledgedAt()).isNotNull();
        assertThat(taken.getAcknowledgedByDisplayName()).isEqualTo("Steady Oak");
        assertThat(coordinator.autoPage((api, cursor) -> api.alerts().listAlerts(null, cursor, true)))
            .filteredOn(a -> a.getId().equals(alert.getId()))
            .singleElement().satisfies(a -> assertThat(a.getAcknowledgedByDisplayName()).isEqualTo("Steady Oak"));
        assertThat(audit(steadyOakId, fernId, AuditAction.ALERT_ACKNOWLEDGED, null)).extracting(AuditEntry::getObjectId)
            .containsExactly(alert.getId());
    }

    @Test
    void aParticipantTakesEverythingKindredHoldsAboutThem() {
        DataExport export = fern.call(api -> api.users().exportMe());

        assertThat(export.getAccount().getEmail()).isEqualTo("participant@demo.kindred.dev");
        assertThat(export.getCheckins()).isNotEmpty().allSatisfy(c -> assertThat(c.getParticipantId()).isEqualTo(fernId));
        assertThat(export.getCheckins()).extracting(Checkin::getNote).contains("Evening notes, kept to myself.");
        assertThat(export.getMentorships()).extracting(Mentorship::getMentorDisplayName).contains("Steady Oak");
        assertThat(export.getGroupMemberships()).extracting(m -> m.getGroupId()).contains(circleId);
        assertThat(export.getEncouragementsReceived()).extracting(Encouragement::getMessage)
            .contains("That took courage. Glad you came!");
        assertThat(audit(fernId, fernId, AuditAction.DATA_EXPORTED, null)).isNotEmpty();
    }

    @Test
    void aPersonErasesThemselvesOnlyWithTheirPassword() {
        var account = server.account("Passing Cloud", false);
        KindredClient cloud = TestClients.signedIn(server, account.email(), TestServer.PASSWORD);
        cloud.call(api -> api.members().enroll(harborId, null));
        cloud.call(api -> api.checkins().createCheckin(new CheckinCreate().programId(harborId).mood(3), null));
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);

        assertThatThrownBy(() -> cloud.run(api -> api.users().eraseMe(new ErasureRequest().password("not my password")))).isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
        assertThat(cloud.call(api -> api.users().getMe((String) null)).getMemberships()).hasSize(1);

        cloud.run(api -> api.users().eraseMe(new ErasureRequest().password(TestServer.PASSWORD)));

        assertThatThrownBy(() -> TestClients.signedIn(server, account.email(), TestServer.PASSWORD))
            .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.code()).isEqualTo("invalid_credentials"));
        assertThat(admin.call(api -> api.users().listUsers(null, null, account.email())).getData()).isEmpty();
        assertThat(audit(null, null, AuditAction.ACCOUNT_ERASED, before)).singleElement()
            .satisfies(entry -> assertThat(entry.getSubjectId()).as("kept under a pseudonym").isNotEqualTo(account.id()));
        assertThat(audit(null, account.id(), null, null)).isEmpty();
    }
}
