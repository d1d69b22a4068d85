package org.kindred.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;

/** Sends probes, counts them, and checks what every answer must be. */
final class Fuzzer {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final AtomicInteger SENT = new AtomicInteger();

    private Fuzzer() {
    }

    static int sent() {
        return SENT.get();
    }

    /** Sends the probe; the answer is checked against the contract unless the probe is raw. */
    static HttpResult send(Http http, Probe probe) {
        SENT.incrementAndGet();
        Http client = probe.raw() ? http.raw() : http;
        try {
            return client.send(probe.method(), probe.path(), probe.body(), probe.contentType());
        } catch (AssertionError e) {
            throw new AssertionError(probe + "\n" + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            if (probe.expect() == Probe.Expect.TOO_LARGE) {
                return null;
            }
            throw new AssertionError(probe + "\n" + e.getMessage(), e);
        }
    }

    static HttpResult get(Http http, String path) {
        SENT.incrementAndGet();
        return http.get(path);
    }

    /**
     * Never a server error; every refusal a problem with a code; and the answer the probe expects. A body over
     * the limit may also be refused by closing the connection before the client has sent it all (null result).
     */
    static void assertAnswered(Probe probe, HttpResult result) {
        if (result == null && probe.expect() == Probe.Expect.TOO_LARGE) {
            return;
        }
        String what = probe + "\n -> " + abbreviated(result);
        assertThat(result.status()).as(what).isLessThan(500);
        if (result.status() >= 400) {
            assertThat(result.header("Content-Type")).as(what).startsWith(PROBLEM_JSON);
            assertThat(result.code()).as(what).isNotBlank();
            assertThat(result.body()).as(what).doesNotContain("Exception", "\tat ", "org.kindred", "com.fasterxml");
        }
        switch (probe.expect()) {
            case INVALID_FIELD -> assertNamesField(probe, result, what);
            case UNKNOWN_PROPERTY -> {
                assertProblem(result, 400, "validation_failed", what);
                assertThat(errors(result)).as(what).contains(probe.field() + " unknown_property");
            }
            case UNPROCESSABLE_FIELD -> {
                assertProblem(result, 422, "unprocessable", what);
                assertThat(fields(result)).as(what).anyMatch(field -> names(field, probe.field()));
            }
            case MALFORMED -> assertProblem(result, 400, "malformed_json", what);
            case TOO_LARGE -> assertProblem(result, 413, "payload_too_large", what);
            case MEDIA_TYPE -> assertProblem(result, 415, "unsupported_media_type", what);
            case NOT_FOUND -> assertProblem(result, 404, "not_found", what);
            case REFUSED -> assertThat(result.status()).as(what).isIn(400, 404, 405);
            case ACCEPTED_OR_INVALID_FIELD -> {
                if (result.status() >= 300) {
                    assertNamesField(probe, result, what);
                }
            }
            case TOKEN_IN_QUERY -> assertProblem(result, 401, "invalid_token", what);
            case ACCEPTED_OR_UNKNOWN_ID -> {
                if (result.status() == 404) {
                    assertProblem(result, 404, "not_found", what);
                } else if (result.status() == 403) {
                    assertProblem(result, 403, "forbidden", what);
                } else if (result.status() >= 300) {
                    assertNamesField(probe, result, what);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void assertNamesField(Probe probe, HttpResult result, String what) {
        assertProblem(result, 400, "validation_failed", what);
        assertThat(fields(result)).as(what).anyMatch(field -> names(field, probe.field()));
    }

    private static List<String> fields(HttpResult result) {
        List<String> fields = new ArrayList<>();
        result.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    /** The errors as "field code" pairs. */
    private static List<String> errors(HttpResult result) {
        List<String> errors = new ArrayList<>();
        result.json().path("errors")
            .forEach(error -> errors.add(error.path("field").asText() + " " + error.path("code").asText()));
        return errors;
    }

    /**
     * The error names the field, an element or part of it ({@code tags[1]}, {@code address.city}); {@code expected}
     * may list alternatives separated by {@code |}.
     */
    private static boolean names(String reported, String expected) {
        for (String name : expected.split("\\|", -1)) {
            if (reported.equals(name) || reported.startsWith(name + "[") || reported.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    private static void assertProblem(HttpResult result, int status, String code, String what) {
        assertThat(result.status()).as(what).isEqualTo(status);
        assertThat(result.code()).as(what).isEqualTo(code);
    }

    static String abbreviated(HttpResult result) {
        String body = result.body();
        return result.status() + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
    }
}
