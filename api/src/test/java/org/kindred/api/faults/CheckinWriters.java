package org.kindred.api.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.kindred.api.testing.ServerProcess;

/**
 * Clients that keep creating check-ins, each with its own Idempotency-Key and a note naming that key, and
 * remember which were acknowledged (201) and which got no answer (the server died or refused the connection).
 */
final class CheckinWriters {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One participant writing: their token, their program, and every key they sent. */
    record Writer(String token, String programId, Set<String> keys) {
        static Writer signIn(ServerProcess server, String email, String password) throws IOException, InterruptedException {
            JsonNode tokens = server.call("POST", "/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
            String token = tokens.path("access_token").asText();
            String program = server.call("GET", "/v1/me", token, null).at("/memberships/0/program_id").asText();
            return new Writer(token, program, ConcurrentHashMap.newKeySet());
        }
    }

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code perWriter} threads per writer against whatever base URL {@code baseUrl} gives at the time. */
    void start(List<Writer> writers, int perWriter, Supplier<String> baseUrl) {
        for (Writer writer : writers) {
            for (int i = 0; i < perWriter; i++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        write(baseUrl.get(), writer, UUID.randomUUID().toString());
                    }
                }, "checkin-writer");
                threads.add(thread);
                thread.start();
            }
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Sends the request again for each of the writer's keys that got no answer: the server replays or creates it. */
    void retryUnanswered(String baseUrl, Writer writer) {
        for (String key : writer.keys()) {
            if (unanswered.contains(key)) {
                write(baseUrl, writer, key);
            }
        }
    }

    private void write(String baseUrl, Writer writer, String key) {
        writer.keys().add(key);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/checkins"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + writer.token())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString("{\"program_id\":\"" + writer.programId()
                + "\",\"mood\":3,\"note\":\"" + note(key) + "\"}"))
            .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                acknowledged.add(key);
                unanswered.remove(key);
            } else {
                unanswered.add(key);
            }
        } catch (IOException e) {
            unanswered.add(key);
            pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String note(String key) {
        return "load " + key;
    }

    /** Every note of the writer's own check-ins, paging through the list. */
    static List<String> notes(ServerProcess server, Writer writer) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = server.call("GET", "/v1/checkins?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                writer.token(), null);
            page.path("data").forEach(checkin -> notes.add(checkin.path("note").asText()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        return notes;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
