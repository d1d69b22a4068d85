package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.api.CheckinsApi;
import org.kindred.sdk.api.GroupsApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.model.Checkin;
import org.kindred.sdk.model.CheckinCreate;
import org.kindred.sdk.model.Encouragement;
import org.kindred.sdk.model.EncouragementCreate;
import org.kindred.sdk.model.Progress;
import org.kindred.sdk.model.Tag;
import org.kindred.sdk.model.Visibility;

class CheckinsSdkTest {
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
    void aParticipantSharesWithTheGroupAPeerEncouragesAndTheMentorReadsProgress() {
        KindredClient participant = signedIn("participant@demo.kindred.dev");
        String program = participant.call(api -> api.programs().listPrograms(ProgramsApi.APIListProgramsRequest
            .newBuilder().q("Harbor").build())).getData().get(0).getId();
        String circle = participant.call(api -> api.groups().listGroups(GroupsApi.APIListGroupsRequest.newBuilder()
            .q("Monday").build())).getData().get(0).getId();

        Checkin shared = participant.call(api -> api.checkins().createCheckin(new CheckinCreate().programId(program)
            .mood(4).tags(Set.of(Tag.SMALL_VICTORY)).note("Spoke up in the circle tonight.")
            .visibility(Visibility.GROUP).groupId(circle), null));
        assertThat(shared.getSafety()).isNull();

        KindredClient peer = signedIn("peer@demo.kindred.dev");
        Checkin seen = peer.call(api -> api.checkins().getCheckin(shared.getId(), null));
        assertThat(seen.getMood()).isEqualTo(4);
        assertThat(seen.getNote()).as("the note is the author's alone").isNull();
        Encouragement sent = peer.call(api -> api.checkins().encourage(shared.getId(),
            new EncouragementCreate().message("So proud of you for speaking up."), null));
        assertThat(participant.call(api -> api.checkins().listEncouragements(CheckinsApi.APIListEncouragementsRequest
            .newBuilder().checkinId(shared.getId()).build())).getData())
            .extracting(Encouragement::getId).contains(sent.getId());

        KindredClient mentor = signedIn("mentor@demo.kindred.dev");
        Progress progress = mentor.call(api -> api.checkins().getProgress(CheckinsApi.APIGetProgressRequest.newBuilder()
            .userId(shared.getParticipantId()).programId(program).build()));
        assertThat(progress.getWeeks()).isNotEmpty();
        assertThat(progress.getWeeks().get(progress.getWeeks().size() - 1).getCheckins()).isPositive();
        assertThat(progress.getCurrentStreakWeeks()).isPositive();
    }

    private static KindredClient signedIn(String email) {
        KindredClient client = TestClients.anonymous(server);
        client.login(email, DemoData.PASSWORD);
        return client;
    }
}
