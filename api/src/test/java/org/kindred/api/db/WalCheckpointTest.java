package org.kindred.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/** A long read holds the WAL back while writes go on; once it ends, the next checkpoint empties the WAL. */
class WalCheckpointTest {
    @TempDir
    Path directory;

    @Test
    void theWalIsEmptiedOnceALongReadEnds() throws Exception {
        Path file = directory.resolve("kindred.db");
        Path wal = directory.resolve("kindred.db-wal");
        try (Database db = Database.open(file, Durability.normal, 2)) {
            Meta meta = new Meta(db);
            meta.put("before", "the long read");
            try (Connection reader = readOnly(file); Statement read = reader.createStatement()) {
                reader.setAutoCommit(false);
                try (ResultSet snapshot = read.executeQuery("SELECT count(*) FROM kindred_meta")) {
                    assertThat(snapshot.next()).isTrue();
                }
                for (int i = 0; i < 500; i++) {
                    meta.put("during-" + i, "x".repeat(2_000));
                }
                long whileReading = Files.size(wal);

                assertThat(db.checkpoint()).as("a reader holds the WAL").isFalse();
                assertThat(whileReading).isGreaterThan(1_000_000);
                reader.commit();
            }

            assertThat(db.checkpoint()).isTrue();
            assertThat(Files.size(wal)).isZero();
            assertThat(meta.get("during-499")).isPresent();
        }
    }

    @Test
    void closingTheDatabaseLeavesNoWalBehind() {
        Path file = directory.resolve("kindred.db");
        try (Database db = Database.open(file, Durability.normal, 1)) {
            new Meta(db).put("written", "then closed");
        }

        Path wal = directory.resolve("kindred.db-wal");
        assertThat(!Files.exists(wal) || wal.toFile().length() == 0).isTrue();
    }

    private static Connection readOnly(Path file) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
