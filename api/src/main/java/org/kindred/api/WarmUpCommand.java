package org.kindred.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kindred.api.config.Config;
import org.kindred.api.demo.DemoData;
import org.kindred.api.http.Json;

/**
 * {@code kindred warm-up}: serves a throwaway demo database on a free port, sends it the requests clients send most
 * (a sign-in, reads, searches, a check-in with an idempotency key, a refused one), then stops and deletes it. Run
 * under {@code -XX:ArchiveClassesAtExit=FILE}, the JVM records every class this loaded; a server started with
 * {@code -XX:SharedArchiveFile=FILE} maps them instead of loading them one by one from the jar, and is ready in
 * about half the time ({@code scripts/serve} does both).
 */
public final class WarmUpCommand {
    private static final String PARTICIPANT = "participant@demo.kindred.dev";
    /** A server that stops answering fails the warm-up rather than hanging it (and scripts/serve with it). */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    private final String base;
    private int answered;

    private WarmUpCommand(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * Makes its database in a new directory under {@code scratch}, deleted at the end. Returns 0 once every request
     * got the answer it expects, 1 (saying which did not) otherwise.
     */
    static int run(Path scratch, PrintStream out, PrintStream err) {
        Path dir = temporaryDirectory(scratch);
        try {
            Config config = Config.load(Map.of(), List.of("--demo", "--port", "0",
                "--db", dir.resolve("warm-up.db").toString(), "--keys", dir.resolve("keys").toString()));
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            try (ServeCommand.RunningServer server = ServeCommand.start(config, quiet)) {
                WarmUpCommand warmUp = new WarmUpCommand(server.port());
                warmUp.sendRequests();
                out.println("Warmed up: " + warmUp.answered + " requests answered as expected");
                return 0;
            } catch (UnexpectedAnswer e) {
                err.println("kindred warm-up: " + e.getMessage());
                return 1;
            }
        } finally {
            deleteRecursively(dir, err);
        }
    }

    private void sendRequests() {
        send("GET", "/health", null, null, 200);
        send("GET", "/ready", null, null, 200);
        String token = "Bearer " + send("POST", "/v1/auth/token", null,
            "{\"email\":\"" + PARTICIPANT + "\",\"password\":\"" + DemoData.PASSWORD + "\"}", 200).path("access_token").asText();
        String program = send("GET", "/v1/programs?q=Harbor", null, null, 200).path("data").path(0).path("id").asText();
        send("GET", "/v1/programs/" + program, token, null, 200);
        send("GET", "/v1/groups?program_id=" + program, token, null, 200);
        send("GET", "/v1/venues?near=41.8781,-87.6298&radius_km=25&species=dog", token, null, 200);
        String checkin = "{\"program_id\":\"" + program + "\",\"mood\":4,\"tags\":[\"gratitude\"],\"note\":\"warm-up\"}";
        String id = send("POST", "/v1/checkins", token, checkin, 201).path("id").asText();
        send("GET", "/v1/checkins/" + id, token, null, 200);
        send("GET", "/v1/checkins?limit=20", token, null, 200);
        send("POST", "/v1/checkins", token, "{\"program_id\":\"" + program + "\",\"mood\":9}", 400);
    }

    private JsonNode send(String method, String path, String authorization, String json, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(ANSWER_WITHIN)
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", "warm-up-" + answered);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new UnexpectedAnswer(method + " " + path + " answered " + response.statusCode() + ", not "
                    + expectedStatus + ": " + response.body());
            }
            answered++;
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnexpectedAnswer(method + " " + path + " was interrupted");
        }
    }

    private static Path temporaryDirectory(Path scratch) {
        try {
            return Files.createTempDirectory(scratch, "kindred-warm-up");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Says so if it cannot, without hiding how the warm-up went: what is left is a throwaway demo database. */
    private static void deleteRecursively(Path dir, PrintStream err) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("kindred warm-up: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message);
        }
    }
}
