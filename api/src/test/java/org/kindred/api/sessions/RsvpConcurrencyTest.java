package org.kindred.api.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.groups.GroupFixtures.Setup;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class RsvpConcurrencyTest {
    private static final int MEMBERS = 50;
    private static final int SEATS = 10;
    private static final String GOING_IN_PERSON = "{\"status\": \"going\", \"attendance_mode\": \"in_person\"}";

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

    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyConcurrentAnswersFillTenSeatsAndQueueTheRestAndACancellationPromotesTheFirstInLine() throws Exception {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        String venue = fixtures.venue(setup.programId(), GroupFixtures.PLAIN_VENUE);
        String groupId = fixtures.groupId(setup, "{\"format\": \"in_person\", \"venue_id\": \"" + venue
            + "\", \"conference_url\": null, \"conference_notes\": null, \"capacity\": {\"in_person\": " + SEATS
            + "}, \"facilitator_ids\": [\"" + facilitator.userId() + "\"]}");
        String sessionId = GroupFixtures.comingSessions(server.http(), groupId).get(0).path("id").asText();
        List<Callable<Session>> joins = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String name = "Quiet Member " + i;
            joins.add(() -> fixtures.member(setup.programId(), groupId, name));
        }
        List<Session> members = inParallel(joins);

        List<Callable<HttpResult>> answers = new ArrayList<>();
        members.forEach(member -> answers.add(() -> member.http().put("/v1/sessions/" + sessionId + "/rsvp", GOING_IN_PERSON)));
        List<HttpResult> results = inParallel(answers);

        Map<String, Integer> positions = new HashMap<>();
        List<String> going = new ArrayList<>();
        for (HttpResult result : results) {
            assertThat(result.status()).as(result.toString()).isEqualTo(200);
            JsonNode rsvp = result.json();
            if (rsvp.path("status").asText().equals("going")) {
                assertThat(rsvp.path("waitlist_position").isNull()).isTrue();
                going.add(rsvp.path("user_id").asText());
            } else {
                assertThat(rsvp.path("status").asText()).isEqualTo("waitlisted");
                positions.put(rsvp.path("user_id").asText(), rsvp.path("waitlist_position").asInt());
            }
        }
        assertThat(going).hasSize(SEATS);
        assertThat(positions).hasSize(MEMBERS - SEATS);
        assertThat(positions.values()).containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, MEMBERS - SEATS).boxed().toList());
        JsonNode session = server.http().get("/v1/sessions/" + sessionId).json();
        assertThat(session.at("/in_person/going").asInt()).isEqualTo(SEATS);
        assertThat(session.at("/in_person/waitlisted").asInt()).isEqualTo(MEMBERS - SEATS);

        String firstInLine = positions.entrySet().stream().filter(e -> e.getValue() == 1).findFirst().orElseThrow().getKey();
        String secondInLine = positions.entrySet().stream().filter(e -> e.getValue() == 2).findFirst().orElseThrow().getKey();
        Session leaving = members.stream().filter(m -> m.userId().equals(going.get(0))).findFirst().orElseThrow();
        HttpResult cancelled = leaving.http().put("/v1/sessions/" + sessionId + "/rsvp",
            "{\"status\": \"cancelled\", \"attendance_mode\": \"in_person\"}");
        assertThat(cancelled.status()).isEqualTo(200);

        Map<String, JsonNode> after = new HashMap<>();
        String cursor = null;
        do {
            HttpResult page = facilitator.http().get("/v1/sessions/" + sessionId + "/rsvps?limit=100"
                + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("data").forEach(r -> after.put(r.path("user_id").asText(), r));
            cursor = page.json().path("has_more").asBoolean() ? page.text("/next_cursor") : null;
        } while (cursor != null);
        assertThat(after).hasSize(MEMBERS);
        assertThat(after.get(firstInLine).path("status").asText()).isEqualTo("going");
        assertThat(after.get(secondInLine).path("waitlist_position").asInt()).isEqualTo(1);
        assertThat(after.get(leaving.userId()).path("status").asText()).isEqualTo("cancelled");
        assertThat(after.values().stream().filter(r -> r.path("status").asText().equals("going"))).hasSize(SEATS);
        assertThat(after.values().stream().filter(r -> r.path("status").asText().equals("waitlisted"))).hasSize(MEMBERS - SEATS - 1);
        JsonNode now = server.http().get("/v1/sessions/" + sessionId).json();
        assertThat(now.at("/in_person/going").asInt()).isEqualTo(SEATS);
        assertThat(now.at("/in_person/waitlisted").asInt()).isEqualTo(MEMBERS - SEATS - 1);
    }
}
