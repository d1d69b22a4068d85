package org.kindred.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** One response: status, headers and body, with the body readable as JSON. */
public record HttpResult(int status, Map<String, List<String>> headers, String body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    public String text(String pointer) {
        return json().at(pointer).asText();
    }

    public String header(String name) {
        return headers.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(e -> e.getValue().get(0))
            .findFirst()
            .orElse(null);
    }

    /** The problem {@code code} of an error response. */
    public String code() {
        return json().path("code").asText();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
