package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.sdk.FakeServer.Reply;
import org.kindred.sdk.model.Health;
import org.kindred.sdk.model.Program;
import org.kindred.sdk.model.ProgramCreate;

class RetryTest {
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofSeconds(10));
    private static final String HEALTH = "{\"status\":\"ok\",\"version\":\"test\"}";
    private static final String PROGRAM = "{\"id\":\"prg_01\",\"slug\":\"harbor\",\"name\":\"Harbor\",\"status\":\"draft\"}";

    @Test
    void aReadAnswered503IsRetriedAndTheSecondAnswerReturned() {
        try (FakeServer fake = new FakeServer(Reply.problem(503, "unavailable", Map.of()), Reply.json(200, HEALTH))) {
            Health health = client(fake, QUICK).call(api -> api.system().getHealth());

            assertThat(health.getStatus()).isEqualTo(Health.StatusEnum.OK);
            assertThat(fake.requests()).hasSize(2);
        }
    }

    @Test
    void gatewayFailuresAreRetriedToo() {
        try (FakeServer fake = new FakeServer(Reply.problem(502, "bad_gateway", Map.of()),
            Reply.problem(504, "gateway_timeout", Map.of()), Reply.json(200, HEALTH))) {
            client(fake, QUICK).call(api -> api.system().getHealth());

            assertThat(fake.requests()).hasSize(3);
        }
    }

    @Test
    void aShortRetryAfterIsWaitedForThenTheRequestRepeated() {
        try (FakeServer fake = new FakeServer(Reply.problem(429, "rate_limited", Map.of("Retry-After", "1")),
            Reply.json(200, HEALTH))) {
            long started = System.nanoTime();
            client(fake, QUICK).call(api -> api.system().getHealth());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(fake.requests()).hasSize(2);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsIsHandedToTheCaller() {
        try (FakeServer fake = new FakeServer(Reply.problem(429, "rate_limited", Map.of("Retry-After", "900")))) {
            assertThatThrownBy(() -> client(fake, QUICK).call(api -> api.system().getHealth()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofMinutes(15));
                    assertThat(e.code()).isEqualTo("rate_limited");
                });
            assertThat(fake.requests()).hasSize(1);
        }
    }

    @Test
    void aCreateCutOffMidResponseIsSentAgainWithTheSameIdempotencyKey() {
        try (FakeServer fake = new FakeServer(Reply.droppedAfterHalfOf(PROGRAM), Reply.json(201, PROGRAM))) {
            Program created = client(fake, QUICK).call(api -> api.programs().createProgram(
                new ProgramCreate().name("Harbor").country("US").timezone("America/Chicago"), null));

            assertThat(created.getId()).isEqualTo("prg_01");
            assertThat(fake.requests()).hasSize(2).allSatisfy(request -> assertThat(request.method()).isEqualTo("POST"));
            String key = fake.requests().get(0).header("Idempotency-Key");
            assertThat(key).isNotBlank();
            assertThat(fake.requests().get(1).header("Idempotency-Key")).isEqualTo(key);
            assertThat(fake.requests().get(1).body()).isEqualTo(fake.requests().get(0).body());
        }
    }

    @Test
    void everyCreateGetsAKeyOfItsOwn() {
        try (FakeServer fake = new FakeServer(Reply.json(201, PROGRAM), Reply.json(201, PROGRAM))) {
            KindredClient client = client(fake, QUICK);
            ProgramCreate body = new ProgramCreate().name("Harbor").country("US").timezone("America/Chicago");
            client.call(api -> api.programs().createProgram(body, null));
            client.call(api -> api.programs().createProgram(body, null));

            assertThat(fake.requests()).extracting(request -> request.header("Idempotency-Key"))
                .doesNotContainNull().doesNotHaveDuplicates();
        }
    }

    @Test
    void aKeyTheCallerChoseIsKept() {
        try (FakeServer fake = new FakeServer(Reply.problem(503, "unavailable", Map.of()), Reply.json(201, PROGRAM))) {
            client(fake, QUICK).call(api -> api.programs().createProgram(
                new ProgramCreate().name("Harbor").country("US").timezone("America/Chicago"), "my-own-key-1"));

            assertThat(fake.requests()).extracting(request -> request.header("Idempotency-Key"))
                .containsExactly("my-own-key-1", "my-own-key-1");
        }
    }

    @Test
    void aPostThatIsNotACreateIsNeverRepeated() {
        try (FakeServer fake = new FakeServer(Reply.problem(503, "unavailable", Map.of()), Reply.json(200, "{}"))) {
            assertThatThrownBy(() -> client(fake, QUICK).call(api -> api.alerts().acknowledgeAlert("alr_01")))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.status()).isEqualTo(503));

            assertThat(fake.requests()).hasSize(1);
            assertThat(fake.requests().get(0).header("Idempotency-Key")).isNull();
        }
    }

    @Test
    void retriesStopAtThePolicyLimit() {
        Reply unavailable = Reply.problem(503, "unavailable", Map.of());
        try (FakeServer fake = new FakeServer(unavailable, unavailable, unavailable, unavailable, unavailable)) {
            RetryPolicy twice = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1));
            assertThatThrownBy(() -> client(fake, twice).call(api -> api.system().getHealth()))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.code()).isEqualTo("unavailable");
                    assertThat(e.requestId()).isEqualTo("req_fake");
                });
            assertThat(fake.requests()).hasSize(3);
        }
    }

    @Test
    void noRetriesWhenTheyAreTurnedOff() {
        try (FakeServer fake = new FakeServer(Reply.problem(503, "unavailable", Map.of()), Reply.json(200, HEALTH))) {
            assertThatThrownBy(() -> client(fake, RetryPolicy.NONE).call(api -> api.system().getHealth()))
                .isInstanceOf(ServerException.class);
            assertThat(fake.requests()).hasSize(1);
        }
    }

    @Test
    void anUnreachableServerIsAConnectionExceptionAfterBoundedRetries() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        KindredClient client = KindredClient.builder().baseUrl("http://127.0.0.1:" + closedPort).retryPolicy(QUICK).build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.call(api -> api.system().getHealth()))
            .isInstanceOfSatisfying(ConnectionException.class, e -> assertThat(e.status()).isZero());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    private static KindredClient client(FakeServer fake, RetryPolicy policy) {
        return KindredClient.builder().baseUrl(fake.baseUrl()).retryPolicy(policy).build();
    }
}
