package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.kindred.api.fuzz.ApiSpec.Operation;
import org.kindred.api.fuzz.ApiSpec.Parameter;
import org.kindred.api.fuzz.Mutation.Request;
import org.kindred.api.fuzz.Probe.Expect;

/** The bad and the odd query strings the contract implies for one operation. */
final class QueryMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private QueryMutations() {
    }

    /** Query strings the contract forbids for {@code op}. */
    static Arbitrary<Mutation> invalidQueries(Operation op) {
        List<Parameter> query = op.in("query");
        Set<String> names = query.stream().map(Parameter::name).collect(Collectors.toSet());
        Arbitrary<String> unknownNames = Arbitraries.oneOf(
            Arbitraries.of("colour", "token", "admin", "LIMIT", "Limit", "limit ", "q[]",
                "program_id[]", "page", "offset", "sort", "fields", "__proto__", "%", "\u0000", "\ud83d\ude00", "\u202eq"),
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
            Arbitraries.strings().alpha().ofLength(1).map(s -> s + "x".repeat(3000)))
            .filter(name -> !names.contains(name));
        List<Arbitrary<Mutation>> families = new ArrayList<>();
        if (op.statuses().contains("401")) {
            families.add(Arbitraries.of("", "1", "eyJhbGciOiJFZERTQSJ9.e30.c2ln").map(value -> new Mutation(
                "access_token=" + value + " in the query", Expect.TOKEN_IN_QUERY, null,
                base -> base.withQuery(plus(base.query(), "access_token", value)))));
        }
        families.add(Arbitraries.oneOf(unknownNames).flatMap(name -> Arbitraries.of("", "1", "x".repeat(2000))
            .map(value -> new Mutation("unknown query parameter " + Mutation.describe(NODES.textNode(name)),
                Expect.INVALID_FIELD, name, base -> base.withQuery(plus(base.query(), name, value))))));
        if (!query.isEmpty()) {
            families.add(Arbitraries.of(query).map(p -> new Mutation("query parameter " + p.name() + " given twice",
                Expect.INVALID_FIELD, p.name(), base -> {
                    String value = validValue(p, base);
                    return base.withQuery(plus(plus(without(base.query(), p.name()), p.name(), value), p.name(), value));
                })));
            List<Mutation> invalid = new ArrayList<>();
            for (Parameter p : query) {
                for (String value : invalidParameterValues(p.schema())) {
                    invalid.add(new Mutation("query parameter " + p.name() + "=" + Mutation.describe(NODES.textNode(value)),
                        Expect.INVALID_FIELD, p.name(), base -> base.withQuery(plus(without(base.query(), p.name()),
                        p.name(), value))));
                }
            }
            if (!invalid.isEmpty()) {
                families.add(Arbitraries.of(invalid));
            }
        }
        return Arbitraries.oneOf(families);
    }

    /** Odd values of the plain-text query parameters: each may be taken, or refused by name. */
    static List<Mutation> oddQueries(Operation op) {
        List<Mutation> odd = new ArrayList<>();
        for (Parameter p : op.in("query")) {
            JsonNode s = p.schema();
            if (!ApiSpec.type(s).equals("string") || s.has("enum") || s.has("format") || s.has("pattern")) {
                continue;
            }
            List<String> values = new ArrayList<>(List.of("", " ", "x".repeat(1000), "\u0000", "%00", "%", "+",
                "&", "=", "#", "?", "a/b", "..", "\ud800", "\ud83d\ude00", "\u202e", "null", "*", "-1", "0"));
            values.addAll(Values.INJECTION);
            values.addAll(Values.UNICODE);
            Expect expect = p.name().endsWith("_id") ? Expect.ACCEPTED_OR_UNKNOWN_ID : Expect.ACCEPTED_OR_INVALID_FIELD;
            for (String value : values) {
                odd.add(new Mutation("query parameter " + p.name() + "=" + Mutation.describe(NODES.textNode(value)),
                    expect, p.name(), base -> base.withQuery(plus(without(base.query(), p.name()), p.name(), value))));
            }
        }
        return odd;
    }

    private static List<String> invalidParameterValues(JsonNode schema) {
        JsonNode s = ApiSpec.resolve(schema);
        List<String> values = new ArrayList<>();
        switch (ApiSpec.type(s)) {
            case "integer" -> {
                values.addAll(List.of("abc", "1.5", "", "1e3", "0x10", " 5", "5 ", "five", "9223372036854775808",
                    "99999999999999999999", "NaN", "true", "[1]"));
                if (s.has("minimum")) {
                    values.add(String.valueOf(s.get("minimum").asLong() - 1));
                    values.add("-9223372036854775809");
                }
                if (s.has("maximum")) {
                    values.add(String.valueOf(s.get("maximum").asLong() + 1));
                }
            }
            case "number" -> {
                values.addAll(List.of("abc", "", "NaN", "Infinity", "-Infinity", "0x1p3", "1,5", "five", "true"));
                if (s.has("minimum")) {
                    values.add(s.get("minimum").decimalValue().subtract(new BigDecimal("0.0001")).toPlainString());
                    values.add("-1");
                }
                if (s.has("maximum")) {
                    values.add(s.get("maximum").decimalValue().add(BigDecimal.ONE).toPlainString());
                }
            }
            case "boolean" -> values.addAll(List.of("yes", "no", "1", "0", "", "on", "truee", "null"));
            case "string" -> {
                if (s.has("enum")) {
                    String first = s.get("enum").get(0).asText();
                    values.addAll(List.of("not_a_value", "", first.toUpperCase(Locale.ROOT), first + " ",
                        first + "," + first));
                }
                if (s.has("maxLength")) {
                    values.add("q".repeat(s.get("maxLength").asInt() + 1));
                    values.add("q".repeat(5000));
                }
                if (s.path("minLength").asInt(0) >= 1) {
                    values.add("");
                }
                if (s.has("pattern")) {
                    values.addAll(List.of("us", "USA", "", "U1"));
                }
                switch (s.path("format").asText()) {
                    case "date" -> values.addAll(List.of("2026-02-30", "tomorrow", "", "20260101", "2026-11-27T00:00:00Z",
                        "+300000000-01-01"));
                    case "date-time" -> values.addAll(List.of("yesterday", "2026-13-01T00:00:00Z", "", "2026-11-27",
                        "2026-11-27T25:00:00Z", "1e10", "+300000000-01-01T00:00:00Z"));
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
        return values;
    }

    /** A value the parameter accepts, for repeating it. */
    private static String validValue(Parameter p, Request base) {
        for (Map.Entry<String, String> existing : base.query()) {
            if (existing.getKey().equals(p.name())) {
                return existing.getValue();
            }
        }
        JsonNode s = ApiSpec.resolve(p.schema());
        if (s.has("enum")) {
            return s.get("enum").get(0).asText();
        }
        return switch (ApiSpec.type(s)) {
            case "integer" -> s.has("minimum") ? s.get("minimum").asText() : "1";
            case "number" -> "10";
            case "boolean" -> "true";
            default -> switch (s.path("format").asText()) {
                case "date" -> "2026-01-05";
                case "date-time" -> "2026-01-05T10:00:00Z";
                default -> s.has("pattern") ? "US" : "harbor";
            };
        };
    }

    private static List<Map.Entry<String, String>> plus(List<Map.Entry<String, String>> query, String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(query);
        more.add(Map.entry(name, value));
        return List.copyOf(more);
    }

    private static List<Map.Entry<String, String>> without(List<Map.Entry<String, String>> query, String name) {
        return query.stream().filter(e -> !e.getKey().equals(name)).toList();
    }
}
