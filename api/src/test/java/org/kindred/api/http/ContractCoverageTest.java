package org.kindred.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.SpecValidator;
import org.kindred.api.testing.TestServer;

/** The contract and the running application describe the same API. */
class ContractCoverageTest {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private static TestServer server;
    private static JsonNode spec;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        spec = SpecValidator.specTree();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteIsInTheContractAndEveryOperationHasARoute() {
        Set<String> routes = registeredRoutes();
        Set<String> operations = new TreeSet<>();
        forEachOperation((method, path, operation) -> operations.add(method + " " + path));

        Set<String> undocumented = new TreeSet<>(routes);
        undocumented.removeAll(operations);
        Set<String> unimplemented = new TreeSet<>(operations);
        unimplemented.removeAll(routes);

        assertThat(routes).as("routes registered in the app").isNotEmpty().contains("POST /v1/programs");
        assertThat(undocumented).as("routes the app serves that openapi/kindred.yaml does not document").isEmpty();
        assertThat(unimplemented).as("operations in openapi/kindred.yaml that the app does not serve").isEmpty();
    }

    @Test
    void everyErrorCodeIsListedInTheContract() {
        String description = spec.at("/components/schemas/Problem/properties/code/description").asText();
        Set<String> listed = words(description);

        List<String> missing = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .filter(code -> !listed.contains(code)).toList();

        assertThat(description).isNotBlank();
        assertThat(missing).as("ErrorCode constants missing from Problem.code in openapi/kindred.yaml").isEmpty();
    }

    @Test
    void everyCodeTheContractListsExists() {
        String description = spec.at("/components/schemas/Problem/properties/code/description").asText();
        String list = description.substring(description.indexOf("One of:") + "One of:".length(), description.indexOf("New codes"));
        Set<String> known = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());

        List<String> unknown = words(list).stream().filter(code -> !known.contains(code)).toList();

        assertThat(unknown).as("codes in Problem.code that the server never sends").isEmpty();
    }

    @Test
    void everyOperationHasAnOperationIdAndDocumentsBadRequest() {
        List<String> faults = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        forEachOperation((method, path, operation) -> {
            String id = operation.path("operationId").asText("");
            if (id.isBlank()) {
                faults.add(method + " " + path + " has no operationId");
            } else if (!ids.add(id)) {
                faults.add(method + " " + path + " repeats operationId " + id);
            }
            if (!operation.path("responses").has("400")) {
                faults.add(method + " " + path + " does not document 400");
            }
        });

        assertThat(faults).isEmpty();
    }

    @Test
    void everyAuthenticatedOperationDocumentsUnauthorized() {
        List<String> faults = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            JsonNode security = operation.has("security") ? operation.get("security") : spec.path("security");
            boolean open = security.isArray() && security.isEmpty();
            if (!open && !operation.path("responses").has("401")) {
                faults.add(method + " " + path + " needs a token but does not document 401");
            }
        });

        assertThat(faults).isEmpty();
    }

    @Test
    void everyOperationThatReadsABodyDocumentsTooLargeAndUnsupportedMediaType() {
        List<String> faults = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            if (operation.has("requestBody")) {
                for (String status : List.of("413", "415")) {
                    if (!operation.path("responses").has(status)) {
                        faults.add(method + " " + path + " takes a body but does not document " + status);
                    }
                }
            }
        });

        assertThat(faults).isEmpty();
    }

    private static Set<String> registeredRoutes() {
        Set<String> routes = new TreeSet<>();
        for (ParsedEndpoint parsed : server.app().javalin().unsafe.internalRouter.allHttpHandlers()) {
            String method = parsed.endpoint.method.name();
            String path = parsed.endpoint.path;
            if (METHODS.contains(method) && !path.startsWith("/webjars")) {
                routes.add(method + " " + toSpecPath(path));
            }
        }
        return routes;
    }

    /** Javalin writes path parameters as {name} (or &lt;name&gt; for ones that may contain slashes). */
    private static String toSpecPath(String path) {
        Matcher angle = Pattern.compile("<([^>]+)>").matcher(path);
        return angle.replaceAll("{$1}");
    }

    private static Set<String> words(String text) {
        Set<String> words = new TreeSet<>();
        Matcher matcher = Pattern.compile("[a-z][a-z_]*[a-z]").matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                if (METHODS.contains(method)) {
                    visitor.visit(method, path.getKey(), operation.getValue());
                }
            }
        }
    }
}
