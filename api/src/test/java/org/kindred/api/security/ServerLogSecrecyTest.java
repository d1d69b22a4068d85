package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.ServerProcess;

/**
 * The whole output of a server process, with Kindred's own loggers at trace and the libraries as shipped,
 * holds none of the secrets that passed through it: passwords (right and wrong), access and refresh tokens,
 * invitation codes, check-in and meeting notes, encouragement, and the erased person's email. (The demo's
 * shared password is printed on purpose when the demo starts, so it is not among them.)
 */
class ServerLogSecrecyTest {
    private static final List<String> TRACE = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
        "-Dorg.slf4j.simpleLogger.log.kindred=trace", "-Dorg.slf4j.simpleLogger.log.org.kindred=trace");
    private static final String NEW_PASSWORD = "Seven silver herons 7734";
    private static final String WRONG_PASSWORD = "Not my password 0000 at all";
    private static final String NOTE = "The note nobody else reads 5521";
    private static final String SHARED_NOTE = "Tonight the circle helped 8842";
    private static final String ENCOURAGEMENT = "Proud of you, truly 3310";
    private static final String MEETING_NOTE = "Talked through the panic 6620";

    @TempDir
    Path directory;

    @Test
    void theServerLogHoldsNoSecretThatPassedThroughIt() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(NEW_PASSWORD, WRONG_PASSWORD, NOTE, SHARED_NOTE,
            ENCOURAGEMENT, MEETING_NOTE));
        ServerProcess server = ServerProcess.start(directory, Map.of(), TRACE, "--demo");
        try {
            JsonNode fern = login(server, "participant@demo.kindred.dev", DemoData.PASSWORD);
            String fernToken = fern.path("access_token").asText();
            secrets.add(fernToken);
            secrets.add(fern.path("refresh_token").asText());
            JsonNode refreshed = server.call("POST", "/v1/auth/refresh", null,
                "{\"refresh_token\":\"" + fern.path("refresh_token").asText() + "\"}");
            secrets.add(refreshed.path("access_token").asText());
            secrets.add(refreshed.path("refresh_token").asText());
            assertThatThrownBy(() -> login(server, "participant@demo.kindred.dev", WRONG_PASSWORD)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> server.call("GET", "/v1/me?access_token=" + fernToken, null, null))
                .isInstanceOf(IOException.class);

            String token = refreshed.path("access_token").asText();
            JsonNode me = server.call("GET", "/v1/me", token, null);
            String program = me.at("/memberships/0/program_id").asText();
            String circle = server.call("GET", "/v1/groups?q=Monday", token, null).at("/data/0/id").asText();
            server.call("POST", "/v1/checkins", token, "{\"program_id\":\"" + program + "\",\"mood\":2,\"note\":\"" + NOTE
                + "\",\"in_crisis\":true}");
            String shared = server.call("POST", "/v1/checkins", token, "{\"program_id\":\"" + program
                + "\",\"mood\":4,\"note\":\"" + SHARED_NOTE + "\",\"visibility\":\"group\",\"group_id\":\"" + circle + "\"}")
                .path("id").asText();
            String peer = login(server, "peer@demo.kindred.dev", DemoData.PASSWORD).path("access_token").asText();
            secrets.add(peer);
            server.call("POST", "/v1/checkins/" + shared + "/encouragements", peer, "{\"message\":\"" + ENCOURAGEMENT + "\"}");
            String mentor = login(server, "mentor@demo.kindred.dev", DemoData.PASSWORD).path("access_token").asText();
            secrets.add(mentor);
            String mentorship = server.call("GET", "/v1/mentorships?status=active", mentor, null).at("/data/0/id").asText();
            server.call("POST", "/v1/mentorships/" + mentorship + "/meetings", mentor, "{\"date\":\"2026-11-20\","
                + "\"duration_minutes\":45,\"mode\":\"virtual\",\"note\":\"" + MEETING_NOTE + "\"}");

            String coordinator = login(server, "coordinator@demo.kindred.dev", DemoData.PASSWORD).path("access_token").asText();
            secrets.add(coordinator);
            secrets.add(server.call("POST", "/v1/programs/" + program + "/invitations", coordinator,
                "{\"role\":\"participant\"}").path("code").asText());
            server.call("POST", "/v1/auth/register", null, "{\"email\":\"leaving.wren@example.org\",\"password\":\""
                + NEW_PASSWORD + "\",\"display_name\":\"Leaving Wren\"}");
            secrets.add("leaving.wren@example.org");
            String leaving = login(server, "leaving.wren@example.org", NEW_PASSWORD).path("access_token").asText();
            secrets.add(leaving);
            server.call("GET", "/v1/me/export", leaving, null);
            server.call("DELETE", "/v1/me", leaving, "{\"password\":\"" + NEW_PASSWORD + "\"}");
            server.call("POST", "/v1/auth/logout", null, "{\"refresh_token\":\"" + refreshed.path("refresh_token").asText() + "\"}");
        } finally {
            server.terminate(Duration.ofSeconds(30));
        }

        String log = server.output();
        assertThat(log).as("the request log was written").contains("POST /v1/checkins 201").contains("DELETE /v1/me 204");
        for (String secret : secrets) {
            assertThat(secret).isNotBlank();
            assertThat(log).as("the log holds a secret").doesNotContain(secret);
        }
    }

    private static JsonNode login(ServerProcess server, String email, String password) throws Exception {
        return server.call("POST", "/v1/auth/token", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }
}
