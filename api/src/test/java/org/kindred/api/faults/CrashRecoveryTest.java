package org.kindred.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.api.db.DatabaseFile;
import org.kindred.api.demo.DemoData;
import org.kindred.api.faults.CheckinWriters.Writer;
import org.kindred.api.testing.ServerProcess;

/**
 * The server process is killed with SIGKILL several times while participants keep checking in. With either
 * durability (full: every commit fsynced; normal: fsynced at checkpoints, which a process crash cannot undo),
 * every acknowledged check-in survives exactly once, a retry with the same Idempotency-Key never makes a second
 * one, and the file passes SQLite's integrity check.
 */
class CrashRecoveryTest {
    private static final int KILLS = 3;

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"full", "normal"})
    void everyAcknowledgedCheckinSurvivesKillsExactlyOnce(String durability) throws Exception {
        Map<String, String> settings = Map.of("KINDRED_RATE_LIMITS", "off", "KINDRED_DURABILITY", durability);
        AtomicReference<ServerProcess> server = new AtomicReference<>(ServerProcess.start(directory, settings, "--demo"));
        String url = server.get().baseUrl();
        List<Writer> writers = List.of(
            Writer.signIn(server.get(), "participant@demo.kindred.dev", DemoData.PASSWORD),
            Writer.signIn(server.get(), "peer@demo.kindred.dev", DemoData.PASSWORD));
        AtomicReference<String> baseUrl = new AtomicReference<>(url);
        CheckinWriters load = new CheckinWriters();
        load.start(writers, 2, baseUrl::get);

        List<Integer> acknowledgedAtKill = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            int before = load.acknowledged.size();
            while (load.acknowledged.size() < before + 20) {
                Thread.sleep(10);
            }
            server.get().kill();
            acknowledgedAtKill.add(load.acknowledged.size());
            server.set(ServerProcess.start(directory, settings));
            baseUrl.set(server.get().baseUrl());
        }
        Thread.sleep(300);
        load.stop();
        for (Writer writer : writers) {
            load.retryUnanswered(baseUrl.get(), writer);
        }

        Set<String> expected = new HashSet<>();
        List<String> stored = new ArrayList<>();
        for (Writer writer : writers) {
            writer.keys().forEach(key -> expected.add(CheckinWriters.note(key)));
            stored.addAll(CheckinWriters.notes(server.get(), writer).stream().filter(n -> n.startsWith("load ")).toList());
        }
        Duration stopped = server.get().terminate(Duration.ofSeconds(30));

        assertThat(acknowledgedAtKill).hasSize(KILLS);
        assertThat(load.unanswered).as("every key was finally answered").isEmpty();
        assertThat(stored).as("no check-in twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(stored)).as("every key sent, once each").isEqualTo(expected);
        assertThat(stopped).isLessThan(Duration.ofSeconds(30));
        assertThat(new DatabaseFile(directory.resolve("kindred.db")).check()).isPositive();
    }
}
