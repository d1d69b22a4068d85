package org.kindred.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import org.kindred.api.fuzz.ApiSpec.Operation;
import org.kindred.api.fuzz.FuzzWorld.Target;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.TestServer;

/**
 * Issue 8, bad input: for every operation of openapi/kindred.yaml, requests the contract forbids (wrong types,
 * missing, unknown and out-of-range properties, malformed and oversized bodies, wrong content types, odd query
 * parameters and path ids) sent by a caller who could otherwise succeed. Every answer must match the contract,
 * none may be a server error, and none may change anything: every table and the target read back the same.
 */
@PropertyDefaults(shrinking = ShrinkingMode.OFF)
@AddLifecycleHook(value = RanProperties.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class BadInputFuzzTest {
    private static final String SEED = "20261127";
    private static final int MINIMUM_REQUESTS = 10_000;
    private static final int BATCH = 10;
    private static final Map<String, Arbitrary<Mutation>> BODY_MUTATIONS = new ConcurrentHashMap<>();

    private static TestServer server;
    private static FuzzWorld world;

    @BeforeContainer
    static void start() {
        System.out.println("BadInputFuzzTest: jqwik seed " + SEED);
        server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "off"));
        world = new FuzzWorld(server);
    }

    @AfterContainer
    static void stop() {
        System.out.println("BadInputFuzzTest: " + Fuzzer.sent() + " requests");
        try {
            if (RanProperties.includeAll(properties())) {
                assertThat(Fuzzer.sent()).as("requests sent by the whole fuzz class")
                    .isGreaterThanOrEqualTo(MINIMUM_REQUESTS);
            }
        } finally {
            server.close();
        }
    }

    /** The fuzz properties of this class: the minimum number of requests holds when all of them ran. */
    private static Set<String> properties() {
        return Arrays.stream(BadInputFuzzTest.class.getDeclaredMethods())
            .filter(method -> method.isAnnotationPresent(Property.class)).map(Method::getName).collect(Collectors.toSet());
    }

    @Example
    void everyOperationOfTheContractHasACallerAndASucceedingRequest() {
        for (Operation op : ApiSpec.operations()) {
            Target target = world.target(op.id());
            assertThat(target.path().keySet()).as(op.id())
                .containsExactlyInAnyOrderElementsOf(op.in("path").stream().map(ApiSpec.Parameter::name).toList());
            assertThat(target.body() != null).as(op.id() + " has a body exactly when the contract gives it one")
                .isEqualTo(op.hasBody());
        }
    }

    @Example
    void everyFuzzedCallerSucceedsWithTheUnchangedRequest() {
        List<String> failures = new ArrayList<>();
        for (Operation op : ApiSpec.operations()) {
            Target target = world.fresh(op.id());
            Probe probe = Mutation.unchanged().on(op, target);
            HttpResult result = Fuzzer.send(target.http(), probe);
            if (result.status() < 200 || result.status() > 299) {
                failures.add(probe + " -> " + Fuzzer.abbreviated(result));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Example
    void requestsJettyRefusesBeforeTheApplicationAreProblemsToo() {
        for (String path : List.of("/v1/programs/x%00", "/v1/programs/%FF", "/v1/programs/%ED%A0%80",
            "/v1/programs/" + world.program.id() + "%00/members", "/v1/programs/" + "x".repeat(10_000))) {
            HttpResult result = world.admin.http().raw().get(path);

            assertThat(result.status()).as(path).isBetween(400, 499);
            assertThat(result.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(result.header("Request-Id")).as(path).isNotNull();
            assertThat(result.code()).as(path).isNotBlank();
        }
    }

    @Property(tries = 300, seed = SEED)
    void invalidBodiesAreRefusedAndChangeNothing(@ForAll("invalidBodies") Tuple2<Operation, List<Mutation>> batch) {
        sendInvalid(batch.get1(), batch.get2());
    }

    @Property(tries = 250, seed = SEED)
    void invalidQueryParametersAreRefusedAndChangeNothing(
        @ForAll("invalidQueries") Tuple2<Operation, List<Mutation>> batch) {
        sendInvalid(batch.get1(), batch.get2());
    }

    @Property(tries = 150, seed = SEED)
    void unknownPathIdsAreNotFoundAndChangeNothing(@ForAll("oddPathIds") Tuple2<Operation, List<Mutation>> batch) {
        sendInvalid(batch.get1(), batch.get2());
    }

    @Property(tries = 100, seed = SEED)
    void oddTextIsStoredLiterallyOrRefusedByName(@ForAll("oddTexts") Tuple2<Operation, List<Mutation>> batch) {
        Operation op = batch.get1();
        for (Mutation mutation : batch.get2()) {
            Target target = world.fresh(op.id());
            Probe probe = mutation.on(op, target);
            DbSnapshot before = world.snapshot();
            HttpResult result = Fuzzer.send(target.http(), probe);
            Fuzzer.assertAnswered(probe, result);
            if (result.status() < 300) {
                Readback.assertStoredAsSent(op, target, probe, result);
            } else {
                assertThat(world.snapshot().changesSince(before)).as(probe + " was refused but wrote").isEmpty();
            }
        }
    }

    @Property(tries = 150, seed = SEED)
    void oddQueryValuesAreAnsweredOrRefusedByName(@ForAll("oddQueries") Tuple2<Operation, List<Mutation>> batch) {
        sendEach(batch.get1(), batch.get2());
    }

    @Property(tries = 150, seed = SEED)
    void validQueriesAreAnswered(@ForAll("validQueries") Tuple2<Operation, List<Mutation>> batch) {
        sendEach(batch.get1(), batch.get2());
    }

    private static void sendEach(Operation op, List<Mutation> mutations) {
        Target target = world.target(op.id());
        for (Mutation mutation : mutations) {
            Probe probe = mutation.on(op, target);
            Fuzzer.assertAnswered(probe, Fuzzer.send(target.http(), probe));
        }
    }

    private static void sendInvalid(Operation op, List<Mutation> mutations) {
        Target target = world.target(op.id());
        Optional<String> readBefore = Readback.state(op, target);
        DbSnapshot before = world.snapshot();
        List<Probe> sent = new ArrayList<>();
        for (Mutation mutation : mutations) {
            Probe probe = mutation.on(op, target);
            sent.add(probe);
            Fuzzer.assertAnswered(probe, Fuzzer.send(target.http(), probe));
        }
        String what = "refused requests " + sent;
        assertThat(world.snapshot().changesSince(before)).as("tables written by " + what).isEmpty();
        assertThat(Readback.state(op, target)).as("read back after " + what).isEqualTo(readBefore);
    }

    @Provide
    Arbitrary<Tuple2<Operation, List<Mutation>>> invalidBodies() {
        List<Operation> ops = ApiSpec.operations().stream().filter(Operation::hasBody).toList();
        return Arbitraries.of(ops).flatMap(op -> bodyMutations(op).list().ofSize(BATCH).map(list -> Tuple.of(op, list)));
    }

    @Provide
    Arbitrary<Tuple2<Operation, List<Mutation>>> invalidQueries() {
        return Arbitraries.of(ApiSpec.operations())
            .flatMap(op -> QueryMutations.invalidQueries(op).list().ofSize(BATCH).map(list -> Tuple.of(op, list)));
    }

    @Provide
    Arbitrary<Tuple2<Operation, List<Mutation>>> oddPathIds() {
        List<Operation> ops = ApiSpec.operations().stream().filter(op -> !op.in("path").isEmpty()).toList();
        List<String> otherIds = world.ids();
        return Arbitraries.of(ops).flatMap(op -> PathMutations.oddPathIds(op, world.target(op.id()).path(), otherIds)
            .list().ofSize(BATCH).map(list -> Tuple.of(op, list)));
    }

    @Provide
    Arbitrary<Tuple2<Operation, List<Mutation>>> oddTexts() {
        List<Operation> ops = ApiSpec.operations().stream().filter(op -> !OddValues.of(op, sample(op)).isEmpty()).toList();
        return Arbitraries.of(ops).flatMap(op -> Arbitraries.oneOf(OddValues.of(op, sample(op))).list().ofSize(4)
            .map(list -> Tuple.of(op, list)));
    }

    @Provide
    Arbitrary<Tuple2<Operation, List<Mutation>>> oddQueries() {
        List<Operation> ops = ApiSpec.operations().stream().filter(op -> !QueryMutations.oddQueries(op).isEmpty()).toList();
        return Arbitraries.of(ops).flatMap(op -> Arbitraries.of(QueryMutations.oddQueries(op)).list().ofSize(BATCH)
            .map(list -> Tuple.of(op, list)));
    }

    @Provide
    Arbitrary<Tuple2<Operation, List<Mutation>>> validQueries() {
        List<Operation> ops = ApiSpec.operations().stream()
            .filter(op -> op.method().equals("GET") && !op.in("query").isEmpty()).toList();
        return Arbitraries.of(ops).flatMap(op -> ValidQueries.of(op, world).list().ofSize(BATCH)
            .map(list -> Tuple.of(op, list)));
    }

    private static Arbitrary<Mutation> bodyMutations(Operation op) {
        return BODY_MUTATIONS.computeIfAbsent(op.id(), id -> BodyMutations.invalidBodies(op, sample(op)));
    }

    private static ObjectNode sample(Operation op) {
        return world.target(op.id()).body();
    }
}
