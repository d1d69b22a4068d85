package org.kindred.api.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.groups.GroupFixtures.Setup;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class GroupMembershipTest {
    private static TestServer server;
    private static GroupFixtures fixtures;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        fixtures = new GroupFixtures(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A program, a facilitator (mentor) and a group they facilitate. */
    private record Circle(Setup setup, Session facilitator, JsonNode group) {
        String id() {
            return group.path("id").asText();
        }

        String members() {
            return "/v1/groups/" + id() + "/members";
        }
    }

    private static Circle circle(String overrides) {
        Setup setup = fixtures.program();
        Session facilitator = fixtures.person(setup.programId(), "Tall Pine", "mentor");
        String facilitated = "{\"facilitator_ids\": [\"" + facilitator.userId() + "\"]}";
        JsonNode group = fixtures.group(setup, facilitated);
        if (!overrides.equals("{}")) {
            HttpResult patched = setup.coordinator().http().patch("/v1/groups/" + group.path("id").asText(), overrides);
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            group = patched.json();
        }
        return new Circle(setup, facilitator, group);
    }

    private static HttpResult join(Session person, Circle circle) {
        return person.http().send("POST", circle.members(), (String) null, null);
    }

    /** "user_id status" of every membership, as the coordinator sees them. */
    private static List<String> roster(Circle circle) {
        HttpResult list = circle.setup().coordinator().http().get(circle.members() + "?limit=100");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> roster = new ArrayList<>();
        list.json().path("data").forEach(m -> roster.add(m.path("user_id").asText() + " " + m.path("status").asText()));
        return roster;
    }

    @Test
    void joiningAnOpenGroupMakesYouAMember() {
        Circle circle = circle("{}");
        Session person = fixtures.person(circle.setup().programId(), "Green Fern", "participant");

        HttpResult joined = join(person, circle);

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.text("/status")).isEqualTo("active");
        assertThat(joined.text("/user_id")).isEqualTo(person.userId());
        assertThat(joined.text("/display_name")).isEqualTo("Green Fern");
        assertThat(joined.text("/group_id")).isEqualTo(circle.id());
        assertThat(joined.header("Location")).endsWith(circle.members() + "/" + joined.text("/id"));
        assertThat(person.http().get("/v1/groups/" + circle.id()).text("/conference_url"))
            .isEqualTo(circle.group().path("conference_url").asText());
        assertThat(roster(circle)).containsExactly(person.userId() + " active");
    }

    @Test
    void mentorsMayJoinButCoordinatorsManageWithoutJoining() {
        Circle circle = circle("{}");
        Session mentor = fixtures.person(circle.setup().programId(), "Far Hill", "mentor");

        assertThat(join(mentor, circle).status()).isEqualTo(201);
        HttpResult coordinator = join(circle.setup().coordinator(), circle);
        assertThat(coordinator.status()).as(coordinator.toString()).isEqualTo(403);
        assertThat(roster(circle)).containsExactly(mentor.userId() + " active");
    }

    @Test
    void joiningTwiceIsAConflict() {
        Circle circle = circle("{}");
        Session person = fixtures.member(circle.setup().programId(), circle.id(), "Green Fern");

        HttpResult again = join(person, circle);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("already_member");
        assertThat(roster(circle)).containsExactly(person.userId() + " active");
    }

    @Test
    void anApprovalGroupMakesYouPendingUntilAFacilitatorApproves() {
        Circle circle = circle("{\"membership_policy\": \"approval\"}");
        Session person = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        String url = circle.group().path("conference_url").asText();

        HttpResult asked = join(person, circle);

        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.text("/status")).isEqualTo("pending");
        assertThat(person.http().get("/v1/groups/" + circle.id()).body()).doesNotContain(url);
        assertThat(person.http().get(circle.members()).status()).isEqualTo(403);

        HttpResult approved = circle.facilitator().http().send("POST",
            circle.members() + "/" + asked.text("/id") + "/approve", (String) null, null);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("/status")).isEqualTo("active");
        assertThat(person.http().get("/v1/groups/" + circle.id()).text("/conference_url")).isEqualTo(url);
        assertThat(roster(circle)).containsExactly(person.userId() + " active");
    }

    @Test
    void coordinatorsApproveToo() {
        Circle circle = circle("{\"membership_policy\": \"approval\"}");
        Session person = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        String memberId = join(person, circle).text("/id");

        HttpResult approved = circle.setup().coordinator().http().send("POST",
            circle.members() + "/" + memberId + "/approve", (String) null, null);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("/status")).isEqualTo("active");
    }

    @Test
    void membersAndOutsidersCannotApprove() {
        Circle circle = circle("{\"membership_policy\": \"approval\"}");
        Session person = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        String memberId = join(person, circle).text("/id");
        Session member = fixtures.person(circle.setup().programId(), "Red Kite", "participant");
        String other = join(member, circle).text("/id");
        circle.facilitator().http().send("POST", circle.members() + "/" + other + "/approve", (String) null, null);
        String approve = circle.members() + "/" + memberId + "/approve";

        for (Session caller : List.of(person, member, fixtures.person(circle.setup().programId(), "Far Hill", "mentor"))) {
            HttpResult refused = caller.http().send("POST", approve, (String) null, null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(server.http().send("POST", approve, (String) null, null).status()).isEqualTo(401);
        assertThat(roster(circle)).containsExactlyInAnyOrder(person.userId() + " pending", member.userId() + " active");
    }

    @Test
    void approvingAnActiveMemberIsAConflict() {
        Circle circle = circle("{}");
        Session person = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        String memberId = join(person, circle).text("/id");

        HttpResult again = circle.facilitator().http().send("POST", circle.members() + "/" + memberId + "/approve",
            (String) null, null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("invalid_transition");
        HttpResult missing = circle.facilitator().http().send("POST", circle.members() + "/gmb_01JD4Z8Q6K2V9X1M3N5P7R9T0W/approve",
            (String) null, null);
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void aClosedGroupTakesNoNewMembers() {
        Circle circle = circle("{\"membership_policy\": \"closed\"}");
        Session person = fixtures.person(circle.setup().programId(), "Green Fern", "participant");

        HttpResult refused = join(person, circle);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(roster(circle)).isEmpty();
    }

    @Test
    void aPausedGroupTakesNoNewMembers() {
        Circle circle = circle("{\"status\": \"paused\"}");
        Session person = fixtures.person(circle.setup().programId(), "Green Fern", "participant");

        HttpResult refused = join(person, circle);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("conflict");
        assertThat(roster(circle)).isEmpty();
    }

    @Test
    void someoneWithNoRoleInTheProgramCannotJoin() {
        Circle circle = circle("{}");
        Session stranger = server.newUser("Curious Wren");
        Session elsewhere = fixtures.person(fixtures.program().programId(), "Red Kite", "participant");

        for (Session outsider : List.of(stranger, elsewhere)) {
            HttpResult refused = join(outsider, circle);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(server.http().send("POST", circle.members(), (String) null, null).status()).isEqualTo(401);
        assertThat(roster(circle)).isEmpty();
    }

    @Test
    void nobodyJoinsAGroupTheyCannotSee() {
        Setup draft = fixtures.draftProgram();
        String id = fixtures.groupId(draft, "{}");
        Session stranger = server.newUser("Curious Wren");

        HttpResult refused = stranger.http().send("POST", "/v1/groups/" + id + "/members", (String) null, null);

        assertThat(refused.status()).isEqualTo(404);
    }

    @Test
    void leavingHonoursIfMatch() {
        Circle circle = circle("{}");
        Session person = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        String member = circle.members() + "/" + join(person, circle).text("/id");
        String etag = person.http().get(member).header("ETag");

        HttpResult stale = person.http().header("If-Match", "\"stale\"").delete(member);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(person.http().get(member).status()).isEqualTo(200);
        assertThat(person.http().header("If-Match", etag).delete(member).status()).isEqualTo(204);
    }

    @Test
    void aMemberLeaves() {
        Circle circle = circle("{}");
        Session person = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        String memberId = join(person, circle).text("/id");

        HttpResult left = person.http().delete(circle.members() + "/" + memberId);

        assertThat(left.status()).isEqualTo(204);
        assertThat(person.http().get(circle.members() + "/" + memberId).status()).isEqualTo(404);
        assertThat(roster(circle)).isEmpty();
        assertThat(person.http().get("/v1/groups/" + circle.id()).body())
            .doesNotContain(circle.group().path("conference_url").asText());
        assertThat(join(person, circle).status()).isEqualTo(201);
    }

    @Test
    void facilitatorsAndCoordinatorsRemoveMembers() {
        Circle circle = circle("{}");
        Session first = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        Session second = fixtures.person(circle.setup().programId(), "Red Kite", "participant");
        String firstId = join(first, circle).text("/id");
        String secondId = join(second, circle).text("/id");

        assertThat(circle.facilitator().http().delete(circle.members() + "/" + firstId).status()).isEqualTo(204);
        assertThat(circle.setup().coordinator().http().delete(circle.members() + "/" + secondId).status()).isEqualTo(204);

        assertThat(roster(circle)).isEmpty();
    }

    @Test
    void aMemberCannotRemoveSomeoneElse() {
        Circle circle = circle("{}");
        Session member = fixtures.member(circle.setup().programId(), circle.id(), "Green Fern");
        Session other = fixtures.person(circle.setup().programId(), "Red Kite", "participant");
        String otherId = join(other, circle).text("/id");
        Session stranger = server.newUser("Curious Wren");

        for (Session caller : List.of(member, stranger)) {
            HttpResult refused = caller.http().delete(circle.members() + "/" + otherId);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(other.userId()).doesNotContain("Red Kite");
        }
        assertThat(server.http().delete(circle.members() + "/" + otherId).status()).isEqualTo(401);
        assertThat(roster(circle)).containsExactlyInAnyOrder(member.userId() + " active", other.userId() + " active");
    }

    @Test
    void facilitatorsAndCoordinatorsSeeEveryoneWithUserIdsAndStatus() {
        Circle circle = circle("{\"membership_policy\": \"approval\"}");
        Session active = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        String activeId = join(active, circle).text("/id");
        circle.facilitator().http().send("POST", circle.members() + "/" + activeId + "/approve", (String) null, null);
        Session pending = fixtures.person(circle.setup().programId(), "Waiting Lark", "participant");
        join(pending, circle);

        for (Session viewer : List.of(circle.facilitator(), circle.setup().coordinator(), server.admin())) {
            HttpResult list = viewer.http().get(circle.members() + "?limit=100");
            assertThat(list.status()).isEqualTo(200);
            List<String> seen = new ArrayList<>();
            list.json().path("data").forEach(m -> seen.add(m.path("user_id").asText() + " " + m.path("display_name").asText()
                + " " + m.path("status").asText()));
            assertThat(seen).containsExactlyInAnyOrder(active.userId() + " Green Fern active",
                pending.userId() + " Waiting Lark pending");
            HttpResult pendingOnly = viewer.http().get(circle.members() + "?status=pending");
            assertThat(pendingOnly.json().path("data")).hasSize(1);
            assertThat(pendingOnly.text("/data/0/user_id")).isEqualTo(pending.userId());
        }
    }

    @Test
    void membersSeeOtherActiveMembersByDisplayNameOnly() {
        Circle circle = circle("{\"membership_policy\": \"approval\"}");
        Session member = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        Session other = fixtures.person(circle.setup().programId(), "Red Kite", "participant");
        Session pending = fixtures.person(circle.setup().programId(), "Waiting Lark", "participant");
        for (Session person : List.of(member, other)) {
            String id = join(person, circle).text("/id");
            circle.facilitator().http().send("POST", circle.members() + "/" + id + "/approve", (String) null, null);
        }
        join(pending, circle);

        HttpResult pendingOnly = member.http().get(circle.members() + "?status=pending");
        assertThat(pendingOnly.status()).isEqualTo(403);
        assertThat(pendingOnly.body()).doesNotContain(pending.userId()).doesNotContain("Waiting Lark");
        for (String query : List.of("", "?status=active")) {
            HttpResult list = member.http().get(circle.members() + query);
            assertThat(list.status()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            list.json().path("data").forEach(m -> {
                assertThat(m.path("user_id").isNull()).isTrue();
                assertThat(m.path("status").asText()).isEqualTo("active");
                names.add(m.path("display_name").asText());
            });
            assertThat(names).containsExactlyInAnyOrder("Green Fern", "Red Kite");
            assertThat(list.body()).doesNotContain(other.userId()).doesNotContain(member.userId())
                .doesNotContain(pending.userId()).doesNotContain("Waiting Lark").doesNotContain("@test.kindred.dev");
        }
    }

    @Test
    void outsidersCannotListMembers() {
        Circle circle = circle("{}");
        Session member = fixtures.member(circle.setup().programId(), circle.id(), "Green Fern");
        Session participant = fixtures.person(circle.setup().programId(), "Red Kite", "participant");
        Session mentor = fixtures.person(circle.setup().programId(), "Far Hill", "mentor");

        for (Session outsider : List.of(participant, mentor, server.newUser("Curious Wren"))) {
            HttpResult refused = outsider.http().get(circle.members());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(refused.body()).doesNotContain("Green Fern").doesNotContain(member.userId());
        }
        HttpResult anonymous = server.http().get(circle.members());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Green Fern");
    }

    @Test
    void aMemberReadsTheirOwnMembershipAndFacilitatorsReadAnyone() {
        Circle circle = circle("{}");
        Session member = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        String memberId = join(member, circle).text("/id");
        Session other = fixtures.member(circle.setup().programId(), circle.id(), "Red Kite");
        String path = circle.members() + "/" + memberId;

        HttpResult own = member.http().get(path);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("/user_id")).isEqualTo(member.userId());
        assertThat(own.header("ETag")).isNotBlank();
        assertThat(member.http().header("If-None-Match", own.header("ETag")).get(path).status()).isEqualTo(304);
        assertThat(circle.facilitator().http().get(path).text("/user_id")).isEqualTo(member.userId());
        assertThat(circle.setup().coordinator().http().get(path).status()).isEqualTo(200);

        for (Session outsider : List.of(other, server.newUser("Curious Wren"))) {
            HttpResult hidden = outsider.http().get(path);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain(member.userId()).doesNotContain("Green Fern");
        }
        assertThat(server.http().get(path).status()).isEqualTo(401);
    }

    @Test
    void aMembershipIsOnlyFoundThroughItsOwnGroup() {
        Circle circle = circle("{}");
        Circle otherCircle = circle("{}");
        Session member = fixtures.person(circle.setup().programId(), "Green Fern", "participant");
        String memberId = join(member, circle).text("/id");

        HttpResult wrongGroup = otherCircle.setup().coordinator().http().get(otherCircle.members() + "/" + memberId);
        HttpResult removal = otherCircle.setup().coordinator().http().delete(otherCircle.members() + "/" + memberId);

        assertThat(wrongGroup.status()).isEqualTo(404);
        assertThat(removal.status()).isEqualTo(404);
        assertThat(roster(circle)).containsExactly(member.userId() + " active");
    }
}
