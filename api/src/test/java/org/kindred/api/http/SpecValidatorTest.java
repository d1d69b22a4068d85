package org.kindred.api.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.SpecValidator;

/** The contract check every integration test relies on really refuses what the contract does not allow. */
class SpecValidatorTest {
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final Map<String, List<String>> PROBLEM = Map.of("Content-Type", List.of("application/problem+json"));
    private static final String PROGRAM = """
        {"id":"prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W","slug":"harbor-circle","name":"Harbor Circle","description":null,
         "organization_name":"Harbor Community Center","contact_email":null,"website":null,"focus_areas":["anxiety"],
         "delivery_modes":["virtual"],"country":"US","timezone":"America/Chicago","status":"draft",
         "enrollment":"invite_only","crisis_lines":[],"created_at":"2026-11-27T20:50:25Z",
         "updated_at":"2026-11-27T20:50:25Z"}""";
    private static final String PROBLEM_BODY = """
        {"type":"https://kindred.dev/problems/validation-failed","title":"Invalid request","status":400,
         "detail":"name is required","instance":"/v1/programs","code":"validation_failed","request_id":"req_1",
         "errors":[{"field":"name","code":"required","message":"is required"}]}""";

    private final SpecValidator validator = SpecValidator.get();

    @Test
    void acceptsAResponseThatMatchesTheContract() {
        assertThatCode(() -> validator.check("GET", "/v1/programs/prg_1", 200, JSON, PROGRAM)).doesNotThrowAnyException();
        assertThatCode(() -> validator.check("POST", "/v1/programs", 400, PROBLEM, PROBLEM_BODY)).doesNotThrowAnyException();
        assertThatCode(() -> validator.check("GET", "/health", 200, JSON, "{\"status\":\"ok\"}")).doesNotThrowAnyException();
    }

    @Test
    void refusesAnUndocumentedProperty() {
        String body = PROGRAM.replace("\"slug\":", "\"internal_notes\":\"secret\",\"slug\":");

        assertRefused("GET", "/v1/programs/prg_1", 200, JSON, body, "internal_notes");
    }

    @Test
    void refusesAnUndocumentedPropertyInANestedObject() {
        String body = PROBLEM_BODY.replace("\"message\":", "\"stack\":\"at org.kindred\",\"message\":");

        assertRefused("POST", "/v1/programs", 400, PROBLEM, body, "stack");
    }

    @Test
    void refusesAWrongType() {
        String body = PROGRAM.replace("\"name\":\"Harbor Circle\"", "\"name\":42");

        assertRefused("GET", "/v1/programs/prg_1", 200, JSON, body, "name");
    }

    @Test
    void refusesAValueOutsideAnEnum() {
        String body = PROGRAM.replace("\"status\":\"draft\"", "\"status\":\"deleted\"");

        assertRefused("GET", "/v1/programs/prg_1", 200, JSON, body, "deleted");
    }

    @Test
    void refusesAMissingRequiredProperty() {
        String body = PROGRAM.replace("\"timezone\":\"America/Chicago\",", "");

        assertRefused("GET", "/v1/programs/prg_1", 200, JSON, body, "timezone");
    }

    @Test
    void refusesNullForAPropertyThatIsNotNullable() {
        String body = PROGRAM.replace("\"country\":\"US\"", "\"country\":null");

        assertRefused("GET", "/v1/programs/prg_1", 200, JSON, body, "country");
    }

    @Test
    void refusesAnUndocumentedStatus() {
        assertRefused("GET", "/v1/programs/prg_1", 418, PROBLEM, PROBLEM_BODY.replace("400", "418"), "418");
        assertRefused("POST", "/v1/programs", 200, JSON, PROGRAM, "200");
    }

    @Test
    void refusesAnUndocumentedPath() {
        assertRefused("GET", "/v1/secrets", 200, JSON, "{}", "/v1/secrets");
    }

    @Test
    void refusesAProblemWithoutItsCode() {
        String body = PROBLEM_BODY.replace("\"code\":\"validation_failed\",", "");

        assertRefused("POST", "/v1/programs", 400, PROBLEM, body, "code");
    }

    private void assertRefused(String method, String path, int status, Map<String, List<String>> headers, String body,
                               String mentioned) {
        assertThatThrownBy(() -> validator.check(method, path, status, headers, body))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("does not match the contract")
            .hasMessageContaining(mentioned);
    }
}
