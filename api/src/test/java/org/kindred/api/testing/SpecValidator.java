package org.kindred.api.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks responses against openapi/kindred.yaml, strictly: every object schema that lists its properties
 * is treated as closed, so a response carrying a property the contract does not document fails too.
 */
public final class SpecValidator {
    private static final SpecValidator INSTANCE = new SpecValidator();

    private final OpenApiInteractionValidator validator;

    private SpecValidator() {
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(closedSpec()).build();
    }

    public static SpecValidator get() {
        return INSTANCE;
    }

    /** The contract's path, found from the module's working directory. */
    public static Path specFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("openapi/kindred.yaml");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("openapi/kindred.yaml not found above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode specTree() {
        try {
            // A key written twice is a mistake the generator refuses; without this the tests would read the last one.
            return new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .readTree(specFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws an AssertionError that lists what the contract says is wrong with this response. */
    public void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        if (report.hasErrors()) {
            String messages = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
            throw new AssertionError(method + " " + path + " -> " + status + " does not match the contract:\n"
                + messages + "\nbody: " + body);
        }
    }

    private static String closedSpec() {
        JsonNode tree = specTree();
        close(tree);
        try {
            return new ObjectMapper().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && object.path("properties").isObject() && !object.has("additionalProperties")
                && "object".equals(object.path("type").asText())) {
                object.put("additionalProperties", false);
            }
            object.forEach(SpecValidator::close);
        } else if (node.isArray()) {
            node.forEach(SpecValidator::close);
        }
    }
}
