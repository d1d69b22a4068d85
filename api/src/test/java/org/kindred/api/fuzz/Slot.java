package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One place in a request body where a value goes, found from the operation's schema: a property, or a
 * property of the first element of an array of objects. {@code path} holds property names and array
 * indexes; {@link #field()} writes it as the server names fields in errors ({@code crisis_lines[0].name}).
 */
record Slot(List<Object> path, JsonNode schema, boolean required) {
    private static final int MAX_DEPTH = 5;

    /** Every slot of a body schema, parents before their children. */
    static List<Slot> of(JsonNode bodySchema) {
        List<Slot> slots = new ArrayList<>();
        collect(bodySchema, List.of(), slots, 0);
        return List.copyOf(slots);
    }

    private static void collect(JsonNode objectSchema, List<Object> prefix, List<Slot> slots, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        var required = ApiSpec.required(objectSchema);
        for (Map.Entry<String, JsonNode> property : ApiSpec.properties(objectSchema).entrySet()) {
            List<Object> path = append(prefix, property.getKey());
            JsonNode schema = property.getValue();
            slots.add(new Slot(path, schema, required.contains(property.getKey())));
            String type = ApiSpec.type(schema);
            if (type.equals("object")) {
                collect(schema, path, slots, depth + 1);
            } else if (type.equals("array") && ApiSpec.type(schema.path("items")).equals("object")) {
                collect(ApiSpec.resolve(schema.path("items")), append(path, 0), slots, depth + 1);
            }
        }
    }

    String field() {
        StringBuilder field = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(segment);
            }
        }
        return field.toString();
    }

    String name() {
        return (String) path.get(path.size() - 1);
    }

    /** An id naming another resource ({@code program_id}, {@code facilitator_ids[0]}): not free text. */
    boolean isReference() {
        return path.stream().anyMatch(step -> step instanceof String name && (name.endsWith("_id") || name.endsWith("_ids")));
    }

    String type() {
        return ApiSpec.type(schema);
    }

    boolean nullable() {
        return schema.path("nullable").asBoolean(false);
    }

    /** Inside an array element (whose siblings may be missing when the base body has no such element). */
    boolean inArray() {
        return path.stream().anyMatch(Integer.class::isInstance);
    }

    /** Whether {@code body} holds the object this slot belongs in (the body itself for a top-level slot). */
    boolean parentIn(JsonNode body) {
        JsonNode node = body;
        for (Object segment : path.subList(0, path.size() - 1)) {
            node = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
        }
        return node.isContainerNode();
    }

    /** A copy of {@code body} with this slot set to {@code value}, or removed when {@code value} is null. */
    ObjectNode set(ObjectNode body, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = child(parent, path.get(i), path.get(i + 1));
        }
        Object last = path.get(path.size() - 1);
        ObjectNode object = (ObjectNode) parent;
        if (value == null) {
            object.remove((String) last);
        } else {
            object.set((String) last, value);
        }
        return copy;
    }

    /** The value at this slot in {@code body}, or a missing node. */
    JsonNode in(JsonNode body) {
        JsonNode node = body;
        for (Object segment : path) {
            node = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
        }
        return node;
    }

    private static JsonNode child(JsonNode parent, Object segment, Object next) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (segment instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            while (array.size() <= index) {
                array.add(nodes.objectNode());
            }
            if (!array.get(index).isContainerNode()) {
                array.set(index, nodes.objectNode());
            }
            return array.get(index);
        }
        ObjectNode object = (ObjectNode) parent;
        JsonNode existing = object.get((String) segment);
        boolean wantArray = next instanceof Integer;
        if (existing == null || (wantArray ? !existing.isArray() : !existing.isObject())) {
            existing = wantArray ? nodes.arrayNode() : nodes.objectNode();
            object.set((String) segment, existing);
        }
        return existing;
    }

    private static List<Object> append(List<Object> prefix, Object segment) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(segment);
        return List.copyOf(path);
    }

    @Override
    public String toString() {
        return field();
    }
}
