package org.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.TestServer;
import org.kindred.api.users.Account;
import org.kindred.sdk.KindredClient;
import org.kindred.sdk.api.MembersApi;
import org.kindred.sdk.api.MentorshipsApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.model.FocusArea;
import org.kindred.sdk.model.MatchMode;
import org.kindred.sdk.model.MatchPreferencesInput;
import org.kindred.sdk.model.Member;
import org.kindred.sdk.model.Mentorship;

/**
 * Demo mentors in Harbor Peer Circle: Steady Oak has room, Bright Harbor is full, Quiet Lantern is paused;
 * Morning Fern is Steady Oak's mentee and Blue Heron Bright Harbor's.
 */
class MentorMatchTest {
    private static TestServer server;
    private static KindredClient coordinator;
    private static String harbor;

    @BeforeAll
    static void demoWorld() {
        server = TestServer.start();
        DemoData.seed(server.services());
        coordinator = signIn("coordinator@demo.kindred.dev", DemoData.PASSWORD);
        harbor = coordinator.call(api -> api.programs().listPrograms(ProgramsApi.APIListProgramsRequest.newBuilder()
            .q("Harbor Peer Circle").build())).getData().get(0).getId();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void ranksSteadyOakForANewParticipantWithTheReasonsAndAsksThem() {
        Account river = newParticipant("Quiet River", new MatchPreferencesInput()
            .livedExperience(new LinkedHashSet<>(List.of(FocusArea.ANXIETY, FocusArea.LONELINESS)))
            .languages(new LinkedHashSet<>(List.of("es"))).mode(MatchMode.VIRTUAL).timezone("America/Chicago"));
        Console console = new Console();

        int status = run(river.email(), null, console);

        List<Mentorship> theirs = mentorshipsOf(river.id());
        assertThat(status).isZero();
        assertThat(theirs).singleElement().satisfies(m -> {
            assertThat(m.getMentorDisplayName()).isEqualTo("Steady Oak");
            assertThat(m.getStatus().getValue()).isEqualTo("requested");
        });
        assertThat(console.text()).isEqualTo("""
            Mentor matches for Quiet River in Harbor Peer Circle, best first:
              1. Steady Oak (score 7)
                 shared lived experience: anxiety
                 shared languages:        none
                 can meet:                virtual
                 contact hours in common: 4 a day
                 free places:             2

            Asking Steady Oak to mentor Quiet River...
            Requested: mentorship %s is requested; Steady Oak will accept or decline it.
            """.formatted(theirs.get(0).getId()));
    }

    @Test
    void aParticipantWithAnActiveMentorIsNotGivenASecond() {
        String fern = participantId("participant@demo.kindred.dev");
        List<Mentorship> before = mentorshipsOf(fern);
        Console console = new Console();

        int status = run("participant@demo.kindred.dev", null, console);

        assertThat(status).isEqualTo(1);
        assertThat(console.lines()).containsExactly(
            "Mentor matches for Morning Fern in Harbor Peer Circle, best first:",
            "  1. Steady Oak (score 9)",
            "     shared lived experience: anxiety",
            "     shared languages:        en",
            "     can meet:                virtual",
            "     contact hours in common: 4 a day",
            "     free places:             2",
            "",
            "Asking Steady Oak to mentor Morning Fern...",
            "Not requested: Morning Fern already has an active mentorship with Steady Oak. A participant has one mentor "
                + "at a time: end that mentorship first to change mentors.");
        assertThat(mentorshipsOf(fern)).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
    }

    @Test
    void askingAgainWhileTheFirstRequestIsOpenSaysWhoHasYetToAnswer() {
        Account lark = newParticipant("Early Lark", new MatchPreferencesInput());
        run(lark.email(), null, new Console());
        Console console = new Console();

        int status = run(lark.email(), null, console);

        assertThat(status).isEqualTo(1);
        assertThat(console.lines()).endsWith(
            "Asking Steady Oak to mentor Early Lark...",
            "Not requested: Early Lark already has a request open with Steady Oak, who has yet to answer it.");
        assertThat(mentorshipsOf(lark.id())).hasSize(1);
    }

    @Test
    void aFullMentorNamedByTheCoordinatorIsRefusedAndTheBestMatchWithRoomIsNamed() {
        Account finch = newParticipant("Grey Finch", new MatchPreferencesInput());
        Console console = new Console();

        int status = run(finch.email(), "Bright Harbor", console);

        assertThat(status).isEqualTo(1);
        assertThat(console.lines()).endsWith(
            "Bright Harbor is not in the ranking, which lists active mentors with a free place; asking anyway.",
            "Asking Bright Harbor to mentor Grey Finch...",
            "Not requested: Bright Harbor has no free place: every place is taken. The best match with room is Steady Oak.");
        assertThat(mentorshipsOf(finch.id())).isEmpty();
    }

    @Test
    void aPausedMentorIsNotTakingMentees() {
        Account moth = newParticipant("Soft Moth", new MatchPreferencesInput());
        Console console = new Console();

        int status = run(moth.email(), "Quiet Lantern", console);

        assertThat(status).isEqualTo(1);
        assertThat(console.lines()).last().isEqualTo("Not requested: Quiet Lantern is not taking new mentees right now.");
        assertThat(mentorshipsOf(moth.id())).isEmpty();
    }

    @Test
    void aParticipantCannotRunTheCoordinatorsMatching() {
        Console console = new Console();

        int status = MentorMatch.run(server.baseUrl(), "peer@demo.kindred.dev", DemoData.PASSWORD,
            new MentorMatch.Request("Harbor Peer Circle", "participant@demo.kindred.dev", null, null), console.out);

        assertThat(status).isEqualTo(1);
        assertThat(console.lines()).containsExactly(
            "peer@demo.kindred.dev may not match mentors in Harbor Peer Circle: that takes one of its coordinators.");
    }

    private static int run(String participantEmail, String mentor, Console console) {
        return MentorMatch.run(server.baseUrl(), "coordinator@demo.kindred.dev", DemoData.PASSWORD,
            new MentorMatch.Request("Harbor Peer Circle", participantEmail, mentor, "Hello from the coordinators."), console.out);
    }

    private static Account newParticipant(String name, MatchPreferencesInput preferences) {
        Account account = server.account(name, false);
        KindredClient participant = signIn(account.email(), TestServer.PASSWORD);
        Member member = participant.call(api -> api.members().enroll(MembersApi.APIEnrollRequest.newBuilder()
            .programId(harbor).build()));
        participant.call(api -> api.members().setMatchPreferences(MembersApi.APISetMatchPreferencesRequest.newBuilder()
            .programId(harbor).memberId(member.getId()).matchPreferencesInput(preferences).build()));
        return account;
    }

    private static String participantId(String email) {
        return coordinator.autoPage((api, cursor) -> api.members().listParticipants(MembersApi.APIListParticipantsRequest
                .newBuilder().programId(harbor).limit(100).cursor(cursor).build()))
            .filter(m -> email.equals(m.getEmail())).findFirst().orElseThrow().getUserId();
    }

    private static List<Mentorship> mentorshipsOf(String userId) {
        return coordinator.autoPage((api, cursor) -> api.mentorships().listMentorships(MentorshipsApi.APIListMentorshipsRequest
                .newBuilder().programId(harbor).limit(100).cursor(cursor).build()))
            .filter(m -> m.getParticipantId().equals(userId)).toList();
    }

    private static KindredClient signIn(String email, String password) {
        KindredClient client = KindredClient.builder().baseUrl(server.baseUrl()).build();
        client.login(email, password);
        return client;
    }
}
