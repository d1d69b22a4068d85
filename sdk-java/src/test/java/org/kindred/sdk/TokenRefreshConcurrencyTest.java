package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.model.Me;

/**
 * A refresh token works once, so sixteen calls that all find the access token stale must share one refresh:
 * whether the client sees the expiry coming (its clock) or the server refuses the token first (401).
 */
class TokenRefreshConcurrencyTest {
    private static final int CALLERS = 16;

    private static MutableClock serverClock;
    private static TestServer server;

    @BeforeAll
    static void start() {
        serverClock = MutableClock.atSystemTime();
        server = TestServer.start(Map.of(), serverClock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sixteenCallsThatSeeTheTokenAboutToExpireShareOneRefresh() throws Exception {
        MutableClock clientClock = MutableClock.atSystemTime();
        RefreshCounter counter = new RefreshCounter();
        KindredClient client = TestClients.builder(server).httpClient(counter).clock(clientClock).build();
        client.login(server.account("Patient Wren", false).email(), TestServer.PASSWORD);
        clientClock.advance(Duration.ofMinutes(14).plusSeconds(45));

        List<Me> answers = concurrently(() -> client.call(api -> api.users().getMe((String) null)));

        assertThat(answers).hasSize(CALLERS).allSatisfy(me -> assertThat(me.getDisplayName()).isEqualTo("Patient Wren"));
        assertThat(counter.refreshes.get()).isEqualTo(1);
    }

    @Test
    void sixteenCallsRefusedWithA401ShareOneRefresh() throws Exception {
        RefreshCounter counter = new RefreshCounter();
        KindredClient client = TestClients.builder(server).httpClient(counter).build();
        client.login(server.account("Steady Finch", false).email(), TestServer.PASSWORD);
        serverClock.advance(Duration.ofMinutes(16));

        List<Me> answers = concurrently(() -> client.call(api -> api.users().getMe((String) null)));

        assertThat(answers).hasSize(CALLERS).allSatisfy(me -> assertThat(me.getDisplayName()).isEqualTo("Steady Finch"));
        assertThat(counter.refreshes.get()).isEqualTo(1);
    }

    private static <T> List<T> concurrently(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, CALLERS).mapToObj(i -> pool.submit(() -> {
                start.await();
                return call.call();
            })).toList();
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts the refresh requests that reach the server. */
    private static final class RefreshCounter extends ForwardingHttpClient {
        private final AtomicInteger refreshes = new AtomicInteger();

        RefreshCounter() {
            super(new ContractCheckingHttpClient());
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
            if (request.uri().getPath().equals("/v1/auth/refresh")) {
                refreshes.incrementAndGet();
            }
            return delegate.send(request, handler);
        }
    }
}
