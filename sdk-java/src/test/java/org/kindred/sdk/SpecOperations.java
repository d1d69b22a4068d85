package org.kindred.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.kindred.api.testing.SpecValidator;

/** The operations of openapi/kindred.yaml, and which one a request was for. */
final class SpecOperations {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final List<Template> TEMPLATES = templates();

    private record Template(String method, String path, Pattern pattern, int literalSegments) {
        String operation() {
            return method + " " + path;
        }
    }

    private SpecOperations() {
    }

    /** Every operation, as "METHOD /path/{template}". */
    static Set<String> all() {
        Set<String> all = new TreeSet<>();
        TEMPLATES.forEach(template -> all.add(template.operation()));
        return all;
    }

    /** The operation a request was for; a literal path segment wins over a parameter, as in routing. */
    static Optional<String> of(String method, String path) {
        return TEMPLATES.stream()
            .filter(template -> template.method().equals(method) && template.pattern().matcher(path).matches())
            .max(Comparator.comparingInt(Template::literalSegments))
            .map(Template::operation);
    }

    private static List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        JsonNode paths = SpecValidator.specTree().path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                String regex = Pattern.quote(path).replaceAll("\\{[a-z_]+}", "\\\\E[^/]+\\\\Q");
                int literal = (int) Pattern.compile("/").splitAsStream(path).filter(s -> !s.startsWith("{")).count();
                templates.add(new Template(method.toUpperCase(Locale.ROOT), path, Pattern.compile(regex), literal));
            }
        }));
        return templates;
    }
}
