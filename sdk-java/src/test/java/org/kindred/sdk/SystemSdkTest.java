package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.model.Health;

/** The system operations, including the ones that answer with text rather than JSON. */
class SystemSdkTest {
    private static TestServer server;
    private static KindredClient kindred;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        kindred = TestClients.anonymous(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void probesAnswer() {
        assertThat(kindred.call(api -> api.system().getHealth()).getStatus()).isEqualTo(Health.StatusEnum.OK);
        assertThat(kindred.call(api -> api.system().getReady()).getStatus()).isNotNull();
    }

    @Test
    void textResponsesArriveAsText() {
        String yaml = kindred.call(api -> api.system().getOpenApiYaml());
        String docs = kindred.call(api -> api.system().getDocs());
        assertThat(yaml).startsWith("openapi: 3.0.3");
        assertThat(docs).contains("SwaggerUIBundle");
        Map<String, Object> json = kindred.call(api -> api.system().getOpenApiJson());
        assertThat(json).containsEntry("openapi", "3.0.3");
    }

    @Test
    void publishesTheVerificationKey() {
        assertThat(kindred.call(api -> api.system().getJwks()).getKeys()).singleElement()
            .satisfies(key -> assertThat(key.getAlg()).isEqualTo("EdDSA"));
    }
}
