package org.kindred.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Headers that keep browsers from misusing responses: nosniff, no-store for personal data, CORS only on request. */
class BrowserAccessTest {
    private static final String APP = "https://app.example.org";

    @Test
    void everyResponseForbidsContentSniffing() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.http().get("/health").header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(server.http().get("/v1/me").header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(server.http().raw().get("/no/such/path").header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void authenticatedResponsesAreNeverStored() {
        try (TestServer server = TestServer.start()) {
            Session someone = server.newUser("Quiet Harbor");
            assertThat(someone.http().get("/v1/me").header("Cache-Control")).isEqualTo("no-store");
            assertThat(someone.http().get("/v1/programs").header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void withoutConfiguredOriginsNoBrowserOriginIsAllowed() {
        try (TestServer server = TestServer.start()) {
            HttpResult read = server.http().header("Origin", APP).get("/v1/programs");
            HttpResult preflight = preflight(server);

            assertThat(read.header("Access-Control-Allow-Origin")).isNull();
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
            assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
        }
    }

    @Test
    void aConfiguredOriginMayCallAndReadTheHeadersClientsNeed() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_CORS_ORIGINS", APP + ", https://other.example.org"))) {
            HttpResult read = server.http().header("Origin", APP).get("/v1/programs");
            HttpResult preflight = preflight(server);

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(read.header("Access-Control-Expose-Headers"))
                .contains("ETag", "Request-Id", "Location", "Retry-After", "Idempotent-Replayed");
            assertThat(read.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(APP);
            assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        }
    }

    @Test
    void anOriginNotOnTheListIsNotAllowed() {
        try (TestServer server = TestServer.start(Map.of("KINDRED_CORS_ORIGINS", APP))) {
            HttpResult read = server.http().header("Origin", "https://evil.example.net").get("/v1/programs");

            assertThat(read.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    private static HttpResult preflight(TestServer server) {
        return server.http().raw().header("Origin", APP)
            .header("Access-Control-Request-Method", "PATCH")
            .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
            .send("OPTIONS", "/v1/me", (String) null, null);
    }
}
