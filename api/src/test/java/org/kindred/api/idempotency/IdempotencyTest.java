package org.kindred.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class IdempotencyTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String KEY = "Idempotency-Key";

    private static TestServer server;
    private static Session admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstCreateWithoutCreatingAgain() {
        String name = uniqueName("Replay Circle");
        String key = newKey();

        HttpResult first = admin.http().header(KEY, key).post("/v1/programs", programBody(name));
        HttpResult second = admin.http().header(KEY, key).post("/v1/programs", programBody(name));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"))
            .isEqualTo("/v1/programs/" + first.text("/id"));
        assertThat(second.header("Content-Type")).startsWith("application/json");
        assertThat(programIdsNamed(name)).containsExactly(first.text("/id"));
    }

    @Test
    void replayAnswersEvenAfterTheResourceChanged() {
        String name = uniqueName("Changed Circle");
        String key = newKey();
        HttpResult first = admin.http().header(KEY, key).post("/v1/programs", programBody(name));
        admin.http().patch("/v1/programs/" + first.text("/id"), "{\"description\":\"Changed later\"}");

        HttpResult replay = admin.http().header(KEY, key).post("/v1/programs", programBody(name));

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(programIdsNamed(name)).containsExactly(first.text("/id"));
    }

    @Test
    void sameKeyWithADifferentBodyIsRefusedAndCreatesNothing() {
        String name = uniqueName("Original Circle");
        String other = uniqueName("Other Circle");
        String key = newKey();
        HttpResult first = admin.http().header(KEY, key).post("/v1/programs", programBody(name));

        HttpResult reused = admin.http().header(KEY, key).post("/v1/programs", programBody(other));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(reused.header("Idempotent-Replayed")).isNull();
        assertThat(reused.body()).doesNotContain(first.text("/id"));
        assertThat(programIdsNamed(other)).isEmpty();
        assertThat(programIdsNamed(name)).containsExactly(first.text("/id"));
    }

    @Test
    void sameKeyOnAnotherCreateEndpointIsRefused() {
        String programId = admin.http().post("/v1/programs", programBody(uniqueName("Invite Circle"))).text("/id");
        String key = newKey();
        HttpResult created = admin.http().header(KEY, key).post("/v1/programs", programBody(uniqueName("Keyed Circle")));
        assertThat(created.status()).isEqualTo(201);

        HttpResult reused = admin.http().header(KEY, key)
            .post("/v1/programs/" + programId + "/invitations", "{\"role\":\"participant\"}");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void differentUsersWithTheSameKeyDoNotCollide() {
        Session otherAdmin = server.login(server.account("Second Admin", true).email());
        String key = newKey();
        String mine = uniqueName("Mine Circle");
        String theirs = uniqueName("Theirs Circle");

        HttpResult first = admin.http().header(KEY, key).post("/v1/programs", programBody(mine));
        HttpResult second = otherAdmin.http().header(KEY, key).post("/v1/programs", programBody(theirs));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.text("/id")).isNotEqualTo(first.text("/id"));
        assertThat(programIdsNamed(mine)).containsExactly(first.text("/id"));
        assertThat(programIdsNamed(theirs)).containsExactly(second.text("/id"));
    }

    @Test
    void anotherUserWithTheSameKeyAndBodyIsNotGivenTheFirstUsersResponse() {
        Session otherAdmin = server.login(server.account("Third Admin", true).email());
        String key = newKey();
        String name = uniqueName("Shared Body Circle");

        HttpResult first = admin.http().header(KEY, key).post("/v1/programs", programBody(name));
        HttpResult second = otherAdmin.http().header(KEY, key).post("/v1/programs", programBody(name));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("slug_taken");
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(programIdsNamed(name)).containsExactly(first.text("/id"));
    }

    @Test
    void refusedRequestIsNotRememberedSoTheCorrectedOneSucceeds() {
        String name = uniqueName("Corrected Circle");
        String key = newKey();

        HttpResult refused = admin.http().header(KEY, key).post("/v1/programs",
            "{\"name\":\"" + name + "\",\"country\":\"US\",\"timezone\":\"America/Chicago\"}");
        HttpResult corrected = admin.http().header(KEY, key).post("/v1/programs", programBody(name));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("organization_name");
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(programIdsNamed(name)).containsExactly(corrected.text("/id"));
    }

    @Test
    void conflictIsNotRememberedEither() {
        String name = uniqueName("Taken Circle");
        admin.http().post("/v1/programs", programBody(name));
        String key = newKey();

        HttpResult conflict = admin.http().header(KEY, key).post("/v1/programs", programBody(name));
        HttpResult renamed = admin.http().header(KEY, key).post("/v1/programs",
            programBody(name, "\"slug\":\"" + slugOf(name) + "-two\""));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("slug_taken");
        assertThat(renamed.status()).isEqualTo(201);
        assertThat(renamed.text("/slug")).isEqualTo(slugOf(name) + "-two");
    }

    @Test
    void forbiddenCallerWithAKeyCreatesNothingAndLeavesTheKeyFree() {
        Session participant = server.newUser("Quiet River");
        String name = uniqueName("Forbidden Circle");
        String key = newKey();

        HttpResult refused = participant.http().header(KEY, key).post("/v1/programs", programBody(name));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(programIdsNamed(name)).isEmpty();
        HttpResult again = participant.http().header(KEY, key).post("/v1/programs", programBody(name));
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void concurrentRequestsWithOneKeyCreateExactlyOneProgram() throws Exception {
        String name = uniqueName("Concurrent Circle");
        String key = newKey();
        String body = programBody(name);

        List<HttpResult> results = concurrently(10, () -> admin.http().header(KEY, key).post("/v1/programs", body));

        assertThat(results).allSatisfy(result -> assertThat(result.status()).as(result.toString()).isEqualTo(201));
        assertThat(results).extracting(result -> result.text("/id")).containsOnly(results.get(0).text("/id"));
        assertThat(results).filteredOn(result -> result.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(programIdsNamed(name)).containsExactly(results.get(0).text("/id"));
    }

    @Test
    void concurrentRegistrationsWithOneKeyMakeExactlyOneAccount() throws Exception {
        String email = uniqueEmail();
        String key = newKey();

        List<HttpResult> results = concurrently(5,
            () -> server.http().header(KEY, key).post("/v1/auth/register", registerBody(email, "Blue Heron")));

        assertThat(results).allSatisfy(result -> assertThat(result.status()).as(result.toString()).isEqualTo(201));
        assertThat(results).extracting(result -> result.text("/id")).containsOnly(results.get(0).text("/id"));
        assertThat(accountIdsWithEmail(email)).containsExactly(results.get(0).text("/id"));
    }

    @Test
    void keyOverTwoHundredFiftyFiveCharactersIsRefused() {
        assertKeyRefused("k".repeat(256));
    }

    @Test
    void keyWithASpaceIsRefused() {
        assertKeyRefused("two words");
    }

    @Test
    void keyWithNonAsciiCharactersIsRefused() throws IOException {
        String name = uniqueName("Accented Key Circle");
        byte[] body = programBody(name).getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/programs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + "Authorization: Bearer " + admin.accessToken() + "\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + body.length + "\r\nIdempotency-Key: cl\u00e9-42\r\n\r\n";

        String response = rawExchange(head.getBytes(StandardCharsets.UTF_8), body);

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("\"field\":\"Idempotency-Key\"", "\"code\":\"invalid_format\"");
        assertThat(programIdsNamed(name)).isEmpty();
    }

    @Test
    void keyWithAControlCharacterIsRefused() {
        assertKeyRefused("tab\there");
    }

    @Test
    void keyOfTwoHundredFiftyFiveVisibleCharactersIsAccepted() {
        String key = "~".repeat(191) + "!#$%&'*+-.^_`|0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
        assertThat(key).hasSize(255);

        HttpResult created = admin.http().header(KEY, key).post("/v1/programs", programBody(uniqueName("Long Key Circle")));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void registrationWithTheSameKeyAndBodyReplaysAndMakesOneAccount() {
        String email = uniqueEmail();
        String key = newKey();
        String body = registerBody(email, "Blue Heron");

        HttpResult first = server.http().header(KEY, key).post("/v1/auth/register", body);
        HttpResult second = server.http().header(KEY, key).post("/v1/auth/register", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location")).isEqualTo("/v1/me");
        assertThat(accountIdsWithEmail(email)).containsExactly(first.text("/id"));
    }

    @Test
    void refusedRegistrationIsNotRemembered() {
        String email = uniqueEmail();
        String key = newKey();

        HttpResult refused = server.http().header(KEY, key).post("/v1/auth/register",
            "{\"email\":\"" + email + "\",\"password\":\"short\",\"display_name\":\"Blue Heron\"}");
        HttpResult corrected = server.http().header(KEY, key).post("/v1/auth/register", registerBody(email, "Blue Heron"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("password");
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(accountIdsWithEmail(email)).containsExactly(corrected.text("/id"));
    }

    @Test
    void twoPeopleRegisteringWithTheSameKeyDoNotCollide() {
        String key = newKey();
        String first = uniqueEmail();
        String second = uniqueEmail();

        HttpResult one = server.http().header(KEY, key).post("/v1/auth/register", registerBody(first, "Blue Heron"));
        HttpResult two = server.http().header(KEY, key).post("/v1/auth/register", registerBody(second, "Quiet River"));

        assertThat(one.status()).isEqualTo(201);
        assertThat(two.status()).isEqualTo(201);
        assertThat(two.body()).doesNotContain(first);
        assertThat(accountIdsWithEmail(second)).containsExactly(two.text("/id"));
    }

    @Test
    void keysAreForgottenAfterTwentyFourHours() {
        MutableClock clock = MutableClock.atSystemTime();
        try (TestServer timed = TestServer.start(Map.of(), clock)) {
            Session timedAdmin = timed.admin();
            String key = newKey();
            HttpResult first = timedAdmin.http().header(KEY, key).post("/v1/programs", programBody(uniqueName("Day One Circle")));
            assertThat(first.status()).isEqualTo(201);

            clock.advance(Duration.ofHours(23));
            Session sameDay = timed.login(timedAdmin.email());
            HttpResult stillKept = sameDay.http().header(KEY, key).post("/v1/programs", programBody(uniqueName("Day Two Circle")));
            clock.advance(Duration.ofHours(2));
            Session nextDay = timed.login(timedAdmin.email());
            String dayThree = programBody(uniqueName("Day Three Circle"));
            HttpResult forgotten = nextDay.http().header(KEY, key).post("/v1/programs", dayThree);
            HttpResult replayed = nextDay.http().header(KEY, key).post("/v1/programs", dayThree);

            assertThat(stillKept.status()).isEqualTo(422);
            assertThat(forgotten.status()).isEqualTo(201);
            assertThat(forgotten.text("/id")).isNotEqualTo(first.text("/id"));
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.body()).isEqualTo(forgotten.body());
        }
    }

    private static void assertKeyRefused(String key) {
        String name = uniqueName("Bad Key Circle");

        HttpResult result = admin.http().header(KEY, key).post("/v1/programs", programBody(name));

        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo(KEY);
        assertThat(result.text("/errors/0/code")).isEqualTo("invalid_format");
        assertThat(programIdsNamed(name)).isEmpty();
    }

    private static List<HttpResult> concurrently(int clients, Callable<HttpResult> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<HttpResult>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            ready.await();
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

    private static String rawExchange(byte[] head, byte[] body) throws IOException {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> programIdsNamed(String name) {
        HttpResult found = admin.http().get("/v1/programs?limit=100&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(found.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        found.json().path("data").forEach(program -> {
            if (program.path("name").asText().equals(name)) {
                ids.add(program.path("id").asText());
            }
        });
        return ids;
    }

    private static List<String> accountIdsWithEmail(String email) {
        HttpResult found = admin.http().get("/v1/users?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(found.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        found.json().path("data").forEach(user -> ids.add(user.path("id").asText()));
        return ids;
    }

    private static String programBody(String name, String... extraProperties) {
        StringBuilder body = new StringBuilder("{\"name\":\"" + name + "\",\"organization_name\":\"Harbor Community Center\","
            + "\"country\":\"US\",\"timezone\":\"America/Chicago\"");
        for (String property : extraProperties) {
            body.append(',').append(property);
        }
        return body.append('}').toString();
    }

    private static String registerBody(String email, String displayName) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + TestServer.PASSWORD + "\",\"display_name\":\""
            + displayName + "\"}";
    }

    private static String slugOf(String name) {
        return name.toLowerCase().replace(' ', '-');
    }

    private static String uniqueName(String prefix) {
        return prefix + " " + SEQUENCE.incrementAndGet();
    }

    private static String uniqueEmail() {
        return "signup" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@test.kindred.dev";
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
