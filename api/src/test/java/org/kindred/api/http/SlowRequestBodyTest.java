package org.kindred.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Updates apply their body inside a write: a client that sends its body slowly must not hold up anyone else's. */
class SlowRequestBodyTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPatchWhoseBodyIsStillArrivingHoldsUpNoOtherWrite() throws Exception {
        Session slow = server.newUser("Slow Sender");
        Session other = server.newUser("Other Writer");
        byte[] body = "{\"display_name\":\"Patient Sender\"}".getBytes(StandardCharsets.UTF_8);
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH /v1/me HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + slow.accessToken()
                + "\r\nContent-Type: application/merge-patch+json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            TimeUnit.MILLISECONDS.sleep(300);

            HttpResult meanwhile = CompletableFuture.supplyAsync(
                () -> other.http().patch("/v1/me", "{\"display_name\":\"Quick Writer\"}")).get(5, TimeUnit.SECONDS);
            assertThat(meanwhile.status()).isEqualTo(200);

            out.write(body, 10, body.length - 10);
            out.flush();
            assertThat(responseTo(socket)).startsWith("HTTP/1.1 200");
        }
        assertThat(slow.http().get("/v1/me").text("/display_name")).isEqualTo("Patient Sender");
        assertThat(other.http().get("/v1/me").text("/display_name")).isEqualTo("Quick Writer");
    }

    private static String responseTo(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
