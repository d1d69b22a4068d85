package org.kindred.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kindred.api.testing.SpecValidator;

/** The operations of openapi/kindred.yaml as the fuzz tests need them: parameters, body schema, result schema. */
final class ApiSpec {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final JsonNode ROOT = SpecValidator.specTree();
    private static final List<Operation> OPERATIONS = read();

    /** One parameter, with its schema resolved. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code body} is the resolved request schema (null when the operation takes no body),
     * {@code result} the resolved schema of its 200 or 201 response (null when it has none).
     */
    record Operation(String method, String path, String id, List<Parameter> parameters, JsonNode body,
                     List<String> contentTypes, JsonNode result, Set<String> statuses, boolean anonymous) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasBody() {
            return body != null;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private ApiSpec() {
    }

    static List<Operation> operations() {
        return OPERATIONS;
    }

    static Operation operation(String id) {
        return OPERATIONS.stream().filter(op -> op.id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no operation " + id + " in the contract"));
    }

    /** The schema itself, following {@code $ref}s to the end. */
    static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current != null && current.has("$ref")) {
            current = ROOT.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** The properties of an object schema, each resolved, in the contract's order. */
    static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode resolved = resolve(schema);
        if (resolved != null) {
            resolved.path("properties").properties()
                .forEach(entry -> properties.put(entry.getKey(), resolve(entry.getValue())));
        }
        return properties;
    }

    static Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        resolve(schema).path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    static String type(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("type")) {
            return resolved.get("type").asText();
        }
        return resolved.has("properties") ? "object" : "any";
    }

    private static List<Operation> read() {
        List<Operation> operations = new ArrayList<>();
        ROOT.path("paths").properties().forEach(path -> {
            JsonNode item = path.getValue();
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op != null) {
                    operations.add(operation(method, path.getKey(), item, op));
                }
            }
        });
        return List.copyOf(operations);
    }

    private static Operation operation(String method, String path, JsonNode item, JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode p = resolve(parameter);
                parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                    p.path("required").asBoolean(false), resolve(p.path("schema"))));
            }
        }
        JsonNode body = null;
        List<String> contentTypes = new ArrayList<>();
        JsonNode content = op.path("requestBody").path("content");
        if (content.isObject() && !content.isEmpty()) {
            content.properties().forEach(entry -> contentTypes.add(entry.getKey()));
            body = resolve(content.elements().next().path("schema"));
        }
        JsonNode result = null;
        for (String status : List.of("200", "201")) {
            JsonNode schema = resolve(op.path("responses").path(status)).path("content").path("application/json").path("schema");
            if (result == null && !schema.isMissingNode()) {
                result = resolve(schema);
            }
        }
        Set<String> statuses = new LinkedHashSet<>();
        op.path("responses").fieldNames().forEachRemaining(statuses::add);
        boolean anonymous = op.has("security") && op.get("security").isEmpty();
        return new Operation(method.toUpperCase(Locale.ROOT), path, op.path("operationId").asText(),
            List.copyOf(parameters), body, List.copyOf(contentTypes), result, statuses, anonymous);
    }
}
