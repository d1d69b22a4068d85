package org.kindred.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kindred as its own operating-system process ({@code java ... org.kindred.api.Main serve}) on a free port, for
 * tests that kill it (SIGKILL) or ask it to stop (SIGTERM) the way a supervisor would.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final String baseUrl;

    private ServerProcess(Process process) {
        this.process = process;
        CompletableFuture<String> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(port), "server-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            baseUrl = "http://localhost:" + port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start: " + output(), e);
        }
    }

    /** Starts {@code serve} with the data in {@code directory} and the given extra arguments. */
    public static ServerProcess start(Path directory, Map<String, String> settings, String... args) {
        return start(directory, settings, List.of(), args);
    }

    /** The same, with options for the JVM such as {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=trace}. */
    public static ServerProcess start(Path directory, Map<String, String> settings, List<String> jvmOptions,
                                      String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.kindred.api.Main", "serve"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KINDRED_"));
        Map<String, String> all = new HashMap<>(Map.of(
            "KINDRED_DB", directory.resolve("kindred.db").toString(),
            "KINDRED_KEYS", directory.resolve("keys").toString(),
            "KINDRED_PORT", "0"));
        all.putAll(settings);
        env.putAll(all);
        try {
            return new ServerProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Sends one request and returns the JSON answer; a status of 300 or more is an IOException naming it. */
    public JsonNode call(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits; returns how long the process took to exit. */
    public Duration terminate(Duration patience) {
        long started = System.nanoTime();
        process.destroy();
        waitFor(patience);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public int exitValue() {
        return process.exitValue();
    }

    public synchronized String output() {
        return String.join("\n", output);
    }

    private void waitFor(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not exit within " + patience + ":\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read(CompletableFuture<String> port) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (this) {
                    output.add(line);
                }
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(listening.group(1));
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
        port.completeExceptionally(new IllegalStateException("the server exited"));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
