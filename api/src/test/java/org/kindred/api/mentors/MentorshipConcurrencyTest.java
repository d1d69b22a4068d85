package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.mentors.MentorFixtures.act;
import static org.kindred.api.mentors.MentorFixtures.completed;
import static org.kindred.api.mentors.MentorFixtures.ids;
import static org.kindred.api.mentors.MentorFixtures.read;
import static org.kindred.api.mentors.MentorFixtures.request;
import static org.kindred.api.mentors.MentorFixtures.requested;
import static org.kindred.api.mentors.MentorFixtures.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.mentors.MentorFixtures.Circle;
import org.kindred.api.mentors.MentorFixtures.MentorRef;
import org.kindred.api.mentors.MentorFixtures.Participant;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.TestServer;

class MentorshipConcurrencyTest {
    private static TestServer server;
    private static MentorFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new MentorFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Runs every call on its own thread, all released at once, and returns the results in call order. */
    private static List<HttpResult> atOnce(List<Callable<HttpResult>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResult>> futures = new ArrayList<>();
            for (Callable<HttpResult> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<HttpResult> results = new ArrayList<>();
            for (Future<HttpResult> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyParallelAcceptsNeverExceedACapacityOfThree() throws Exception {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine", "capacity", 3);
        List<Participant> participants = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Participant participant = fixtures.participant(circle, "Quiet River " + i);
            participants.add(participant);
            requests.add(requested(circle, mentor, participant));
        }

        List<Callable<HttpResult>> accepts = new ArrayList<>();
        for (String id : requests) {
            accepts.add(() -> act(mentor.person(), id, "accept"));
        }
        List<HttpResult> results = atOnce(accepts);

        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            HttpResult result = results.get(i);
            if (result.status() == 200) {
                assertThat(result.text("/status")).isEqualTo("active");
                accepted.add(requests.get(i));
            } else {
                assertThat(result.status()).as(result.toString()).isEqualTo(409);
                assertThat(result.code()).isEqualTo("mentor_full");
                assertThat(status(participants.get(i).person(), requests.get(i))).isEqualTo("requested");
            }
        }
        assertThat(accepted).hasSize(3);
        assertThat(ids(mentor.person().http().get("/v1/mentorships?limit=100&status=active")))
            .containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(ids(mentor.person().http().get("/v1/mentorships?limit=100&status=requested"))).hasSize(17);
        JsonNode profile = read(mentor.person(), "/v1/mentors/" + mentor.id());
        assertThat(profile.path("active_mentees").asInt()).isEqualTo(3);
        assertThat(profile.path("free_capacity").asInt()).isZero();
    }

    @Test
    void twoParallelRequestsForOneParticipantMakeOneMentorship() throws Exception {
        Circle circle = fixtures.circle();
        MentorRef first = fixtures.mentor(circle, "Tall Pine");
        MentorRef second = fixtures.mentor(circle, "Bright Fern");
        Participant participant = fixtures.participant(circle, "Quiet River");

        List<HttpResult> results = atOnce(List.of(
            () -> request(participant.person(), circle, first, participant.userId()),
            () -> request(circle.coordinator(), circle, second, participant.userId())));

        assertThat(results).extracting(HttpResult::status).containsExactlyInAnyOrder(201, 409);
        HttpResult refused = results.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.code()).isEqualTo("mentorship_exists");
        assertThat(ids(participant.http().get("/v1/mentorships"))).hasSize(1);
    }

    @Test
    void bothSidesAgreeingAtOnceContinueTheMentorship() throws Exception {
        Circle circle = fixtures.circle();
        MentorRef mentor = fixtures.mentor(circle, "Tall Pine");
        Participant participant = fixtures.participant(circle, "Quiet River");
        String id = completed(circle, mentor, participant);

        List<HttpResult> results = atOnce(List.of(() -> act(mentor.person(), id, "continue"),
            () -> act(participant.person(), id, "continue")));

        assertThat(results).extracting(HttpResult::status).containsExactly(200, 200);
        assertThat(results).extracting(r -> r.text("/status")).containsExactlyInAnyOrder("completed", "continuing");
        JsonNode stored = read(participant.person(), "/v1/mentorships/" + id);
        assertThat(stored.path("status").asText()).isEqualTo("continuing");
        assertThat(stored.path("mentor_agreed_to_continue").asBoolean()).isTrue();
        assertThat(stored.path("participant_agreed_to_continue").asBoolean()).isTrue();
    }
}
