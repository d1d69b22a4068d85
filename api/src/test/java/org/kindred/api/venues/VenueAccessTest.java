package org.kindred.api.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.venues.VenueFixtures.ids;
import static org.kindred.api.venues.VenueFixtures.venue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class VenueAccessTest {
    private static final String CLOSED = "{\"name\": \"Hidden Willow Room\", \"status\": \"closed\","
        + " \"address\": {\"line1\": \"9 Willow Lane\"}}";

    private static TestServer server;
    private static VenueFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new VenueFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anonymousReadsAndListsActiveVenues() {
        String program = fixtures.program();
        String id = fixtures.create(program, "{}");
        HttpResult read = server.http().get("/v1/venues/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/id")).isEqualTo(id);
        assertThat(ids(server.http().get("/v1/venues?program_id=" + program))).containsExactly(id);
    }

    @Test
    void closedVenueIsNotFoundForAnonymousUnrelatedUsersParticipantsAndMentors() {
        String program = fixtures.program();
        String open = fixtures.create(program, "{}");
        String closed = fixtures.create(program, CLOSED);
        Session stranger = server.newUser("Curious Wren");
        Session participant = fixtures.member(program, "Green Fern", "participant");
        Session mentor = fixtures.member(program, "Tall Pine", "mentor");
        for (Http viewer : new Http[] {server.http(), stranger.http(), participant.http(), mentor.http()}) {
            HttpResult hidden = viewer.get("/v1/venues/" + closed);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.code()).isEqualTo("not_found");
            assertThat(hidden.body()).doesNotContain("Hidden Willow").doesNotContain("Willow Lane");
            assertThat(ids(viewer.get("/v1/venues?program_id=" + program))).containsExactly(open);
            assertThat(ids(viewer.get("/v1/venues?program_id=" + program + "&status=closed"))).isEmpty();
            assertThat(ids(viewer.get("/v1/venues?q=willow"))).doesNotContain(closed);
            assertThat(ids(viewer.get("/v1/venues?near=39.7817,-89.6501&radius_km=1&program_id=" + program)))
                .containsExactly(open);
        }
    }

    @Test
    void closedVenueIsVisibleToItsProgramsCoordinatorsAndAdmins() {
        String program = fixtures.program();
        String open = fixtures.create(program, "{}");
        String closed = fixtures.create(program, CLOSED);
        Session coordinator = fixtures.member(program, "Quiet River", "coordinator");
        for (Http viewer : new Http[] {coordinator.http(), server.admin().http()}) {
            HttpResult read = viewer.get("/v1/venues/" + closed);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.text("/status")).isEqualTo("closed");
            assertThat(ids(viewer.get("/v1/venues?program_id=" + program))).containsExactly(open, closed);
            assertThat(ids(viewer.get("/v1/venues?program_id=" + program + "&status=closed"))).containsExactly(closed);
            assertThat(ids(viewer.get("/v1/venues?program_id=" + program + "&status=active"))).containsExactly(open);
            assertThat(ids(viewer.get("/v1/venues?near=39.7817,-89.6501&radius_km=1&program_id=" + program)))
                .containsExactlyInAnyOrder(open, closed);
        }
    }

    @Test
    void coordinatorOfAnotherProgramDoesNotSeeClosedVenues() {
        String program = fixtures.program();
        String closed = fixtures.create(program, CLOSED);
        Session outsider = fixtures.member(fixtures.program(), "Night Moth", "coordinator");
        HttpResult hidden = outsider.http().get("/v1/venues/" + closed);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("Hidden Willow");
        assertThat(ids(outsider.http().get("/v1/venues?program_id=" + program))).isEmpty();
        assertThat(ids(outsider.http().get("/v1/venues?status=closed&limit=100"))).doesNotContain(closed);
    }

    @Test
    void closingAVenueHidesItFromThePublicAtOnce() {
        String program = fixtures.program();
        Session coordinator = fixtures.member(program, "Slow Tide", "coordinator");
        String id = fixtures.create(program, "{}");
        String listed = "/v1/venues?program_id=" + program;
        assertThat(ids(server.http().get(listed))).containsExactly(id);
        HttpResult closed = coordinator.http().patch("/v1/venues/" + id, "{\"status\": \"closed\"}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(server.http().get("/v1/venues/" + id).status()).isEqualTo(404);
        assertThat(ids(server.http().get(listed))).isEmpty();
        assertThat(coordinator.http().get("/v1/venues/" + id).status()).isEqualTo(200);
        assertThat(coordinator.http().patch("/v1/venues/" + id, "{\"status\": \"active\"}").status()).isEqualTo(200);
        assertThat(server.http().get("/v1/venues/" + id).status()).isEqualTo(200);
        assertThat(ids(server.http().get(listed))).containsExactly(id);
    }

    @Test
    void anActiveVenueOfAProgramThatIsNotPublicIsHiddenFromThePublicToo() {
        String program = fixtures.program();
        Session coordinator = fixtures.member(program, "Low Cloud", "coordinator");
        String id = fixtures.create(program, "{}");
        assertThat(ids(server.http().get("/v1/venues?program_id=" + program))).containsExactly(id);
        HttpResult archived = server.admin().http().patch("/v1/programs/" + program, "{\"status\": \"archived\"}");
        assertThat(archived.status()).isEqualTo(200);

        HttpResult hidden = server.http().get("/v1/venues/" + id);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain(program);
        assertThat(ids(server.http().get("/v1/venues?program_id=" + program))).isEmpty();
        assertThat(ids(server.newUser("Passing Crow").http().get("/v1/venues?near=39.7817,-89.6501&radius_km=1")))
            .doesNotContain(id);
        assertThat(coordinator.http().get("/v1/venues/" + id).status()).isEqualTo(200);
    }

    @Test
    void anonymousCannotCreateChangeOrDeleteVenues() {
        String program = fixtures.program();
        String id = fixtures.create(program, "{}");
        String before = server.http().get("/v1/venues/" + id).body();
        HttpResult create = server.http().post("/v1/venues", venue(program, "{\"name\": \"Anonymous Hall\"}"));
        HttpResult patch = server.http().patch("/v1/venues/" + id, "{\"name\": \"Anonymous Hall\"}");
        HttpResult delete = server.http().delete("/v1/venues/" + id);
        for (HttpResult refused : new HttpResult[] {create, patch, delete}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("unauthorized");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(before);
        assertThat(ids(server.admin().http().get("/v1/venues?program_id=" + program))).containsExactly(id);
    }

    @Test
    void participantsAndMentorsCannotCreateVenuesForTheirProgram() {
        String program = fixtures.program();
        Session participant = fixtures.member(program, "Morning Lark", "participant");
        Session mentor = fixtures.member(program, "Grey Heron", "mentor");
        for (Session caller : new Session[] {participant, mentor}) {
            HttpResult refused = caller.http().post("/v1/venues", venue(program));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(ids(server.admin().http().get("/v1/venues?program_id=" + program))).isEmpty();
    }

    @Test
    void coordinatorOfAnotherProgramCannotCreateAVenueForThisProgram() {
        String program = fixtures.program();
        Session outsider = fixtures.member(fixtures.program(), "Sea Otter", "coordinator");
        HttpResult refused = outsider.http().post("/v1/venues", venue(program));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(refused.json().has("id")).isFalse();
        assertThat(ids(server.admin().http().get("/v1/venues?program_id=" + program))).isEmpty();
    }

    @Test
    void onlyAdminsCreateVenuesOfNoProgram() {
        Session coordinator = fixtures.member(fixtures.program(), "River Otter", "coordinator");
        HttpResult refused = coordinator.http().post("/v1/venues", venue(null, "{\"name\": \"Nobody's Meadow\"}"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(ids(server.admin().http().get("/v1/venues?q=" + VenueFixtures.encode("Nobody's Meadow")))).isEmpty();
    }

    @Test
    void creatingForAProgramThatDoesNotExistIsNotFound() {
        Session coordinator = fixtures.member(fixtures.program(), "Lone Pine", "coordinator");
        for (Session caller : new Session[] {coordinator, server.admin()}) {
            HttpResult refused = caller.http().post("/v1/venues", venue("prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W"));
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("not_found");
        }
        assertThat(ids(server.admin().http().get("/v1/venues?program_id=prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W"))).isEmpty();
    }

    @Test
    void coordinatorOfAnotherProgramCannotChangeOrDeleteThisProgramsVenue() {
        String program = fixtures.program();
        String id = fixtures.create(program, "{}");
        Session outsider = fixtures.member(fixtures.program(), "Mountain Ash", "coordinator");
        HttpResult before = server.http().get("/v1/venues/" + id);
        HttpResult patch = outsider.http().header("If-Match", before.header("ETag"))
            .patch("/v1/venues/" + id, "{\"name\": \"Taken Over\", \"status\": \"closed\"}");
        HttpResult delete = outsider.http().header("If-Match", before.header("ETag")).delete("/v1/venues/" + id);
        for (HttpResult refused : new HttpResult[] {patch, delete}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(refused.body()).doesNotContain("Harbor Room").doesNotContain("Harbor Way");
        }
        HttpResult after = server.http().get("/v1/venues/" + id);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before.body());
    }

    @Test
    void participantsAndMentorsCannotChangeOrDeleteTheirProgramsVenue() {
        String program = fixtures.program();
        String id = fixtures.create(program, "{}");
        String before = server.http().get("/v1/venues/" + id).body();
        for (String role : new String[] {"participant", "mentor"}) {
            Session member = fixtures.member(program, "Calm " + role, role);
            assertThat(member.http().patch("/v1/venues/" + id, "{\"capacity\": 1}").status()).isEqualTo(403);
            assertThat(member.http().delete("/v1/venues/" + id).status()).isEqualTo(403);
        }
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(before);
    }

    @Test
    void outsidersTryingToChangeAClosedVenueLearnNothingAboutIt() {
        String program = fixtures.program();
        String closed = fixtures.create(program, CLOSED);
        Session outsider = fixtures.member(fixtures.program(), "Hidden Fox", "coordinator");
        Session participant = fixtures.member(program, "Private Owl", "participant");
        for (Session caller : new Session[] {outsider, participant}) {
            HttpResult patch = caller.http().patch("/v1/venues/" + closed, "{\"status\": \"active\"}");
            HttpResult delete = caller.http().delete("/v1/venues/" + closed);
            for (HttpResult refused : new HttpResult[] {patch, delete}) {
                assertThat(refused.status()).isEqualTo(404);
                assertThat(refused.code()).isEqualTo("not_found");
                assertThat(refused.body()).doesNotContain("Hidden Willow");
            }
        }
        HttpResult still = server.admin().http().get("/v1/venues/" + closed);
        assertThat(still.text("/status")).isEqualTo("closed");
        assertThat(still.text("/name")).isEqualTo("Hidden Willow Room");
    }

    @Test
    void onlyAdminsChangeAVenueOfNoProgram() {
        HttpResult created = server.admin().http().post("/v1/venues", venue(null));
        String id = created.text("/id");
        Session coordinator = fixtures.member(fixtures.program(), "Tidy Wren", "coordinator");
        assertThat(coordinator.http().patch("/v1/venues/" + id, "{\"capacity\": 2}").status()).isEqualTo(403);
        assertThat(coordinator.http().delete("/v1/venues/" + id).status()).isEqualTo(403);
        assertThat(server.http().get("/v1/venues/" + id).json()).isEqualTo(created.json());
        assertThat(server.admin().http().patch("/v1/venues/" + id, "{\"capacity\": 2}").status()).isEqualTo(200);
    }

    @Test
    void coordinatorCannotMoveAVenueToAnotherProgramEvenOneTheyCoordinate() {
        String program = fixtures.program();
        String other = fixtures.program();
        Session coordinator = fixtures.member(program, "Bright Comet", "coordinator");
        fixtures.grant(other, coordinator, "coordinator");
        String id = fixtures.create(program, "{}");
        String before = server.http().get("/v1/venues/" + id).body();
        HttpResult moved = coordinator.http().patch("/v1/venues/" + id, "{\"program_id\": \"" + other + "\"}");
        HttpResult orphaned = coordinator.http().patch("/v1/venues/" + id, "{\"program_id\": null}");
        for (HttpResult refused : new HttpResult[] {moved, orphaned}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(before);
        assertThat(ids(server.admin().http().get("/v1/venues?program_id=" + other))).isEmpty();
    }

    @Test
    void adminMovesAVenueToAnotherProgramAndItsCoordinatorsTakeOver() {
        String program = fixtures.program();
        String other = fixtures.program();
        Session oldCoordinator = fixtures.member(program, "Old Lantern", "coordinator");
        Session newCoordinator = fixtures.member(other, "New Lantern", "coordinator");
        String id = fixtures.create(program, "{}");
        HttpResult moved = server.admin().http().patch("/v1/venues/" + id, "{\"program_id\": \"" + other + "\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.text("/program_id")).isEqualTo(other);
        assertThat(ids(server.http().get("/v1/venues?program_id=" + program))).isEmpty();
        assertThat(ids(server.http().get("/v1/venues?program_id=" + other))).containsExactly(id);
        assertThat(oldCoordinator.http().patch("/v1/venues/" + id, "{\"capacity\": 3}").status()).isEqualTo(403);
        assertThat(newCoordinator.http().patch("/v1/venues/" + id, "{\"capacity\": 4}").status()).isEqualTo(200);
    }

    @Test
    void adminCannotMoveAVenueToAProgramThatDoesNotExist() {
        String id = fixtures.create(fixtures.program(), "{}");
        String before = server.http().get("/v1/venues/" + id).body();
        HttpResult refused = server.admin().http().patch("/v1/venues/" + id,
            "{\"program_id\": \"prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W\"}");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(before);
    }

    @Test
    void coordinatorWhoseRoleIsRemovedCannotChangeTheVenueAnyMore() {
        String program = fixtures.program();
        Session coordinator = server.newUser("Fading Star");
        String membership = fixtures.grant(program, coordinator, "coordinator");
        String id = fixtures.create(program, "{}");
        String closed = fixtures.create(program, CLOSED);
        assertThat(coordinator.http().patch("/v1/venues/" + id, "{\"capacity\": 7}").status()).isEqualTo(200);
        assertThat(coordinator.http().get("/v1/venues/" + closed).status()).isEqualTo(200);
        HttpResult removed = server.admin().http().delete("/v1/programs/" + program + "/members/" + membership);
        assertThat(removed.status()).isEqualTo(204);
        String before = server.http().get("/v1/venues/" + id).body();
        assertThat(coordinator.http().patch("/v1/venues/" + id, "{\"capacity\": 8}").status()).isEqualTo(403);
        assertThat(coordinator.http().delete("/v1/venues/" + id).status()).isEqualTo(403);
        assertThat(coordinator.http().post("/v1/venues", venue(program)).status()).isEqualTo(403);
        assertThat(coordinator.http().get("/v1/venues/" + closed).status()).isEqualTo(404);
        assertThat(ids(coordinator.http().get("/v1/venues?program_id=" + program))).containsExactly(id);
        assertThat(server.http().get("/v1/venues/" + id).body()).isEqualTo(before);
    }
}
