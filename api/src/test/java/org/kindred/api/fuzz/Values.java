package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Values a schema forbids, and odd but allowed text, for the fuzz tests. */
final class Values {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final BigInteger TWO_TO_63 = BigInteger.TWO.pow(63);
    /** Just under the 1 MB body limit once the rest of a body is added. */
    static final int NEAR_LIMIT = 990_000;

    /** Text that looks like SQL, LIKE patterns, path traversal or markup: it must be stored as written. */
    static final List<String> INJECTION = List.of(
        "'; DROP TABLE users; --",
        "\" OR 1=1 --",
        "' OR '1'='1",
        "%' OR '%'='",
        "\\",
        "\\\\",
        "!%_",
        "100% _sure_",
        "a%b_c",
        "Robert'); DELETE FROM checkins WHERE ('1'='1",
        "1; SELECT * FROM sqlite_master",
        "' UNION SELECT password_hash FROM users --",
        "../../../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "%2e%2e%2f%2e%2e%2f",
        "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1/a}",
        "{{7*7}}",
        "$(rm -rf /)",
        "\"quoted\" and 'single'",
        "NULL",
        "null");

    /** Unicode that trips naive code: direction marks, joiners, emoji, combining marks, odd spaces. */
    static final List<String> UNICODE = List.of(
        "\u200fRight to left mark\u200f",
        "\u202eolleh",
        "a\u200db",
        "zero\u200bwidth",
        "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67 family",
        "\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
        "e\u0301\u0301\u0301",
        "Z\u0351\u0352\u0353\u0354\u0355\u0356",
        "\u00a0non-breaking\u00a0",
        "\ufeffbyte order mark",
        "\u4f60\u597d\uff0c\u4e16\u754c",
        "\u0645\u0631\u062d\u0628\u0627",
        "\ud834\udd1e clef",
        "\uffff\ufffe",
        "\ue000 private use");

    /** Text no field takes: control characters and unpaired surrogates. */
    static final List<String> FORBIDDEN_TEXT = List.of(
        "nul\u0000byte",
        "\u0000",
        "bell\u0007",
        "escape\u001b[31m",
        "del\u007f",
        "lone \ud800 high",
        "lone \udc00 low",
        "\udbff",
        "reversed \udc00\ud800 pair");

    private Values() {
    }

    /** Values of other JSON types than the schema's (null aside: a merge patch gives it a meaning). */
    static List<JsonNode> wrongTypes(JsonNode schema) {
        String type = ApiSpec.type(schema);
        List<JsonNode> values = new ArrayList<>();
        if (!type.equals("string")) {
            values.add(NODES.textNode("5"));
            values.add(NODES.textNode(""));
            values.add(NODES.textNode("NaN"));
            values.add(NODES.textNode("true"));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            values.add(NODES.numberNode(5));
            values.add(NODES.numberNode(new BigDecimal("1e308")));
            values.add(NODES.numberNode(TWO_TO_63));
            values.add(NODES.numberNode(new BigDecimal("-0.0")));
        }
        if (type.equals("integer")) {
            values.add(NODES.numberNode(new BigDecimal("1.5")));
            values.add(NODES.numberNode(new BigDecimal("1e308")));
            values.add(NODES.numberNode(new BigDecimal("3.0e0")));
        }
        if (!type.equals("boolean")) {
            values.add(NODES.booleanNode(true));
        }
        if (!type.equals("array")) {
            values.add(NODES.arrayNode());
            values.add(NODES.arrayNode().add("x"));
        }
        if (!type.equals("object")) {
            values.add(NODES.objectNode());
            values.add(NODES.objectNode().put("value", 1));
        }
        return values;
    }

    /** Values of the schema's own type that break one of its constraints; empty when it has none. */
    static List<JsonNode> outOfBounds(JsonNode schema, JsonNode sample) {
        JsonNode s = ApiSpec.resolve(schema);
        List<JsonNode> values = new ArrayList<>();
        switch (ApiSpec.type(s)) {
            case "string" -> strings(s, values);
            case "integer" -> integers(s, values);
            case "number" -> numbers(s, values);
            case "array" -> arrays(s, sample, values);
            default -> {
            }
        }
        return values;
    }

    private static void strings(JsonNode s, List<JsonNode> values) {
        if (s.has("enum")) {
            String first = s.get("enum").get(0).asText();
            values.add(NODES.textNode("not_a_value"));
            values.add(NODES.textNode(""));
            values.add(NODES.textNode(first.toUpperCase(Locale.ROOT)));
            values.add(NODES.textNode(first + " "));
            values.add(NODES.textNode(" " + first));
            return;
        }
        if (s.has("maxLength")) {
            int max = s.get("maxLength").asInt();
            values.add(NODES.textNode("a".repeat(max + 1)));
            values.add(NODES.textNode("\ud83d\ude00".repeat(max + 1)));
            if (max < 10_000) {
                values.add(NODES.textNode("x".repeat(10_000)));
            }
        }
        if (s.path("minLength").asInt(0) >= 1) {
            values.add(NODES.textNode(""));
        }
        if (s.has("pattern")) {
            Pattern pattern = Pattern.compile(s.get("pattern").asText());
            for (String candidate : List.of("", " ", "x", "X", "us", "USA", "-", "ab cd", "\ud83d\ude42", "99:99",
                "24:00", "7:30", "Bad Slug", "a--b", "-a", "a_", "+", "ab\ncd", "0".repeat(100))) {
                if (!pattern.matcher(candidate).find()) {
                    values.add(NODES.textNode(candidate));
                }
            }
        }
        switch (s.path("format").asText()) {
            case "email" -> List.of("not-an-email", "a@", "@example.org", "a b@example.org", "a@@example.org")
                .forEach(v -> values.add(NODES.textNode(v)));
            case "uri" -> List.of("not a url", "//example.org/path", "example.org", "http://exa mple.org")
                .forEach(v -> values.add(NODES.textNode(v)));
            case "date" -> List.of("2026-02-30", "2026-13-01", "20260101", "tomorrow", "2026-1-1", "2026-11-27T00:00:00Z",
                    " 2026-11-27", "2026-11-27\n", "+300000000-01-01")
                .forEach(v -> values.add(NODES.textNode(v)));
            case "date-time" -> List.of("2026-11-27", "yesterday", "2026-11-27T25:00:00Z", "2026-11-27 20:50:25Z",
                    "2026-02-30T10:00:00Z", " 2026-11-27T20:50:25Z", "2026-11-27T20:50:25Z\t", "1700000000", "1700000000.5",
                    "+300000000-01-01T00:00:00Z")
                .forEach(v -> values.add(NODES.textNode(v)));
            default -> {
            }
        }
    }

    private static void integers(JsonNode s, List<JsonNode> values) {
        if (s.has("minimum")) {
            values.add(NODES.numberNode(s.get("minimum").asLong() - 1));
            values.add(NODES.numberNode(TWO_TO_63.negate().subtract(BigInteger.ONE)));
            values.add(NODES.numberNode(Long.MIN_VALUE));
            values.add(NODES.numberNode((long) Integer.MIN_VALUE));
        }
        if (s.has("maximum")) {
            values.add(NODES.numberNode(s.get("maximum").asLong() + 1));
            values.add(NODES.numberNode(TWO_TO_63));
            values.add(NODES.numberNode(Long.MAX_VALUE));
            values.add(NODES.numberNode(Integer.MAX_VALUE + 1L));
            values.add(NODES.numberNode(new BigInteger("123456789012345678901234567890")));
        }
    }

    private static void numbers(JsonNode s, List<JsonNode> values) {
        if (s.has("minimum")) {
            BigDecimal min = s.get("minimum").decimalValue();
            values.add(NODES.numberNode(min.subtract(new BigDecimal("0.000001"))));
            values.add(NODES.numberNode(min.subtract(BigDecimal.ONE)));
            values.add(NODES.numberNode(new BigDecimal("-1e308")));
        }
        if (s.has("maximum")) {
            BigDecimal max = s.get("maximum").decimalValue();
            values.add(NODES.numberNode(max.add(new BigDecimal("0.000001"))));
            values.add(NODES.numberNode(max.add(BigDecimal.ONE)));
            values.add(NODES.numberNode(new BigDecimal("1e308")));
            values.add(NODES.numberNode(new BigDecimal("1e309")));
            values.add(NODES.numberNode(new BigDecimal(TWO_TO_63)));
        }
        if (s.has("multipleOf")) {
            BigDecimal step = s.get("multipleOf").decimalValue();
            values.add(NODES.numberNode(step.add(step.movePointLeft(1))));
        }
    }

    private static void arrays(JsonNode s, JsonNode sample, List<JsonNode> values) {
        JsonNode items = ApiSpec.resolve(s.path("items"));
        JsonNode item = sample != null && sample.isArray() && !sample.isEmpty() ? sample.get(0) : validItem(items);
        if (s.has("maxItems") && item != null) {
            ArrayNode tooMany = NODES.arrayNode();
            List<JsonNode> distinct = distinctItems(items);
            for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                tooMany.add(i < distinct.size() ? distinct.get(i) : item.deepCopy());
            }
            values.add(tooMany);
        }
        if (s.path("minItems").asInt(0) > 0 && item != null) {
            ArrayNode tooFew = NODES.arrayNode();
            for (int i = 0; i < s.get("minItems").asInt() - 1; i++) {
                tooFew.add(item.deepCopy());
            }
            values.add(tooFew);
        }
        if (s.path("uniqueItems").asBoolean(false) && item != null) {
            values.add(NODES.arrayNode().add(item.deepCopy()).add(item.deepCopy()));
        }
        String itemType = ApiSpec.type(items);
        if (!itemType.equals("object") && !itemType.equals("any")) {
            for (JsonNode bad : outOfBounds(items, null)) {
                values.add(NODES.arrayNode().add(bad));
            }
            wrongTypes(items).stream().limit(4).forEach(bad -> values.add(NODES.arrayNode().add(bad)));
        }
    }

    private static JsonNode validItem(JsonNode items) {
        if (items.has("enum")) {
            return items.get("enum").get(0);
        }
        return switch (ApiSpec.type(items)) {
            case "integer" -> NODES.numberNode(items.path("minimum").asLong(0));
            case "string" -> items.has("pattern") || items.has("format") ? null : NODES.textNode("en");
            default -> null;
        };
    }

    private static List<JsonNode> distinctItems(JsonNode items) {
        List<JsonNode> distinct = new ArrayList<>();
        items.path("enum").forEach(distinct::add);
        return distinct;
    }

    /** Deeply nested arrays around {@code leaf}: {@code [[[...leaf...]]]}. */
    static String nestedArrays(int depth, String leaf) {
        return "[".repeat(depth) + leaf + "]".repeat(depth);
    }

    /** Deeply nested objects: {@code {"a":{"a":...leaf...}}}. */
    static String nestedObjects(int depth, String leaf) {
        return "{\"a\":".repeat(depth) + leaf + "}".repeat(depth);
    }
}
