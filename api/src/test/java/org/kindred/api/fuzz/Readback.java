package org.kindred.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kindred.api.fuzz.ApiSpec.Operation;
import org.kindred.api.fuzz.FuzzWorld.Target;
import org.kindred.api.testing.HttpResult;

/** Reads back what an operation would change, to show that a refusal changed nothing and a success stored what was sent. */
final class Readback {
    private Readback() {
    }

    /**
     * Where to read back what an operation would change: a GET on the same path, else on its parent
     * ({@code /decline} reads the mentorship, {@code /rsvp} the session).
     */
    static Optional<String> path(Operation op, Target target) {
        if (op.method().equals("GET")) {
            return Optional.empty();
        }
        String parent = op.path().substring(0, op.path().lastIndexOf('/'));
        for (String candidate : List.of(op.path(), parent)) {
            Optional<Operation> get = ApiSpec.operations().stream()
                .filter(o -> o.method().equals("GET") && o.path().equals(candidate)).findFirst();
            if (get.isPresent() && get.get().in("query").stream().noneMatch(ApiSpec.Parameter::required)) {
                String path = candidate;
                for (Map.Entry<String, String> value : target.path().entrySet()) {
                    path = path.replace("{" + value.getKey() + "}", Mutation.encode(value.getValue()));
                }
                if (!path.contains("{")) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    /** What the readback answered: status and body byte for byte, or for a refusal its status and code. */
    static Optional<String> state(Operation op, Target target) {
        return path(op, target).map(path -> {
            HttpResult result = Fuzzer.get(target.http(), path);
            return result.status() + " " + (result.status() < 300 ? result.body() : result.code());
        });
    }

    /**
     * The value the probe put in its field is in the answer and in the resource read back, exactly as sent
     * (display names are stripped of surrounding whitespace, so that nobody is told apart by padding).
     */
    static void assertStoredAsSent(Operation op, Target target, Probe probe, HttpResult result) {
        Slot slot = Slot.of(op.body()).stream().filter(s -> s.field().equals(probe.field())).findFirst().orElseThrow();
        JsonNode sent = slot.in(Mutation.parse(probe.body()));
        JsonNode expected = slot.name().equals("display_name") ? TextNode.valueOf(sent.asText().strip()) : sent;
        assertSame(probe + " answered", expected, slot.in(result.json()));
        if (op.anonymous()) {
            return;
        }
        Optional<String> stored = op.method().equals("POST")
            ? Optional.ofNullable(result.header("Location")) : path(op, target);
        stored.ifPresent(path -> {
            HttpResult read = Fuzzer.get(target.http(), path);
            assertThat(read.status()).as(probe + " read back from " + path).isEqualTo(200);
            assertSame(probe + " read back from " + path, expected, slot.in(read.json()));
        });
    }

    /** Equal values where the answer has the field at all; numbers compare by value (5.0 is 5). */
    private static void assertSame(String what, JsonNode expected, JsonNode got) {
        if (got.isMissingNode()) {
            return;
        }
        if (expected.isNumber() && got.isNumber()) {
            assertThat(got.decimalValue()).as(what).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(got).as(what).isEqualTo(expected);
        }
    }
}
