package org.kindred.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.api.KindredApp;
import org.kindred.api.demo.DemoData;
import org.kindred.api.faults.CheckinWriters.Writer;
import org.kindred.api.testing.ServerProcess;

/**
 * SIGTERM while clients are writing: the server stops accepting, answers what it accepted, checkpoints the WAL
 * and exits within its stop timeout. No request it carried out goes unanswered: every stored check-in was
 * acknowledged to its client.
 */
class GracefulShutdownTest {
    private static final Map<String, String> SETTINGS = Map.of("KINDRED_RATE_LIMITS", "off");

    @TempDir
    Path directory;

    @Test
    void aTerminatedServerAnswersEverythingItAcceptedAndLeavesNoWal() throws Exception {
        ServerProcess server = ServerProcess.start(directory, SETTINGS, "--demo");
        String url = server.baseUrl();
        Writer writer = Writer.signIn(server, "participant@demo.kindred.dev", DemoData.PASSWORD);
        CheckinWriters load = new CheckinWriters();
        load.start(List.of(writer), 4, () -> url);
        while (load.acknowledged.size() < 50) {
            Thread.sleep(10);
        }

        Duration took = server.terminate(KindredApp.STOP_TIMEOUT.plusSeconds(10));
        load.stop();

        assertThat(took).isLessThan(KindredApp.STOP_TIMEOUT.plusSeconds(5));
        assertThat(server.output()).doesNotContain("Exception");
        Path wal = directory.resolve("kindred.db-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("the WAL was checkpointed").isTrue();
        try (ServerProcess again = ServerProcess.start(directory, SETTINGS)) {
            Set<String> stored = new HashSet<>(CheckinWriters.notes(again, writer).stream()
                .filter(note -> note.startsWith("load ")).toList());
            Set<String> acknowledged = new HashSet<>();
            load.acknowledged.forEach(key -> acknowledged.add(CheckinWriters.note(key)));

            assertThat(stored).as("what was stored was answered, and what was answered was stored")
                .isEqualTo(acknowledged);
        }
    }
}
