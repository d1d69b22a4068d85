package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kindred.api.fuzz.ApiSpec.Operation;

/**
 * What a client could try to set by mass assignment: the properties an operation's answer has and its request
 * does not (ids, owners, roles, counts, computed fields), at the top level and inside the objects both share.
 */
final class ReadOnlyFields {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReadOnlyFields() {
    }

    /** The answer's properties that the request lacks, where {@code sample}, a succeeding body, can hold them. */
    static List<Slot> of(Operation op, JsonNode sample) {
        List<Slot> slots = new ArrayList<>();
        if (op.hasBody() && op.result() != null) {
            collect(op.result(), op.body(), List.of(), sample, slots);
        }
        return List.copyOf(slots);
    }

    /** A value of the property's own type, so that only its being read-only can make it a refusal. */
    static JsonNode valueFor(Slot slot) {
        JsonNode schema = ApiSpec.resolve(slot.schema());
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (slot.type()) {
            case "integer", "number" -> NODES.numberNode(schema.path("minimum").asInt(1));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode();
            case "object" -> NODES.objectNode();
            default -> NODES.textNode(switch (schema.path("format").asText()) {
                case "date-time" -> "2026-01-05T10:00:00Z";
                case "date" -> "2026-01-05";
                case "email" -> "someone@test.kindred.dev";
                default -> "usr_01JD4Z8Q6K2V9X1M3N5P7R9T0W";
            });
        };
    }

    private static void collect(JsonNode answer, JsonNode request, List<Object> prefix, JsonNode sample,
                                List<Slot> slots) {
        Map<String, JsonNode> writable = ApiSpec.properties(request);
        ApiSpec.properties(answer).forEach((name, schema) -> {
            List<Object> path = new ArrayList<>(prefix);
            path.add(name);
            JsonNode requestSchema = writable.get(name);
            JsonNode value = sample.path(name);
            if (requestSchema == null) {
                slots.add(new Slot(List.copyOf(path), schema, false));
            } else if (ApiSpec.type(schema).equals("object") && value.isObject()) {
                collect(schema, requestSchema, path, value, slots);
            } else if (ApiSpec.type(schema).equals("array") && ApiSpec.type(schema.path("items")).equals("object")
                && value.path(0).isObject()) {
                path.add(0);
                collect(ApiSpec.resolve(schema.path("items")), ApiSpec.resolve(requestSchema.path("items")), path,
                    value.get(0), slots);
            }
        });
    }
}
