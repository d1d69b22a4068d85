package org.kindred.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmUpCommandTest {
    @TempDir
    Path scratch;

    @Test
    void sendsItsRequestsToAThrowawayDemoDatabaseAndDeletesIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = WarmUpCommand.run(scratch, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as("warm-up said: %s", err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Warmed up: 11 requests answered as expected");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void takesNoOptionsSoItCannotBePointedAtARealDatabase() {
        Path database = scratch.resolve("kindred.db");

        MainTest.Run run = MainTest.run(Map.of(), "", "warm-up", "--db", database.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("kindred: warm-up takes no options: it serves a demo database of its own\n");
        assertThat(database).doesNotExist();
    }
}
