package org.kindred.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kindred.api.fuzz.ApiSpec.Operation;
import org.kindred.api.fuzz.FuzzWorld.Target;
import org.kindred.api.fuzz.Probe.Expect;
import org.kindred.api.testing.TestServer;

/**
 * Mass assignment, derived from the contract: for every operation that takes a body, each property of its
 * answer that its request does not have (ids, owners, roles, counts, computed fields) is refused with a 400
 * naming it, when sent by a caller whose request would otherwise succeed, and nothing is created or changed.
 */
class MassAssignmentTest {
    private static TestServer server;
    private static FuzzWorld world;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("KINDRED_RATE_LIMITS", "off"));
        world = new FuzzWorld(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Operation> writes() {
        return ApiSpec.operations().stream().filter(op -> !ReadOnlyFields.of(op, world.target(op.id()).body()).isEmpty());
    }

    @Test
    void everyCreateAndUpdateOfTheContractIsCovered() {
        List<String> covered = writes().map(Operation::id).toList();

        assertThat(covered).contains("register", "updateMe", "createProgram", "updateProgram", "addMember",
            "updateMember", "createInvitation", "createVenue", "updateVenue", "createGroup", "updateGroup",
            "updateSession", "rsvpSession", "updateMentor", "requestMentorship", "logMeeting", "createCheckin",
            "updateCheckin", "encourage");
    }

    @Test
    void readOnlyFieldsReachIntoTheObjectsRequestAndAnswerShare() {
        Operation op = ApiSpec.operation("updateMentor");

        assertThat(ReadOnlyFields.of(op, world.target(op.id()).body())).map(Slot::field)
            .contains("id", "user_id", "free_capacity", "certifications[0].current");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void readOnlyPropertiesAreRefusedByNameAndChangeNothing(Operation op) {
        Target target = world.fresh(op.id());
        Optional<String> readBefore = Readback.state(op, target);
        JsonNode current = Readback.path(op, target).map(path -> target.http().get(path).json())
            .orElse(MissingNode.getInstance());
        DbSnapshot before = world.snapshot();

        for (Slot slot : ReadOnlyFields.of(op, target.body())) {
            for (JsonNode value : List.of(ReadOnlyFields.valueFor(slot), slot.in(current))) {
                if (!value.isMissingNode()) {
                    Probe probe = Mutation.slot(slot, value, Expect.UNKNOWN_PROPERTY, "read-only").on(op, target);
                    Fuzzer.assertAnswered(probe, Fuzzer.send(target.http(), probe));
                }
            }
        }

        assertThat(world.snapshot().changesSince(before)).as("tables written by refused requests").isEmpty();
        assertThat(Readback.state(op, target)).as("read back").isEqualTo(readBefore);
    }
}
