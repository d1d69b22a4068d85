package org.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.TestServer;

class QuickStartTest {
    @Test
    void listsTheProgramsTheDemoCoordinatorSees() {
        try (TestServer server = TestServer.start()) {
            DemoData.seed(server.services());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            QuickStart.run(server.baseUrl(), "coordinator@demo.kindred.dev", DemoData.PASSWORD,
                new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .contains("Harbor Peer Circle (active, US)", "Grief to Growth (active, DE)", "Steady Steps (draft, GB)");
        }
    }
}
