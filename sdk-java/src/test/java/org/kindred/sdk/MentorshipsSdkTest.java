package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.api.MentorsApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.model.FocusArea;
import org.kindred.sdk.model.MatchMode;
import org.kindred.sdk.model.MatchPreferencesInput;
import org.kindred.sdk.model.Member;
import org.kindred.sdk.model.MentorMatch;
import org.kindred.sdk.model.Mentorship;
import org.kindred.sdk.model.MentorshipRequest;
import org.kindred.sdk.model.MentorshipStatus;

class MentorshipsSdkTest {
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
    void aParticipantGetsMatchesRequestsAMentorshipAndTheMentorAccepts() {
        KindredClient participant = TestClients.anonymous(server);
        participant.login(server.account("Hopeful Finch", false).email(), TestServer.PASSWORD);
        String program = participant.call(api -> api.programs().listPrograms(ProgramsApi.APIListProgramsRequest
            .newBuilder().q("Harbor").build())).getData().get(0).getId();
        Member enrolled = participant.call(api -> api.members().enroll(program, null));
        participant.call(api -> api.members().setMatchPreferences(program, enrolled.getId(), new MatchPreferencesInput()
            .livedExperience(Set.of(FocusArea.ANXIETY)).mode(MatchMode.IN_PERSON).timezone("America/Chicago")));

        MentorMatch best = participant.call(api -> api.mentors().listMentorMatches(MentorsApi.APIListMentorMatchesRequest
            .newBuilder().programId(program).build())).getData().get(0);
        assertThat(best.getDisplayName()).isEqualTo("Steady Oak");
        assertThat(best.getReasons().getSharedLivedExperience()).containsExactly(FocusArea.ANXIETY);

        Mentorship requested = participant.call(api -> api.mentorships().requestMentorship(new MentorshipRequest()
            .programId(program).mentorId(best.getMentorId()).participantId(enrolled.getUserId())
            .message("Hello from a new participant"), null));
        assertThat(requested.getStatus()).isEqualTo(MentorshipStatus.REQUESTED);

        KindredClient mentor = TestClients.anonymous(server);
        mentor.login("mentor@demo.kindred.dev", DemoData.PASSWORD);
        Mentorship accepted = mentor.call(api -> api.mentorships().acceptMentorship(requested.getId()));
        assertThat(accepted.getStatus()).isEqualTo(MentorshipStatus.ACTIVE);
    }
}
