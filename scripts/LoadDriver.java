import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop HTTP load generator for scripts/bench on machines without wrk:
 * {@code java scripts/LoadDriver.java URL CONNECTIONS SECONDS [Header: value]...}. Each connection sends one
 * GET after another; prints one JSON line with requests/s, p50 and p99 latency in ms, and the error count.
 */
public final class LoadDriver {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int connections = Integer.parseInt(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        List<String> headers = Arrays.asList(args).subList(3, args.length);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
        for (String header : headers) {
            int colon = header.indexOf(':');
            builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        HttpRequest request = builder.build();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        long end = System.nanoTime() + duration.toNanos();
        for (int i = 0; i < connections; i++) {
            long[] own = new long[4_000_000 / connections];
            latencies.add(own);
            Thread thread = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < own.length) {
                        long start = System.nanoTime();
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        own[n++] = System.nanoTime() - start;
                        if (response.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    own[own.length - 1] = n;
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        long[] all = latencies.stream()
            .flatMapToLong(own -> Arrays.stream(own, 0, (int) own[own.length - 1]))
            .sorted()
            .toArray();
        double seconds = duration.toNanos() / 1e9;
        System.out.printf("{\"requests_per_second\": %.1f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"errors\": %d}%n",
            all.length / seconds, percentile(all, 0.50), percentile(all, 0.99), errors.get());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
