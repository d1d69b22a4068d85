package org.kindred.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.api.MainTest.Run;
import org.kindred.api.ServeCommand.RunningServer;
import org.kindred.api.config.Config;
import org.kindred.api.db.Database;
import org.kindred.api.db.DatabaseFile;
import org.kindred.api.db.Durability;
import org.kindred.api.db.Meta;
import org.kindred.api.testing.TestServer;

class BackupRestoreTest {
    @TempDir
    Path directory;

    @Test
    void aBackupTakenWhileWritesGoOnIsSoundAndHoldsEverythingCommittedBeforeIt() throws Exception {
        try (TestServer server = TestServer.start()) {
            Meta meta = new Meta(server.services().db());
            AtomicInteger committed = new AtomicInteger();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    int next = committed.get() + 1;
                    meta.put("load-" + next, "written while the backup runs");
                    committed.set(next);
                }
            });
            writer.start();
            while (committed.get() < 200) {
                Thread.onSpinWait();
            }
            int before = committed.get();
            Path copy = directory.resolve("backup.db");

            Run run = MainTest.run(Map.of("KINDRED_DB", server.directory().resolve("kindred.db").toString()), "",
                "backup", "--to", copy.toString());
            int during = committed.get();
            writing.set(false);
            writer.join();

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("integrity ok");
            assertThat(during).as("writes went on during the backup").isGreaterThan(before);
            try (Database restored = Database.open(copy, Durability.normal, 1)) {
                Meta copied = new Meta(restored);
                for (int i = 1; i <= before; i++) {
                    assertThat(copied.get("load-" + i)).as("load-" + i).isPresent();
                }
            }
        }
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        try (TestServer server = TestServer.start()) {
            Path existing = directory.resolve("precious.db");
            java.nio.file.Files.writeString(existing, "keep me");

            Run run = MainTest.run(Map.of("KINDRED_DB", server.directory().resolve("kindred.db").toString()), "",
                "backup", "--to", existing.toString());

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).contains("exists");
            assertThat(java.nio.file.Files.readString(existing)).isEqualTo("keep me");
        }
    }

    @Test
    void aFileThatIsNotAKindredDatabaseIsNeitherBackedUpNorRestored() throws Exception {
        Path stranger = directory.resolve("stranger.db");
        java.nio.file.Files.writeString(stranger, "not sqlite at all");

        Run backup = MainTest.run(Map.of("KINDRED_DB", stranger.toString()), "", "backup", "--to",
            directory.resolve("copy.db").toString());
        Run restore = MainTest.run(Map.of("KINDRED_DB", directory.resolve("target.db").toString()), "", "restore",
            "--from", stranger.toString());

        assertThat(backup.status()).isEqualTo(2);
        assertThat(restore.status()).isEqualTo(2);
        assertThat(directory.resolve("copy.db")).doesNotExist();
        assertThat(directory.resolve("target.db")).doesNotExist();
    }

    @Test
    void aRestoreBringsBackTheBackedUpDataAndReplacesAFileOnlyWhenAsked() {
        Path live = directory.resolve("live.db");
        Path copy = directory.resolve("copy.db");
        Map<String, String> env = Map.of("KINDRED_DB", live.toString(), "KINDRED_KEYS", directory.resolve("keys").toString());
        try (Database db = Database.open(live, Durability.full, 1)) {
            new Meta(db).put("state", "as backed up");
        }
        assertThat(MainTest.run(env, "", "backup", "--to", copy.toString()).status()).isZero();
        try (Database db = Database.open(live, Durability.full, 1)) {
            new Meta(db).put("state", "changed after the backup");
        }

        Run refused = MainTest.run(env, "", "restore", "--from", copy.toString());
        Run restored = MainTest.run(env, "", "restore", "--from", copy.toString(), "--replace");

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("--replace");
        assertThat(restored.status()).as(restored.err()).isZero();
        assertThat(new DatabaseFile(live).check()).isPositive();
        try (Database db = Database.open(live, Durability.full, 1)) {
            assertThat(new Meta(db).get("state")).contains("as backed up");
        }
    }

    @Test
    void aRestoreIsRefusedWhileAServerUsesTheDatabase() {
        Path live = directory.resolve("live.db");
        Path copy = directory.resolve("copy.db");
        Map<String, String> env = Map.of("KINDRED_DB", live.toString(), "KINDRED_KEYS", directory.resolve("keys").toString(),
            "KINDRED_PORT", "0");
        try (RunningServer running = ServeCommand.start(Config.load(env, List.of()), new java.io.PrintStream(
            java.io.OutputStream.nullOutputStream()))) {
            assertThat(MainTest.run(env, "", "backup", "--to", copy.toString()).status()).isZero();

            Run refused = MainTest.run(env, "", "restore", "--from", copy.toString(), "--replace");

            assertThat(refused.status()).isEqualTo(2);
            assertThat(refused.err()).contains("in use by a running Kindred");
            assertThat(running.app().javalin().port()).isPositive();
        }
    }
}
