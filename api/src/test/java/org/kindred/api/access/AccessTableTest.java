package org.kindred.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kindred.api.access.AccessTable.Expected;
import org.kindred.api.access.AccessTable.Row;
import org.kindred.api.access.AccessWorld.Secret;
import org.kindred.api.access.Probes.Probe;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.SpecValidator;
import org.kindred.api.testing.TestServer;

/**
 * Runs access-table.txt against one live server: every operation of the contract as every kind of caller.
 * A cell fails when the status differs from the table, when a refusal carries anything of the owner's, when an
 * allowed answer shows (or, in a full view, lacks) the line's secrets, or when a refused write changed its target.
 */
class AccessTableTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static TestServer server;
    private static AccessWorld world;
    private static Probes probes;

    @BeforeAll
    static void start() {
        server = TestServer.start(CheckinFixtures.ENV);
        world = new AccessWorld(server);
        probes = new Probes(world);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAsEveryCaller() {
        List<Row> rows = new ArrayList<>(AccessTable.rows());
        rows.sort(Comparator.comparingInt((Row row) -> row.runsLast() ? 2 : row.late() ? 1 : 0));
        return rows.stream().flatMap(row -> Stream.of(Caller.values()).map(caller ->
            DynamicTest.dynamicTest(row.key() + " as " + caller.description() + " → " + row.cells().get(caller),
                () -> check(row, caller))));
    }

    @Test
    void theTableHasALineForEveryOperationOfTheContractAndNoOther() {
        Set<String> inTable = new TreeSet<>();
        AccessTable.rows().forEach(row -> inTable.add(row.operation()));
        Set<String> inSpec = specOperations();

        Set<String> missing = new TreeSet<>(inSpec);
        missing.removeAll(inTable);
        Set<String> unknown = new TreeSet<>(inTable);
        unknown.removeAll(inSpec);

        assertThat(inSpec).as("operations of openapi/kindred.yaml").hasSizeGreaterThan(80);
        assertThat(missing).as("operations of openapi/kindred.yaml with no line in " + AccessTable.RESOURCE).isEmpty();
        assertThat(unknown).as("lines of " + AccessTable.RESOURCE + " naming no operation of the contract").isEmpty();
    }

    @Test
    void everyLineHasOneRequestAndEveryRequestALine() {
        List<String> keys = AccessTable.rows().stream().map(Row::key).toList();
        Set<String> requests = new Probes(null).keys();

        assertThat(keys).as("lines of " + AccessTable.RESOURCE).doesNotHaveDuplicates();
        assertThat(requests).as("requests in Probes").containsExactlyInAnyOrderElementsOf(keys);
    }

    private static void check(Row row, Caller caller) {
        Expected expected = row.cells().get(caller);
        Probe probe = probes.make(row.key(), caller);
        String where = row.key() + " as " + caller.description() + " (" + AccessTable.RESOURCE + " line " + row.line() + ")";
        HttpResult result = null;
        try {
            String before = probe.reader() == null ? null : world.read(probe.reader(), probe.readPath());
            result = world.http(caller).raw()
                .send(probe.method(), probe.path(), probe.body(), probe.contentType());
            if (result.status() != expected.status()) {
                String verdict = result.status() / 100 == 2 && !expected.allowed()
                    ? "UNEXPECTED SUCCESS: the server let this caller do what the table refuses. " : "";
                throw new AssertionError(verdict + where + ": expected " + expected + " but got " + result.status()
                    + "\n" + result.body());
            }
            String pathOnly = probe.path().contains("?") ? probe.path().substring(0, probe.path().indexOf('?')) : probe.path();
            SpecValidator.get().check(probe.method(), pathOnly, result.status(), result.headers(), result.body());
            String sent = probe.path() + " " + (probe.body() == null ? "" : probe.body());
            if (expected.allowed()) {
                checkView(row, expected, probe, result, sent, where);
                List<Secret> notForThisCaller = world.audiences().stream()
                    .filter(audience -> !audience.callers().contains(caller)).map(AccessWorld.Audience::secret).toList();
                assertAbsent(unsent(notForThisCaller, sent), result, where + ": data that is never theirs to see:");
            } else {
                assertAbsent(unsent(world.ownerData(), sent), result, where + ": the refusal carries");
                if (result.status() == 401) {
                    assertThat(result.header("WWW-Authenticate")).as(where + ": WWW-Authenticate").startsWith("Bearer");
                }
                if (before != null) {
                    assertThat(world.read(probe.reader(), probe.readPath()))
                        .as(where + ": a refused write changed its target (read back by " + probe.reader().description() + ")")
                        .isEqualTo(before);
                }
            }
        } finally {
            probe.after().accept(result);
        }
    }

    private static void checkView(Row row, Expected expected, Probe probe, HttpResult result, String sent, String where) {
        List<Secret> secrets = new ArrayList<>();
        for (String name : row.secrets()) {
            secrets.addAll(probe.secrets().containsKey(name) ? probe.secrets().get(name) : world.secret(name));
        }
        switch (expected.view()) {
            case FULL -> {
                List<String> lacking = secrets.stream().filter(secret -> !result.body().contains(secret.value()))
                    .map(Secret::label).toList();
                assertThat(lacking).as(where + ": a full view lacks\n" + result.body()).isEmpty();
            }
            case REDACTED -> assertAbsent(unsent(secrets, sent), result, where + ": a redacted view shows");
            case NOTHING_OF_OWNER -> {
                List<Secret> owner = new ArrayList<>(world.ownerIdentity());
                owner.addAll(secrets);
                assertAbsent(unsent(owner, sent), result, where + ": someone who may see nothing of the owner gets");
            }
        }
    }

    private static void assertAbsent(List<Secret> secrets, HttpResult result, String message) {
        List<String> leaked = secrets.stream().filter(secret -> result.body().contains(secret.value()))
            .map(Secret::label).toList();
        assertThat(leaked).as(message + "\n" + result.body()).isEmpty();
    }

    /** The secrets the request did not name itself: a caller may be told back what they sent. */
    private static List<Secret> unsent(List<Secret> secrets, String sent) {
        return secrets.stream().filter(secret -> !sent.contains(secret.value())).toList();
    }

    private static Set<String> specOperations() {
        Set<String> operations = new HashSet<>();
        JsonNode paths = SpecValidator.specTree().path("paths");
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        }));
        return operations;
    }
}
