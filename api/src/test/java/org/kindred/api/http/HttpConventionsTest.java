package org.kindred.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.SpecValidator;
import org.kindred.api.testing.TestServer;

class HttpConventionsTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PROBLEM_JSON = "application/problem+json";

    private static TestServer server;
    private static Session admin;
    private static Http anonymous;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
        anonymous = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownPathIsANotFoundProblemWithTheRequestIdAndPath() {
        HttpResult result = anonymous.raw().header("Request-Id", "trace-unknown-path-1").get("/v1/nowhere");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(result.code()).isEqualTo("not_found");
        assertThat(result.text("/status")).isEqualTo("404");
        assertThat(result.text("/request_id")).isEqualTo("trace-unknown-path-1");
        assertThat(result.header("Request-Id")).isEqualTo("trace-unknown-path-1");
        assertThat(result.text("/instance")).isEqualTo("/v1/nowhere");
        assertIsCompleteProblem(result);
    }

    @Test
    void unknownResourceIdIsANotFoundProblemThatMatchesTheContract() {
        HttpResult result = admin.http().get("/v1/programs/prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.code()).isEqualTo("not_found");
        assertThat(result.text("/instance")).isEqualTo("/v1/programs/prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W");
        assertThat(result.text("/request_id")).isEqualTo(result.header("Request-Id"));
    }

    @Test
    void wrongMethodIsMethodNotAllowedWithAnAllowHeader() {
        HttpResult result = admin.http().raw().delete("/v1/programs");

        assertThat(result.status()).isEqualTo(405);
        assertThat(result.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(result.code()).isEqualTo("method_not_allowed");
        assertThat(result.header("Allow")).isNotNull();
        assertThat(List.of(result.header("Allow").split("\\s*,\\s*"))).containsExactlyInAnyOrder("GET", "POST");
        assertIsCompleteProblem(result);
    }

    @Test
    void bodyOverOneMegabyteWithContentLengthIsRefusedAndNothingIsCreated() {
        String name = uniqueName("Oversized Circle");
        String body = programBody(name, "\"description\":\"" + "x".repeat(1_100_000) + "\"");

        HttpResult result = admin.http().post("/v1/programs", body);

        assertThat(result.status()).isEqualTo(413);
        assertThat(result.code()).isEqualTo("payload_too_large");
        assertThat(result.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertNoProgramNamed(name);
    }

    @Test
    void chunkedBodyOverOneMegabyteIsRefusedAndNothingIsCreated() throws Exception {
        String name = uniqueName("Chunked Circle");
        byte[] body = programBody(name, "\"description\":\"" + "x".repeat(1_100_000) + "\"")
            .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/programs"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + admin.accessToken())
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();

        HttpResponse<String> response = sendOrConnectionClosed(request);

        if (response != null) {
            assertThat(response.statusCode()).isEqualTo(413);
            SpecValidator.get().check("POST", "/v1/programs", response.statusCode(), response.headers().map(),
                response.body());
            assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
        }
        assertNoProgramNamed(name);
    }

    @Test
    void postWithoutContentTypeIsUnsupportedMediaType() {
        String name = uniqueName("Untyped Circle");

        HttpResult result = admin.http().send("POST", "/v1/programs", programBody(name), null);

        assertThat(result.status()).isEqualTo(415);
        assertThat(result.code()).isEqualTo("unsupported_media_type");
        assertNoProgramNamed(name);
    }

    @Test
    void postWithWrongContentTypeIsUnsupportedMediaType() {
        String name = uniqueName("Plain Text Circle");

        HttpResult textPlain = admin.http().send("POST", "/v1/programs", programBody(name), "text/plain");
        HttpResult form = admin.http().send("POST", "/v1/programs", programBody(name),
            "application/x-www-form-urlencoded");

        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(textPlain.code()).isEqualTo("unsupported_media_type");
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.code()).isEqualTo("unsupported_media_type");
        assertNoProgramNamed(name);
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() {
        String name = uniqueName("Charset Circle");

        HttpResult result = admin.http().send("POST", "/v1/programs", programBody(name),
            "application/json; charset=utf-8");

        assertThat(result.status()).isEqualTo(201);
    }

    @Test
    void malformedJsonIsRefused() {
        HttpResult result = admin.http().post("/v1/programs", "{\"name\": \"Broken Circle\",");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("malformed_json");
        assertNoProgramNamed("Broken Circle");
    }

    @Test
    void emptyBodyIsRefused() {
        HttpResult result = admin.http().post("/v1/programs", "");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("malformed_json");
    }

    @Test
    void arrayBodyIsRefused() {
        String name = uniqueName("Array Circle");

        HttpResult result = admin.http().post("/v1/programs", "[" + programBody(name) + "]");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("malformed_json");
        assertNoProgramNamed(name);
    }

    @Test
    void scalarBodyIsRefused() {
        HttpResult result = admin.http().post("/v1/programs", "\"Harbor\"");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("malformed_json");
    }

    @Test
    void trailingContentAfterTheObjectIsRefused() {
        String name = uniqueName("Trailing Circle");

        HttpResult result = admin.http().post("/v1/programs", programBody(name) + " {}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("malformed_json");
        assertNoProgramNamed(name);
    }

    @Test
    void duplicateKeysAreRefused() {
        String first = uniqueName("First Name Circle");
        String second = uniqueName("Second Name Circle");

        HttpResult result = admin.http().post("/v1/programs",
            programBody(first, "\"name\":\"" + second + "\""));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("malformed_json");
        assertThat(result.text("/detail")).contains("name");
        assertNoProgramNamed(first);
        assertNoProgramNamed(second);
    }

    @Test
    void unknownPropertyIsAValidationErrorNamingIt() {
        String name = uniqueName("Colourful Circle");

        HttpResult result = admin.http().post("/v1/programs", programBody(name, "\"colour\":\"teal\""));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo("colour");
        assertThat(result.text("/errors/0/code")).isEqualTo("unknown_property");
        assertNoProgramNamed(name);
    }

    @Test
    void unknownNestedPropertyIsNamedWithItsPath() {
        String name = uniqueName("Nested Circle");
        String line = "{\"name\":\"Harbor Line\",\"phone\":\"988\",\"modality\":\"phone\",\"country\":\"US\",\"fax\":\"1\"}";

        HttpResult result = admin.http().post("/v1/programs", programBody(name, "\"crisis_lines\":[" + line + "]"));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.text("/errors/0/field")).isEqualTo("crisis_lines[0].fax");
        assertThat(result.text("/errors/0/code")).isEqualTo("unknown_property");
    }

    @Test
    void numberForAStringIsAWrongType() {
        HttpResult result = admin.http().post("/v1/programs",
            "{\"name\":5,\"organization_name\":\"Harbor Community Center\",\"country\":\"US\",\"timezone\":\"America/Chicago\"}");

        assertWrongType(result, "name");
    }

    @Test
    void stringForAListIsAWrongType() {
        String name = uniqueName("Listless Circle");

        HttpResult result = admin.http().post("/v1/programs", programBody(name, "\"focus_areas\":\"anxiety\""));

        assertWrongType(result, "focus_areas");
        assertNoProgramNamed(name);
    }

    @Test
    void objectForAStringIsAWrongType() {
        String name = uniqueName("Object Circle");

        HttpResult result = admin.http().post("/v1/programs", programBody(name, "\"description\":{\"text\":\"hi\"}"));

        assertWrongType(result, "description");
    }

    @Test
    void unknownEnumValueIsAnInvalidValueNamingTheField() {
        String name = uniqueName("Enum Circle");

        HttpResult result = admin.http().post("/v1/programs", programBody(name, "\"focus_areas\":[\"boredom\"]"));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo("focus_areas[0]");
        assertThat(result.text("/errors/0/code")).isEqualTo("invalid_value");
    }

    @Test
    void stringForAnIntegerIsAWrongType() {
        String programId = createProgram();

        HttpResult result = admin.http().post("/v1/programs/" + programId + "/invitations",
            "{\"role\":\"participant\",\"expires_in_days\":\"5\"}");

        assertWrongType(result, "expires_in_days");
    }

    @Test
    void fractionForAnIntegerIsAWrongType() {
        String programId = createProgram();

        HttpResult result = admin.http().post("/v1/programs/" + programId + "/invitations",
            "{\"role\":\"participant\",\"expires_in_days\":1.5}");

        assertWrongType(result, "expires_in_days");
    }

    @Test
    void booleanForAnIntegerIsAWrongType() {
        String programId = createProgram();

        HttpResult result = admin.http().post("/v1/programs/" + programId + "/invitations",
            "{\"role\":\"participant\",\"expires_in_days\":true}");

        assertWrongType(result, "expires_in_days");
    }

    @Test
    void integerTooLargeForItsFieldIsRefusedNamingTheField() {
        String programId = createProgram();

        HttpResult result = admin.http().post("/v1/programs/" + programId + "/invitations",
            "{\"role\":\"participant\",\"expires_in_days\":99999999999999}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo("expires_in_days");
        assertThat(result.text("/errors/0/code")).isEqualTo("out_of_range");
    }

    @Test
    void invitationRefusedForAWrongTypeCreatesNothing() {
        String programId = createProgram();

        HttpResult result = admin.http().post("/v1/programs/" + programId + "/invitations",
            "{\"role\":\"participant\",\"expires_in_days\":\"5\"}");

        assertWrongType(result, "expires_in_days");
        assertNoInvitations(programId);
    }

    @Test
    void unknownQueryParameterIsRefusedNamingIt() {
        HttpResult result = anonymous.get("/v1/programs?colour=teal");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo("colour");
        assertThat(result.text("/errors/0/code")).isEqualTo("unknown_parameter");
    }

    @Test
    void queryParameterOnAnOperationWithoutParametersIsRefused() {
        String programId = createProgram();

        HttpResult result = admin.http().get("/v1/programs/" + programId + "?expand=members");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.text("/errors/0/field")).isEqualTo("expand");
        assertThat(result.text("/errors/0/code")).isEqualTo("unknown_parameter");
    }

    @Test
    void timestampsAndDatesInQueriesHaveFourDigitYears() {
        for (String path : List.of("/v1/programs?updated_since=%2B300000000-01-01T00:00:00Z",
            "/v1/venues?updated_since=%2B300000000-01-01T00:00:00Z", "/v1/checkins?since=%2B300000000-01-01T00:00:00Z",
            "/v1/audit?since=%2B10000-01-01T00:00:00Z",
            "/v1/participants/usr_01JD4Z8Q6K2V9X1M3N5P7R9T0W/progress?program_id=prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W&from=%2B30000-01-01")) {
            HttpResult result = admin.http().get(path);

            assertThat(result.status()).as(path).isEqualTo(400);
            assertThat(result.text("/errors/0/code")).as(path).isEqualTo("wrong_type");
        }
    }

    @Test
    void repeatedQueryParameterIsRefused() {
        HttpResult result = anonymous.get("/v1/programs?limit=5&limit=6");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo("limit");
        assertThat(result.text("/errors/0/code")).isEqualTo("repeated_parameter");
    }

    @Test
    void limitOfZeroIsOutOfRange() {
        assertLimitRefused("0", "out_of_range");
    }

    @Test
    void limitOverOneHundredIsOutOfRange() {
        assertLimitRefused("101", "out_of_range");
    }

    @Test
    void nonNumericLimitIsAWrongType() {
        assertLimitRefused("abc", "wrong_type");
    }

    @Test
    void negativeAndFractionalLimitsAreRefused() {
        assertLimitRefused("-1", "out_of_range");
        assertLimitRefused("2.5", "wrong_type");
    }

    @Test
    void limitsOfOneAndOneHundredAreAccepted() {
        assertThat(anonymous.get("/v1/programs?limit=1").status()).isEqualTo(200);
        assertThat(anonymous.get("/v1/programs?limit=100").status()).isEqualTo(200);
    }

    @Test
    void garbageCursorIsRefused() {
        assertCursorRefused("/v1/programs", "!!not-a-cursor!!");
        assertCursorRefused("/v1/programs", "AAAA");
        assertCursorRefused("/v1/programs", "");
    }

    @Test
    void handMadeCursorsAreRefused() {
        assertCursorRefused("/v1/programs", base64("hello"));
        assertCursorRefused("/v1/programs", base64("k1\u001fprg_not-an-id"));
        assertCursorRefused("/v1/programs", base64("k1\u001f' OR 1=1 --"));
        assertCursorRefused("/v1/programs", base64("k9\u001f" + createProgram()));
    }

    @Test
    void cursorFromAnotherListIsRefused() {
        server.newUser("Quiet River");
        server.newUser("Blue Heron");
        HttpResult users = admin.http().get("/v1/users?limit=1");
        String usersCursor = users.text("/next_cursor");
        assertThat(users.json().path("has_more").asBoolean()).isTrue();

        assertCursorRefused("/v1/programs", usersCursor);
    }

    @Test
    void cursorOverTwoHundredCharactersIsRefused() {
        assertCursorRefused("/v1/programs", "A".repeat(201));
    }

    @Test
    void pathIdOverSixtyFourCharactersIsRefusedNamingTheParameter() {
        String programId = createProgram();
        String before = etagOf(programId);

        assertTooLong(admin.http().get("/v1/programs/" + "p".repeat(65)), "program_id");
        assertTooLong(admin.http().get("/v1/programs/" + programId + "/members/" + "m".repeat(65)), "member_id");
        assertTooLong(admin.http().header("If-Match", before)
            .patch("/v1/programs/" + "p".repeat(65), "{\"name\":\"Renamed Circle\"}"), "program_id");
        assertThat(admin.http().get("/v1/programs/" + "p".repeat(64)).status()).isEqualTo(404);
        assertThat(etagOf(programId)).isEqualTo(before);
    }

    @Test
    void idFilterOverSixtyFourCharactersIsRefusedNamingIt() {
        String programId = createProgram();
        List<String> filters = List.of(
            "/v1/groups?program_id=", "/v1/venues?program_id=", "/v1/mentors?program_id=",
            "/v1/mentorships?program_id=", "/v1/checkins?participant_id=", "/v1/checkins?group_id=",
            "/v1/audit?actor_id=", "/v1/audit?subject_id=");

        for (String filter : filters) {
            String parameter = filter.substring(filter.indexOf('?') + 1, filter.length() - 1);
            assertTooLong(admin.http().get(filter + "x".repeat(65)), parameter);
            HttpResult longest = admin.http().get(filter + "x".repeat(64));
            assertThat(longest.status()).as(filter).isEqualTo(200);
            assertThat(longest.json().path("data")).as(filter).isEmpty();
        }
        assertTooLong(admin.http().get("/v1/programs/" + programId + "/mentor-matches?participant_id=" + "x".repeat(65)),
            "participant_id");
        assertTooLong(admin.http().get("/v1/participants/" + admin.userId() + "/progress?program_id=" + "x".repeat(65)),
            "program_id");
        assertThat(admin.http().get("/v1/participants/" + admin.userId() + "/progress?program_id=" + "x".repeat(64))
            .status()).isEqualTo(404);
    }

    @Test
    void textFiltersOverTheirLimitsAreRefusedNamingThem() {
        assertTooLong(anonymous.get("/v1/groups?topic=" + "a".repeat(41)), "topic");
        assertThat(anonymous.get("/v1/groups?topic=" + "a".repeat(40)).status()).isEqualTo(200);
        assertTooLong(anonymous.get("/v1/groups?near=" + "1".repeat(65)), "near");
        assertTooLong(anonymous.get("/v1/venues?near=" + "1".repeat(65)), "near");
        String email = "a".repeat(64) + "@" + "b".repeat(185) + ".org";
        assertThat(email).hasSize(254);
        assertTooLong(admin.http().get("/v1/users?email=" + "a" + email), "email");
        HttpResult longest = admin.http().get("/v1/users?email=" + email);
        assertThat(longest.status()).isEqualTo(200);
        assertThat(longest.json().path("data")).isEmpty();
    }

    @Test
    void cursorOfThisListPagesThroughWithoutRepeats() {
        createProgram();
        createProgram();
        createProgram();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            HttpResult page = admin.http().get("/v1/programs?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("data").forEach(program -> seen.add(program.path("id").asText()));
            cursor = page.json().path("next_cursor").isNull() ? null : page.text("/next_cursor");
        } while (cursor != null);

        assertThat(seen).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    }

    @Test
    void everyResponseCarriesNosniff() {
        String programId = createProgram();
        List<HttpResult> results = List.of(
            anonymous.get("/health"),
            anonymous.get("/v1/programs"),
            anonymous.raw().get("/v1/nowhere"),
            anonymous.get("/v1/me"),
            anonymous.get("/v1/programs?limit=0"),
            admin.http().raw().delete("/v1/programs"),
            admin.http().post("/v1/programs", programBody(uniqueName("Nosniff Circle"))),
            admin.http().get("/v1/programs/" + programId),
            admin.http().header("If-None-Match", etagOf(programId)).get("/v1/programs/" + programId),
            admin.http().send("POST", "/v1/programs", "{}", "text/plain"));

        assertThat(results).allSatisfy(result ->
            assertThat(result.header("X-Content-Type-Options")).as(result.toString()).isEqualTo("nosniff"));
    }

    @Test
    void authenticatedResponsesAreNeverCached() {
        String programId = createProgram();
        List<HttpResult> results = List.of(
            admin.http().get("/v1/me"),
            admin.http().get("/v1/programs"),
            admin.http().get("/v1/programs/" + programId),
            admin.http().get("/v1/programs/prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W"),
            admin.http().get("/v1/programs?limit=0"),
            admin.http().post("/v1/programs", programBody(uniqueName("No Store Circle"))),
            anonymous.bearer("not-a-token").get("/v1/me"));

        assertThat(results).allSatisfy(result ->
            assertThat(result.header("Cache-Control")).as(result.toString()).isEqualTo("no-store"));
    }

    @Test
    void tokenResponsesAreNeverCached() {
        Session user = server.newUser("Quiet River");

        HttpResult tokens = anonymous.post("/v1/auth/token",
            "{\"email\":\"" + user.email() + "\",\"password\":\"" + TestServer.PASSWORD + "\"}");

        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void singleResourceGetHasAnETagAndIfNoneMatchGivesNotModified() {
        String programId = createProgram();

        HttpResult first = admin.http().get("/v1/programs/" + programId);
        String etag = first.header("ETag");
        HttpResult again = admin.http().header("If-None-Match", etag).get("/v1/programs/" + programId);

        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
    }

    @Test
    void aWeakTagMatchesIfNoneMatchButNeverIfMatch() {
        String programId = createProgram();
        String weak = "W/" + etagOf(programId);

        HttpResult notModified = admin.http().header("If-None-Match", weak).get("/v1/programs/" + programId);
        HttpResult refused = admin.http().header("If-Match", weak)
            .patch("/v1/programs/" + programId, "{\"description\":\"Weakly matched\"}");

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(refused.status()).isEqualTo(412);
        assertThat(admin.http().get("/v1/programs/" + programId).json().path("description").isNull()).isTrue();
    }

    @Test
    void etagChangesWhenTheResourceChanges() {
        String programId = createProgram();
        String before = etagOf(programId);

        admin.http().patch("/v1/programs/" + programId, "{\"description\":\"Weekly circles\"}");
        HttpResult after = admin.http().header("If-None-Match", before).get("/v1/programs/" + programId);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before);
        assertThat(after.text("/description")).isEqualTo("Weekly circles");
    }

    @Test
    void patchWithAStaleIfMatchIsRefusedAndChangesNothing() {
        String programId = createProgram();
        String stale = etagOf(programId);
        HttpResult moved = admin.http().patch("/v1/programs/" + programId, "{\"description\":\"First change\"}");
        assertThat(moved.status()).isEqualTo(200);

        HttpResult refused = admin.http().header("If-Match", stale)
            .patch("/v1/programs/" + programId, "{\"description\":\"Lost update\"}");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.code()).isEqualTo("precondition_failed");
        HttpResult current = admin.http().get("/v1/programs/" + programId);
        assertThat(current.text("/description")).isEqualTo("First change");
        assertThat(current.header("ETag")).isEqualTo(moved.header("ETag"));
    }

    @Test
    void patchWithTheCurrentIfMatchSucceeds() {
        String programId = createProgram();
        String etag = etagOf(programId);

        HttpResult result = admin.http().header("If-Match", etag)
            .patch("/v1/programs/" + programId, "{\"description\":\"Fresh change\"}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text("/description")).isEqualTo("Fresh change");
        assertThat(result.header("ETag")).isNotEqualTo(etag).isEqualTo(etagOf(programId));
    }

    @Test
    void deleteWithAStaleIfMatchIsRefusedAndKeepsTheResource() {
        String programId = createProgram();
        String stale = etagOf(programId);
        admin.http().patch("/v1/programs/" + programId, "{\"description\":\"Changed meanwhile\"}");

        HttpResult refused = admin.http().header("If-Match", stale).delete("/v1/programs/" + programId);

        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.code()).isEqualTo("precondition_failed");
        assertThat(admin.http().get("/v1/programs/" + programId).status()).isEqualTo(200);
    }

    @Test
    void patchIgnoresIfNoneMatchAndAnswersWithTheChangedResource() {
        String programId = createProgram();

        HttpResult result = admin.http().header("If-None-Match", "*")
            .patch("/v1/programs/" + programId, "{\"description\":\"Patched anyway\"}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text("/description")).isEqualTo("Patched anyway");
        assertThat(result.header("ETag")).isEqualTo(etagOf(programId));
    }

    @Test
    void ifNoneMatchDoesNotRevealAHiddenProgram() {
        String programId = createProgram();
        String etag = etagOf(programId);
        Session stranger = server.newUser("Blue Heron");

        HttpResult anonymousProbe = anonymous.header("If-None-Match", etag).get("/v1/programs/" + programId);
        HttpResult strangerProbe = stranger.http().header("If-None-Match", "*").get("/v1/programs/" + programId);

        assertThat(anonymousProbe.status()).isEqualTo(404);
        assertThat(anonymousProbe.header("ETag")).isNull();
        assertThat(strangerProbe.status()).isEqualTo(404);
        assertThat(strangerProbe.header("ETag")).isNull();
        assertThat(strangerProbe.body()).doesNotContain("Harbor Community Center");
    }

    @Test
    void ifMatchDoesNotLetAnotherPersonChangeAProgram() {
        String programId = createProgram("\"description\":\"Kept\"");
        String etag = etagOf(programId);
        Session stranger = server.newUser("Quiet River");

        HttpResult withToken = stranger.http().header("If-Match", etag)
            .patch("/v1/programs/" + programId, "{\"description\":\"Hijacked\"}");
        HttpResult withoutToken = anonymous.header("If-Match", etag)
            .patch("/v1/programs/" + programId, "{\"description\":\"Hijacked\"}");

        assertThat(withToken.status()).isIn(403, 404);
        assertThat(withToken.body()).doesNotContain("Kept", "Harbor Community Center");
        assertThat(withoutToken.status()).isEqualTo(401);
        assertThat(withoutToken.code()).isEqualTo("unauthorized");
        assertThat(withoutToken.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(admin.http().get("/v1/programs/" + programId).text("/description")).isEqualTo("Kept");
    }

    @Test
    void anonymousCreateIsUnauthorizedBeforeTheBodyIsJudged() {
        HttpResult malformed = anonymous.post("/v1/programs", "{\"name\":");
        HttpResult wellFormed = anonymous.post("/v1/programs", programBody(uniqueName("Anonymous Circle")));

        assertThat(wellFormed.status()).isEqualTo(401);
        assertThat(wellFormed.code()).isEqualTo("unauthorized");
        assertThat(malformed.status()).isEqualTo(401);
    }

    @Test
    void mergePatchNullClearsAnOptionalProperty() {
        String programId = createProgram("\"description\":\"Tuesday evenings\",\"website\":\"https://harbor.example.org\"");

        HttpResult result = admin.http().patch("/v1/programs/" + programId, "{\"description\":null}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("description").isNull()).isTrue();
        assertThat(result.text("/website")).isEqualTo("https://harbor.example.org");
        assertThat(admin.http().get("/v1/programs/" + programId).json().path("description").isNull()).isTrue();
    }

    @Test
    void mergePatchReplacesArraysWhole() {
        String programId = createProgram("\"focus_areas\":[\"anxiety\",\"grief\"]");

        HttpResult result = admin.http().patch("/v1/programs/" + programId, "{\"focus_areas\":[\"loneliness\"]}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(texts(result.json().path("focus_areas"))).containsExactly("loneliness");
    }

    @Test
    void mergePatchLeavesAbsentPropertiesAlone() {
        String programId = createProgram("\"description\":\"Tuesday evenings\",\"focus_areas\":[\"grief\"]");

        HttpResult result = admin.http().patch("/v1/programs/" + programId, "{\"name\":\"" + uniqueName("Renamed Circle") + "\"}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text("/description")).isEqualTo("Tuesday evenings");
        assertThat(texts(result.json().path("focus_areas"))).containsExactly("grief");
    }

    @Test
    void mergePatchNullOnARequiredPropertyIsRefusedAndChangesNothing() {
        String programId = createProgram();
        String before = etagOf(programId);

        HttpResult result = admin.http().patch("/v1/programs/" + programId, "{\"name\":null}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo("name");
        assertThat(etagOf(programId)).isEqualTo(before);
    }

    @Test
    void patchWithUnknownPropertyIsRefusedAndChangesNothing() {
        String programId = createProgram();
        String before = etagOf(programId);

        HttpResult result = admin.http().patch("/v1/programs/" + programId, "{\"colour\":\"teal\"}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.text("/errors/0/field")).isEqualTo("colour");
        assertThat(result.text("/errors/0/code")).isEqualTo("unknown_property");
        assertThat(etagOf(programId)).isEqualTo(before);
    }

    @Test
    void patchAcceptsPlainJsonAsWell() {
        String programId = createProgram();

        HttpResult result = admin.http().send("PATCH", "/v1/programs/" + programId,
            "{\"description\":\"Plain JSON\"}", "application/json");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text("/description")).isEqualTo("Plain JSON");
    }

    @Test
    void patchWithWrongContentTypeIsRefusedAndChangesNothing() {
        String programId = createProgram();
        String before = etagOf(programId);

        HttpResult result = admin.http().send("PATCH", "/v1/programs/" + programId,
            "{\"description\":\"Text\"}", "text/plain");

        assertThat(result.status()).isEqualTo(415);
        assertThat(result.code()).isEqualTo("unsupported_media_type");
        assertThat(etagOf(programId)).isEqualTo(before);
    }

    @Test
    void validationReportsEveryFieldAtOnce() {
        HttpResult result = admin.http().post("/v1/programs",
            "{\"name\":\"" + uniqueName("Many Faults") + "\",\"organization_name\":\" \",\"country\":\"us\","
                + "\"timezone\":\"+02:00\",\"website\":\"ftp://harbor.example.org\"}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        List<String> fields = new ArrayList<>();
        result.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("organization_name", "country", "timezone", "website");
    }

    @Test
    void aProblemListsAtMostOneHundredFieldErrors() {
        String name = uniqueName("Crowded Lines");

        HttpResult result = admin.http().post("/v1/programs",
            programBody(name, "\"crisis_lines\":[" + String.join(",", java.util.Collections.nCopies(150, "{}")) + "]"));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.json().path("errors")).hasSize(100);
        assertThat(result.text("/errors/0/field")).isEqualTo("crisis_lines");
        assertThat(result.text("/detail")).matches("crisis_lines .* \\(and \\d{3} more\\)");
        assertNoProgramNamed(name);
    }

    @Test
    void aProblemCutsQuotedTextAtTenThousandCharacters() {
        String name = uniqueName("Long Property");
        String property = "q".repeat(20_000);

        HttpResult result = admin.http().post("/v1/programs", programBody(name, "\"" + property + "\":1"));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.text("/errors/0/code")).isEqualTo("unknown_property");
        assertThat(result.text("/errors/0/field")).hasSize(10_000).startsWith("qqq").endsWith("\u2026");
        assertThat(result.text("/detail").length()).isLessThanOrEqualTo(10_000);
        assertNoProgramNamed(name);
    }

    @Test
    void noProblemBodyCarriesAStackTraceOrAJavaClassName() {
        String programId = createProgram();
        String program = "/v1/programs/" + programId;
        List<HttpResult> problems = List.of(
            admin.http().post("/v1/programs", "{\"name\": "),
            admin.http().post("/v1/programs", "{\"name\": NaN}"),
            admin.http().post("/v1/programs", "{`}"),
            admin.http().post("/v1/programs", "{\"name\": 0x1F}"),
            admin.http().post("/v1/programs", "{\"name\": 01}"),
            admin.http().post("/v1/programs", "{\"name\": \"a\" /* note */}"),
            admin.http().post("/v1/programs", "{\"name\": \"a\"} {}"),
            admin.http().post("/v1/programs", "{\"name\": 'single'}"),
            admin.http().post("/v1/programs", "{name: \"a\"}"),
            admin.http().post("/v1/programs", "{\"name\": \"a\u0001\"}"),
            admin.http().post("/v1/programs", "{\"name\": \"a\", \"name\": \"b\"}"),
            admin.http().post("/v1/programs", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)),
            admin.http().post("/v1/programs", "[" .repeat(2000) + "]".repeat(2000)),
            admin.http().post("/v1/programs", "{\"crisis_lines\": [\"988\"]}"),
            admin.http().post("/v1/programs", "{\"crisis_lines\": [[1]]}"),
            admin.http().post("/v1/programs", "{\"crisis_lines\": {\"name\": \"x\"}}"),
            admin.http().post("/v1/programs", "{\"focus_areas\": [1]}"),
            admin.http().post("/v1/programs", "{\"focus_areas\": [null, null]}"),
            admin.http().post("/v1/programs", "{\"status\": {}}"),
            admin.http().post("/v1/programs", "{\"name\": \"\\ud800\"}"),
            admin.http().send("POST", "/v1/programs", new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}, "application/json"),
            admin.http().post(program + "/invitations", "{\"role\": \"participant\", \"expires_in_days\": 1e400}"),
            admin.http().post(program + "/invitations", "{\"role\": \"participant\", \"expires_in_days\": 99999999999999999999999}"),
            admin.http().post(program + "/invitations", "{\"role\": 7}"),
            admin.http().patch(program, "{\"crisis_lines\": [{}]}"),
            admin.http().patch(program, "{\"status\": null}"),
            admin.http().header("If-Match", "\"stale\"").patch(program, "{}"),
            admin.http().get("/v1/programs?cursor=" + URLEncoder.encode("%%%", StandardCharsets.UTF_8)),
            admin.http().get("/v1/programs?limit=99999999999999999999"),
            anonymous.bearer("eyJhbGciOiJub25lIn0.e30.").get("/v1/me"),
            anonymous.header("Authorization", "Basic dXNlcjpwYXNz").get("/v1/me"),
            anonymous.raw().get("/v1/nowhere"),
            anonymous.raw().send("PUT", "/v1/programs", "{}", "application/json"));

        assertThat(problems).allSatisfy(result -> {
            assertThat(result.status()).as(result.toString()).isBetween(400, 499);
            assertThat(result.header("Content-Type")).as(result.toString()).startsWith(PROBLEM_JSON);
            assertThat(result.body()).as(result.toString())
                .doesNotContain("Exception", "\tat ", "at org.", "at java.", "at com.", "org.kindred", "java.lang",
                    "com.fasterxml", "io.javalin", "jakarta.", "org.eclipse", "Jackson", "StreamReadConstraints",
                    "[Source:", "Feature '")
                .doesNotContainPattern("`[A-Za-z_$][\\w$]*\\.[\\w$.]+");
        });
    }

    @Test
    void internalErrorIsAProblemWithoutAStackTrace() {
        try (TestServer broken = TestServer.start()) {
            Session brokenAdmin = broken.admin();
            String programId = brokenAdmin.http().post("/v1/programs", programBody(uniqueName("Corrupt Circle"))).text("/id");
            broken.services().db().useWrite(handle ->
                handle.execute("UPDATE programs SET focus_areas = 'not json' WHERE id = ?", programId));

            HttpResult result = brokenAdmin.http().raw().header("Request-Id", "trace-500")
                .get("/v1/programs/" + programId);

            assertThat(result.status()).isEqualTo(500);
            assertThat(result.header("Content-Type")).startsWith(PROBLEM_JSON);
            assertThat(result.code()).isEqualTo("internal_error");
            assertThat(result.text("/request_id")).isEqualTo("trace-500");
            assertIsCompleteProblem(result);
            assertThat(result.body()).doesNotContain("Exception", "at org.", "at java.", "SQL", "not json",
                "Corrupt Circle", "Harbor Community Center");
        }
    }

    private static void assertWrongType(HttpResult result, String field) {
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo(field);
        assertThat(result.text("/errors/0/code")).isEqualTo("wrong_type");
    }

    private static void assertLimitRefused(String limit, String errorCode) {
        HttpResult result = anonymous.get("/v1/programs?limit=" + limit);
        assertThat(result.status()).as("limit=" + limit).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo("limit");
        assertThat(result.text("/errors/0/code")).as("limit=" + limit).isEqualTo(errorCode);
    }

    private static void assertCursorRefused(String path, String cursor) {
        HttpResult result = admin.http().get(path + "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        assertThat(result.status()).as("cursor " + cursor).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.text("/errors/0/field")).isEqualTo("cursor");
        assertThat(result.text("/errors/0/code")).isEqualTo("invalid_cursor");
        assertThat(result.json().has("data")).isFalse();
    }

    private static void assertTooLong(HttpResult result, String field) {
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("validation_failed");
        assertThat(result.json().path("errors")).hasSize(1);
        assertThat(result.text("/errors/0/field")).isEqualTo(field);
        assertThat(result.text("/errors/0/code")).isEqualTo("too_long");
        assertThat(result.json().has("data")).isFalse();
    }

    private static void assertIsCompleteProblem(HttpResult result) {
        JsonNode problem = result.json();
        assertThat(problem.path("type").asText()).startsWith("https://kindred.dev/problems/");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(result.status());
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("errors").isArray()).isTrue();
    }

    private static void assertNoProgramNamed(String name) {
        HttpResult found = admin.http().get("/v1/programs?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("data")).as("programs named " + name).isEmpty();
    }

    private static void assertNoInvitations(String programId) {
        HttpResult list = admin.http().get("/v1/programs/" + programId + "/invitations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("data")).isEmpty();
    }

    private static HttpResponse<String> sendOrConnectionClosed(HttpRequest request) throws InterruptedException {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closed) {
            return null;
        }
    }

    private static String etagOf(String programId) {
        HttpResult result = admin.http().get("/v1/programs/" + programId);
        assertThat(result.status()).isEqualTo(200);
        return result.header("ETag");
    }

    private static String createProgram(String... extraProperties) {
        HttpResult created = admin.http().post("/v1/programs", programBody(uniqueName("Harbor Circle"), extraProperties));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/id");
    }

    static String programBody(String name, String... extraProperties) {
        StringBuilder body = new StringBuilder("{\"name\":\"" + name + "\",\"organization_name\":\"Harbor Community Center\","
            + "\"country\":\"US\",\"timezone\":\"America/Chicago\"");
        for (String property : extraProperties) {
            body.append(',').append(property);
        }
        return body.append('}').toString();
    }

    private static String uniqueName(String prefix) {
        return prefix + " " + SEQUENCE.incrementAndGet();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
