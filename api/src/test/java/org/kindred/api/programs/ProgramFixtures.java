package org.kindred.api.programs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.kindred.api.members.MemberInput;
import org.kindred.api.security.Principal;
import org.kindred.api.security.Role;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Programs and roles set up over HTTP, shared by the programs, members and invitations tests. */
public final class ProgramFixtures {
    /** Enough sign-ins from one address for a whole test class; every other limit keeps its default. */
    public static final Map<String, String> ENV = Map.of("KINDRED_RATE_LIMITS", "login_ip=100000/1h");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ProgramFixtures() {
    }

    /** A word no other program name contains, so that {@code q} finds exactly the programs of one test. */
    public static String token() {
        return "kx" + SEQUENCE.incrementAndGet() + "q";
    }

    public static Map<String, Object> crisisLine() {
        return fields("name", "Harbor Crisis Line", "phone", "988", "modality", "phone", "hours", "24/7",
            "country", "US");
    }

    /** The required fields of a create, with a name made unique. */
    public static Map<String, Object> program(String name) {
        return fields("name", name + " " + token(), "organization_name", "Harbor Community Center",
            "country", "US", "timezone", "America/Chicago");
    }

    public static Map<String, Object> activeProgram(String name, String enrollment) {
        Map<String, Object> body = program(name);
        body.put("status", "active");
        body.put("enrollment", enrollment);
        body.put("crisis_lines", List.of(crisisLine()));
        return body;
    }

    public static JsonNode create(TestServer server, Map<String, Object> body) {
        HttpResult created = server.admin().http().post("/v1/programs", json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    public static String draft(TestServer server) {
        return create(server, program("Quiet Harbor Draft")).path("id").asText();
    }

    public static String active(TestServer server, String enrollment) {
        return create(server, activeProgram("Blue Heron Circle", enrollment)).path("id").asText();
    }

    /**
     * The admin gives {@code user} the role; returns the membership id. Set up through the service rather
     * than {@code POST /members}: the contract cannot yet describe a coordinator's or mentor's membership
     * (see MembersTest), and setup should not depend on that.
     */
    public static String grant(TestServer server, String programId, Session user, String role) {
        Principal admin = new Principal(server.admin().userId(), "Admin", true);
        return server.services().members().add(admin, programId, new MemberInput(user.userId(), Role.valueOf(role))).id();
    }

    public static JsonNode read(Session reader, String path) {
        HttpResult result = reader.http().get(path);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }

    /** Ids of every item of a list, following next_cursor to the end. */
    public static List<String> allIds(Http http, String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            HttpResult page = http.get(path + separator + "limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("data").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.json().path("next_cursor").isNull() ? null : page.text("/next_cursor");
        } while (cursor != null);
        return ids;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field errors of a 400 as "field code" pairs. */
    public static List<String> fieldErrors(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        List<String> errors = new ArrayList<>();
        result.json().path("errors").forEach(e -> errors.add(e.path("field").asText() + " " + e.path("code").asText()));
        return errors;
    }
}
