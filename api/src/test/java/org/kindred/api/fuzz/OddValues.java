package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.kindred.api.fuzz.ApiSpec.Operation;
import org.kindred.api.fuzz.Probe.Expect;

/**
 * Values the contract allows but that trip careless code: SQL- and markup-looking text, direction marks,
 * emoji, text at its length limit, numbers at their bounds. Each must be stored and returned as sent, or
 * refused by name (control characters and unpaired surrogates are not text).
 */
final class OddValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Operations whose answer to odd credentials is 401/404 by design, or that would erase their caller. */
    private static final Set<String> SKIPPED = Set.of("createToken", "refreshToken", "logout", "eraseMe",
        "redeemInvitation");
    /** Strings with a maximum length that are not free text. */
    private static final Set<String> NOT_TEXT = Set.of("email", "password", "refresh_token", "code");

    private OddValues() {
    }

    static List<Arbitrary<Mutation>> of(Operation op, ObjectNode sample) {
        List<Arbitrary<Mutation>> mutations = new ArrayList<>();
        if (sample == null || SKIPPED.contains(op.id())) {
            return mutations;
        }
        for (Slot slot : Slot.of(op.body())) {
            if (!fits(op, slot, sample)) {
                continue;
            }
            if (isFreeText(slot)) {
                int max = slot.schema().get("maxLength").asInt();
                List<String> fixed = new ArrayList<>();
                fixed.addAll(Values.INJECTION);
                fixed.addAll(Values.UNICODE);
                fixed.addAll(Values.FORBIDDEN_TEXT);
                fixed.addAll(List.of("a".repeat(max), "\ud83d\ude00".repeat(max), "e\u0301".repeat(max / 2),
                    "x" + " ".repeat(max - 1), " padded ", "  ", "line\nbreak", "tab\there", "\r\n"));
                List<String> fitting = fixed.stream().filter(t -> t.codePointCount(0, t.length()) <= max).toList();
                Arbitrary<String> texts = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(fitting)),
                    Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(Math.min(max, 40))));
                mutations.add(texts.map(text -> Mutation.slot(slot, NODES.textNode(text),
                    Expect.ACCEPTED_OR_INVALID_FIELD, "odd text")));
            } else if (isBoundedNumber(slot)) {
                mutations.add(Arbitraries.of(bounds(slot.schema())).map(value -> Mutation.slot(slot, value,
                    Expect.ACCEPTED_OR_INVALID_FIELD, "bound")));
            }
        }
        return mutations;
    }

    /** The slot can take a value alone: its parents are in the body, or a merge patch fills them. */
    private static boolean fits(Operation op, Slot slot, JsonNode sample) {
        return op.method().equals("PATCH") && !slot.inArray() || slot.parentIn(sample);
    }

    private static boolean isFreeText(Slot slot) {
        JsonNode s = slot.schema();
        return slot.type().equals("string") && s.has("maxLength") && !s.has("enum") && !s.has("pattern")
            && !s.has("format") && !slot.isReference() && !NOT_TEXT.contains(slot.name());
    }

    private static boolean isBoundedNumber(Slot slot) {
        return (slot.type().equals("integer") || slot.type().equals("number"))
            && slot.schema().has("minimum") && slot.schema().has("maximum");
    }

    private static List<JsonNode> bounds(JsonNode schema) {
        BigDecimal min = schema.get("minimum").decimalValue();
        BigDecimal max = schema.get("maximum").decimalValue();
        List<JsonNode> values = new ArrayList<>(List.of(NODES.numberNode(min), NODES.numberNode(max)));
        boolean integer = ApiSpec.type(schema).equals("integer");
        if (min.signum() <= 0 && max.signum() >= 0 && !integer) {
            values.add(NODES.numberNode(new BigDecimal("-0.0")));
        }
        if (!integer && !schema.has("multipleOf")) {
            values.add(NODES.numberNode(min.add(max).divide(BigDecimal.valueOf(3), 12, RoundingMode.HALF_UP)));
            values.add(NODES.numberNode(new BigDecimal("1e-300").max(min).min(max)));
        }
        if (!integer && schema.has("multipleOf")) {
            values.add(NODES.numberNode(max.subtract(schema.get("multipleOf").decimalValue())));
        }
        return values;
    }
}
