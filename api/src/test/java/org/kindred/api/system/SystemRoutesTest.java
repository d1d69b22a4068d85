package org.kindred.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SystemRoutesTest {
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
    void healthAndReadinessAnswer() {
        assertThat(server.http().get("/health").json().path("status").asText()).isEqualTo("ok");
        assertThat(server.http().get("/ready").json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesAValidOne() {
        HttpResult fresh = server.http().get("/health");
        assertThat(fresh.header("Request-Id")).startsWith("req_");
        HttpResult echoed = server.http().header("Request-Id", "client-trace-42").get("/health");
        assertThat(echoed.header("Request-Id")).isEqualTo("client-trace-42");
        HttpResult refused = server.http().header("Request-Id", "has spaces and \u00e9").raw().get("/health");
        assertThat(refused.header("Request-Id")).startsWith("req_");
    }

    @Test
    void servesTheContractAsYamlAndJson() {
        HttpResult yaml = server.http().get("/openapi.yaml");
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).startsWith("openapi: 3.0.3");
        HttpResult json = server.http().get("/openapi.json");
        assertThat(json.json().path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(json.json().path("paths").has("/v1/programs")).isTrue();
    }

    @Test
    void docsPageLoadsSwaggerUiFromTheServerItself() {
        HttpResult docs = server.http().get("/docs");
        assertThat(docs.header("Content-Type")).startsWith("text/html");
        assertThat(docs.body()).contains("/webjars/swagger-ui/").doesNotContain("https://");
        String script = docs.body().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
        HttpResult bundle = server.http().raw().get(script);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
    }

    @Test
    void publishesTheTokenVerificationKey() {
        HttpResult jwks = server.http().get("/.well-known/jwks.json");
        assertThat(jwks.json().at("/keys/0/kty").asText()).isEqualTo("OKP");
        assertThat(jwks.json().at("/keys/0/crv").asText()).isEqualTo("Ed25519");
        assertThat(jwks.json().at("/keys/0/alg").asText()).isEqualTo("EdDSA");
    }
}
