package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.kindred.api.fuzz.ApiSpec.Operation;
import org.kindred.api.fuzz.Probe.Expect;

/** The bad bodies the contract implies for one operation, as jqwik arbitraries of {@link Mutation}s. */
final class BodyMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> UNKNOWN_NAMES = List.of("colour", "is_admin", "admin", "role", "__proto__",
        "constructor", "prototype", "$where", "_id", "id ", " id", "ID", "Id", "nаme", "name\u0000", "x-y", "a.b",
        "a[0]", "\ud83d\ude00", "\u202ename");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/x-www-form-urlencoded",
        "application/xml", "text/json", "application/jsonx", "application/json-patch+json", "application/vnd.api+json",
        "multipart/form-data; boundary=kindred", "text/html; charset=utf-8", "application/octet-stream");

    private static final List<String> MALFORMED = List.of("{", "}", "{]", "[", "{\"a\":}", "{'name':'x'}", "{name:\"x\"}",
        "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":01}", "{\"a\":.5}",
        "{\"a\":\"\\x41\"}", "{\"a\":\"line\nbreak\"}", "{\"a\":\"tab\there\"}", "/* note */{}", "{\"a\":1}//",
        "{\"a\":1} {\"b\":2}", "{\"a\":1}]", "nul", "\u0000", "{\"a\":\"\\u12\"}", "{\"a\" 1}", "{\"a\"::1}",
        "{,}", "{\"a\":tru}", "{\"a\":[1,]}", "{\"a\":\"unterminated}", "\ufeff\ufeff{}", "{\"\\ud800\":1",
        "[]", "[{}]", "\"text\"", "5", "-0", "1e308", "null", "true", "false", "  ", "\n");

    /** Raw bytes that are not UTF-8 (a lone continuation byte, an overlong slash, an encoded surrogate ...). */
    private static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
        new byte[] {(byte) 0xFE, (byte) 0xFE}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    private BodyMutations() {
    }

    /** Bodies the contract forbids for {@code op}, given the shape of its succeeding body. */
    static Arbitrary<Mutation> invalidBodies(Operation op, ObjectNode sample) {
        List<Slot> slots = Slot.of(op.body());
        List<Mutation> fieldMutations = new ArrayList<>();
        for (Slot slot : slots) {
            for (JsonNode value : Values.wrongTypes(slot.schema())) {
                fieldMutations.add(Mutation.slot(slot, value, Expect.INVALID_FIELD, "wrong type"));
            }
            for (JsonNode value : Values.outOfBounds(slot.schema(), slot.in(sample))) {
                fieldMutations.add(Mutation.slot(slot, value, slot.name().equals("service_animals")
                    ? Expect.UNPROCESSABLE_FIELD : Expect.INVALID_FIELD, "out of bounds"));
            }
            if (slot.required() && !op.method().equals("PATCH") && slot.parentIn(sample)) {
                fieldMutations.add(Mutation.slot(slot, null, Expect.INVALID_FIELD, "missing required"));
            }
        }
        List<List<Object>> objects = new ArrayList<>();
        objects.add(List.of());
        for (Slot slot : slots) {
            if (slot.type().equals("object")) {
                objects.add(slot.path());
            } else if (slot.type().equals("array") && ApiSpec.type(slot.schema().path("items")).equals("object")) {
                List<Object> element = new ArrayList<>(slot.path());
                element.add(0);
                objects.add(List.copyOf(element));
            }
        }
        Set<String> known = slots.stream().map(Slot::name).collect(Collectors.toSet());
        Arbitrary<String> unknownNames = Arbitraries.oneOf(Arbitraries.of(UNKNOWN_NAMES),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> "x_" + s),
            Arbitraries.of(known).map(n -> n.toUpperCase(Locale.ROOT)),
            Arbitraries.of(known).map(BodyMutations::camelCase))
            .filter(name -> !known.contains(name));
        Arbitrary<Mutation> unknown = Combinators.combine(Arbitraries.of(objects), unknownNames,
            Arbitraries.of(NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(true), NODES.nullNode(),
                NODES.objectNode(), NODES.arrayNode()))
            .as((object, name, value) -> {
                List<Object> path = new ArrayList<>(object);
                path.add(name);
                Slot slot = new Slot(List.copyOf(path), NODES.objectNode(), false);
                return Mutation.slot(slot, value, Expect.UNKNOWN_PROPERTY, "unknown property");
            });
        List<Slot> limited = slots.stream().filter(s -> s.type().equals("string") && s.schema().has("maxLength")).toList();
        Arbitrary<Mutation> huge = limited.isEmpty() ? unknown : Combinators.combine(Arbitraries.of(limited),
                Arbitraries.of(100_000, Values.NEAR_LIMIT))
            .as((slot, length) -> Mutation.slot(slot, NODES.textNode("x".repeat(length)), Expect.INVALID_FIELD, "huge"));
        return Arbitraries.frequencyOf(
            Tuple.of(40, Arbitraries.of(fieldMutations)),
            Tuple.of(2, huge),
            Tuple.of(15, unknown),
            Tuple.of(12, malformed()),
            Tuple.of(6, contentTypes(op)),
            Tuple.of(3, nesting()),
            Tuple.of(5, duplicateKeys()),
            Tuple.of(6, notUtf8()),
            Tuple.of(1, oversized()));
    }

    private static Arbitrary<Mutation> malformed() {
        Arbitrary<Mutation> junk = Arbitraries.of(MALFORMED).map(text ->
            Mutation.body("malformed " + Mutation.describe(NODES.textNode(text)), Expect.MALFORMED, null,
                base -> text.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Mutation> truncated = Arbitraries.doubles().between(0.0, 0.999).ofScale(3).map(fraction ->
            Mutation.body("truncated at " + Math.round(fraction * 100) + "%", Expect.MALFORMED, null, base -> {
                byte[] whole = Mutation.bytes(base);
                int length = Math.max(1, (int) (whole.length * fraction));
                return Arrays.copyOf(whole, Math.min(length, whole.length - 1));
            }));
        Arbitrary<Mutation> empty = Arbitraries.just(
            new Mutation("empty body", Expect.MALFORMED, null, base -> base.withBody(new byte[0])));
        return Arbitraries.frequencyOf(Tuple.of(6, junk), Tuple.of(3, truncated), Tuple.of(1, empty));
    }

    private static Arbitrary<Mutation> contentTypes(Operation op) {
        List<String> types = new ArrayList<>(WRONG_CONTENT_TYPES);
        types.add(null);
        return Arbitraries.of(types).map(type -> new Mutation("content type " + type, Expect.MEDIA_TYPE, null,
            base -> base.withContentType(type)));
    }

    private static Arbitrary<Mutation> nesting() {
        return Arbitraries.of(10_000, 2_000, 1_001, 600).flatMap(depth -> Arbitraries.of(
            Mutation.body("arrays nested " + depth + " deep", Expect.MALFORMED, null,
                base -> Values.nestedArrays(depth, "1").getBytes(StandardCharsets.UTF_8)),
            Mutation.body("objects nested " + depth + " deep", depth > 1000 ? Expect.MALFORMED : Expect.INVALID_FIELD,
                depth > 1000 ? null : "a", base -> Values.nestedObjects(depth, "1").getBytes(StandardCharsets.UTF_8)),
            new Mutation("a property nested " + depth + " deep", depth > 1000 ? Expect.MALFORMED : Expect.INVALID_FIELD,
                depth > 1000 ? null : "deep", base -> base.withBody(withRawProperty(base.body(), "deep",
                    Values.nestedArrays(depth, "{\"a\":1}"))))));
    }

    private static Arbitrary<Mutation> duplicateKeys() {
        return Arbitraries.of(true, false).map(sameValue -> Mutation.body(
            "first key repeated" + (sameValue ? " with the same value" : " with another value"), Expect.MALFORMED, null,
            base -> {
                String name = base.fieldNames().next();
                JsonNode value = sameValue ? base.get(name) : NODES.textNode("other");
                return ("{" + NODES.textNode(name) + ":" + value + "," + base.toString().substring(1))
                    .getBytes(StandardCharsets.UTF_8);
            }));
    }

    /** Bytes that are not UTF-8, in place of the text of the body's first string property. */
    private static Arbitrary<Mutation> notUtf8() {
        return Arbitraries.of(NOT_UTF8).map(bytes -> new Mutation("raw bytes " + hex(bytes) + " in a string",
            Expect.MALFORMED, null, base -> base.withBody(withRawText(base.body(), bytes))));
    }

    /**
     * The body with the value of its first string property replaced by {@code raw} between two words, or with
     * one more property holding it when the body has no string property.
     */
    private static byte[] withRawText(byte[] body, byte[] raw) {
        ObjectNode object = Mutation.parse(body);
        String marker = "\u0001marker\u0001";
        var name = StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(object.fieldNames(), 0), false)
            .filter(field -> object.get(field).isTextual()).findFirst();
        if (name.isEmpty()) {
            return withRawProperty(body, "text", concat("\"".getBytes(StandardCharsets.UTF_8), raw,
                "\"".getBytes(StandardCharsets.UTF_8)));
        }
        object.put(name.get(), marker);
        String text = object.toString();
        String encodedMarker = NODES.textNode(marker).toString();
        int at = text.indexOf(encodedMarker);
        return concat(text.substring(0, at + 1).getBytes(StandardCharsets.UTF_8), "before ".getBytes(StandardCharsets.UTF_8),
            raw, " after".getBytes(StandardCharsets.UTF_8),
            text.substring(at + encodedMarker.length() - 1).getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<Mutation> oversized() {
        return Arbitraries.of(1_000_001, 1_500_000).map(size -> Mutation.body("body of over " + size + " bytes",
            Expect.TOO_LARGE, null, base -> {
                ObjectNode big = base.deepCopy();
                big.put("padding", "x".repeat(size));
                return Mutation.bytes(big);
            }));
    }

    /** The body with one more property whose JSON text is given as is (it need not be valid JSON). */
    private static byte[] withRawProperty(byte[] body, String name, String rawValue) {
        return withRawProperty(body, name, rawValue.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withRawProperty(byte[] body, String name, byte[] rawValue) {
        String text = new String(body, StandardCharsets.UTF_8);
        String head = "{\"" + name + "\":";
        String tail = text.equals("{}") ? "}" : "," + text.substring(1);
        return concat(head.getBytes(StandardCharsets.UTF_8), rawValue, tail.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    private static String camelCase(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
