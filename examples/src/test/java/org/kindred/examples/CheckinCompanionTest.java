package org.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.TestServer;
import org.kindred.api.users.Account;
import org.kindred.sdk.KindredClient;
import org.kindred.sdk.api.CheckinsApi;
import org.kindred.sdk.api.MembersApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.model.Tag;

/**
 * The demo world on Wednesday 25 November 2026 at noon in Chicago: Morning Fern has checked in every other
 * evening for four weeks, so her progress is known to the week.
 */
class CheckinCompanionTest {
    private static final Instant NOON_IN_CHICAGO = Instant.parse("2026-11-25T18:00:00Z");
    private static final String RULE = "!".repeat(76);

    private static TestServer server;

    @BeforeAll
    static void demoWorld() {
        server = TestServer.start(Map.of(), new MutableClock(NOON_IN_CHICAGO));
        DemoData.seed(server.services());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCalmCheckInPrintsTheScoresAndFiveWeeksOfProgressWithNoSafetyBlock() {
        Console console = new Console();

        int status = CheckinCompanion.run(server.baseUrl(), "participant@demo.kindred.dev", DemoData.PASSWORD,
            new CheckinCompanion.Answers(null, 3, 2, List.of(Tag.GRATITUDE), "Quiet day.", List.of(3, 3, 3, 3, 3),
                List.of(1, 1, 0, 1), false), console.out);

        assertThat(status).isZero();
        assertThat(console.text()).isEqualTo("""
            Checked in to Harbor Peer Circle: mood 3/5, energy 2/5, tagged gratitude. Only you can read it.

            WHO-5 wellbeing: 60% (raw 15 of 25)
            PHQ-4: 3 of 12, mild (anxiety 2; depression 1)

            Your weeks in Harbor Peer Circle (2026-09-07 to 2026-11-25):
              2026-W37  0 check-ins
              2026-W38  0 check-ins
              2026-W39  0 check-ins
              2026-W40  0 check-ins
              2026-W41  0 check-ins
              2026-W42  0 check-ins
              2026-W43  0 check-ins
              2026-W44  2 check-ins, average mood 2.5
              2026-W45  4 check-ins, average mood 3.0
              2026-W46  3 check-ins, average mood 3.7
              2026-W47  3 check-ins, average mood 4.0
              2026-W48  2 check-ins, average mood 3.5
            Streak: 5 weeks in a row with a check-in.
            WHO-5: 40% on 2026-10-29, latest 60% on 2026-11-25 (+20 points, a meaningful change)
            """);
    }

    @Test
    void inCrisisTheHarborProgramsUsCrisisLinesComeFirstInABlock() {
        Account river = newHarborParticipant("Quiet River");
        Console console = new Console();

        int status = CheckinCompanion.run(server.baseUrl(), river.email(), TestServer.PASSWORD,
            new CheckinCompanion.Answers(null, 1, null, List.of(), null, null, null, true), console.out);

        assertThat(status).isZero();
        assertThat(console.lines().subList(0, 11)).containsExactly(
            "Checked in to Harbor Peer Circle: mood 1/5. Only you can read it.",
            "",
            RULE,
            "!! PLEASE REACH OUT NOW",
            "!! You said you are in crisis. You are not alone: please reach out now to",
            "!! one of these lines. We have let the people supporting you in this",
            "!! program know that you need support.",
            "!!",
            "!!   988 Suicide & Crisis Lifeline: call 988, text 988, chat https://988lifeline.org/chat/ (24/7)",
            "!!   Crisis Text Line: text 741741 (24/7)",
            RULE);
        assertThat(console.text()).doesNotContain("TelefonSeelsorge", "Samaritans");
        assertThat(console.lines().subList(11, console.lines().size())).contains(
            "Your weeks in Harbor Peer Circle (2026-09-07 to 2026-11-25):",
            "  2026-W48  1 check-in, average mood 1.0",
            "Streak: 1 week in a row with a check-in.",
            "WHO-5: no answers yet; add --who5 to a check-in to follow your wellbeing.");
    }

    @Test
    void aSharpFallInWellbeingBringsTheGentlerSafetyBlock() {
        Account heron = newHarborParticipant("Still Heron");
        Console before = new Console();
        CheckinCompanion.run(server.baseUrl(), heron.email(), TestServer.PASSWORD,
            new CheckinCompanion.Answers(null, 4, null, List.of(), null, List.of(4, 4, 4, 4, 4), null, false), before.out);
        Console console = new Console();

        CheckinCompanion.run(server.baseUrl(), heron.email(), TestServer.PASSWORD,
            new CheckinCompanion.Answers(null, 2, null, List.of(Tag.SETBACK), null, List.of(1, 1, 1, 1, 1), null, false),
            console.out);

        assertThat(before.text()).doesNotContain("!!");
        assertThat(console.lines()).containsSubsequence(
            "Checked in to Harbor Peer Circle: mood 2/5, tagged setback. Only you can read it.",
            RULE,
            "!! SUPPORT IS THERE FOR YOU",
            "!!   988 Suicide & Crisis Lifeline: call 988, text 988, chat https://988lifeline.org/chat/ (24/7)",
            "!!   Crisis Text Line: text 741741 (24/7)",
            RULE,
            "WHO-5 wellbeing: 20% (raw 5 of 25, below 13: poor wellbeing)",
            "WHO-5: 80% on 2026-11-25, latest 20% on 2026-11-25 (-60 points, a meaningful change)");
    }

    @Test
    void someoneInTwoProgramsIsAskedWhichOneAndNothingIsSent() {
        Console console = new Console();

        int status = CheckinCompanion.run(server.baseUrl(), "peer@demo.kindred.dev", DemoData.PASSWORD,
            new CheckinCompanion.Answers(null, 3, null, List.of(), null, null, null, false), console.out);

        assertThat(status).isEqualTo(2);
        assertThat(console.lines()).containsExactly(
            "Which program? Add --program with one of: \"Harbor Peer Circle\", \"Grief to Growth\".");
        assertThat(checkinsSince("peer@demo.kindred.dev", DemoData.PASSWORD, NOON_IN_CHICAGO.minusSeconds(1))).isZero();
    }

    @Test
    void answersOutOfRangeAreExplainedFieldByFieldAndNothingIsSaved() {
        Account wren = newHarborParticipant("Far Wren");
        Console console = new Console();

        int status = CheckinCompanion.run(server.baseUrl(), wren.email(), TestServer.PASSWORD,
            new CheckinCompanion.Answers("Harbor Peer Circle", 7, null, List.of(), null, List.of(3, 3), null, false),
            console.out);

        assertThat(status).isEqualTo(2);
        assertThat(console.lines()).containsExactly(
            "Kindred did not accept this check-in:",
            "  mood: must be between 1 and 5",
            "  who5: must have exactly 5 answers");
        assertThat(checkinsSince(wren.email(), TestServer.PASSWORD, NOON_IN_CHICAGO.minusSeconds(86_400))).isZero();
    }

    @Test
    void aWrongPasswordIsASignInFailure() {
        Console console = new Console();

        int status = CheckinCompanion.run(server.baseUrl(), "participant@demo.kindred.dev", "not-the-password",
            new CheckinCompanion.Answers(null, 3, null, List.of(), null, null, null, false), console.out);

        assertThat(status).isEqualTo(1);
        assertThat(console.lines()).containsExactly(
            "Sign-in failed for participant@demo.kindred.dev: check the email and password.");
    }

    private static Account newHarborParticipant(String name) {
        Account account = server.account(name, false);
        KindredClient client = signIn(account.email(), TestServer.PASSWORD);
        String harbor = client.call(api -> api.programs().listPrograms(ProgramsApi.APIListProgramsRequest.newBuilder()
            .q("Harbor Peer Circle").build())).getData().get(0).getId();
        client.call(api -> api.members().enroll(MembersApi.APIEnrollRequest.newBuilder().programId(harbor).build()));
        return account;
    }

    private static long checkinsSince(String email, String password, Instant since) {
        KindredClient client = signIn(email, password);
        return client.autoPage((api, cursor) -> api.checkins().listCheckins(CheckinsApi.APIListCheckinsRequest.newBuilder()
            .since(since.atOffset(ZoneOffset.UTC)).limit(100).cursor(cursor).build())).count();
    }

    private static KindredClient signIn(String email, String password) {
        KindredClient client = KindredClient.builder().baseUrl(server.baseUrl()).build();
        client.login(email, password);
        return client;
    }
}
