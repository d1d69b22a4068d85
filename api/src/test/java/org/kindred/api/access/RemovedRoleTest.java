package org.kindred.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * Facilitators must hold the mentor role in the group's program, and removing a role takes effect at once:
 * a mentor whose role is taken away stops facilitating the program's groups in the same moment, a participant
 * removed from the program leaves its groups, and a coordinator whose role ends stops reading its alerts.
 */
class RemovedRoleTest {
    private static final String NOTE = "Made it through the first week";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMentorWhoLosesTheRoleStopsFacilitatingItsGroupsAtOnce() {
        GroupFixtures groups = new GroupFixtures(server);
        GroupFixtures.Setup program = groups.program();
        Session facilitator = server.newUser("Open Meadow");
        String role = ProgramFixtures.grant(server, program.programId(), facilitator, "mentor");
        JsonNode group = groups.group(program, json(fields("facilitator_ids", List.of(facilitator.userId()))));
        String groupId = group.path("id").asText();
        Session member = groups.member(program.programId(), groupId, "Blue Heron");
        String checkin = CheckinFixtures.checkinId(member, program.programId(), "visibility", "group", "group_id", groupId,
            "note", NOTE);
        String session = GroupFixtures.comingSessions(program.coordinator().http(), groupId).get(0).path("id").asText();
        assertThat(facilitator.http().get("/v1/checkins/" + checkin).status()).isEqualTo(200);

        HttpResult removed = program.coordinator().http().delete("/v1/programs/" + program.programId() + "/members/" + role);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);

        assertThat(facilitator.http().get("/v1/checkins/" + checkin).status()).isEqualTo(404);
        HttpResult seen = facilitator.http().get("/v1/groups/" + groupId);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).doesNotContain(group.path("conference_url").asText());
        assertThat(facilitator.http().get("/v1/groups/" + groupId + "/members").status()).isEqualTo(403);
        assertThat(facilitator.http().patch("/v1/sessions/" + session, json(fields("note", "Cancelled, sorry"))).status())
            .isEqualTo(403);
        assertThat(facilitator.http().get("/v1/groups/" + groupId + "/calendar.ics").body())
            .doesNotContain(group.path("conference_url").asText());
        JsonNode now = ProgramFixtures.read(program.coordinator(), "/v1/groups/" + groupId);
        assertThat(now.path("facilitator_ids")).isEmpty();
        assertThat(now.path("updated_at").asText()).as("a sync by updated_since sees the change")
            .isGreaterThan(group.path("updated_at").asText());
        HttpResult edited = program.coordinator().http().patch("/v1/groups/" + groupId,
            json(fields("description", "An hour of peer support")));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    }

    @Test
    void aParticipantRemovedFromTheProgramLosesItsGroupsAtOnce() {
        GroupFixtures groups = new GroupFixtures(server);
        GroupFixtures.Setup program = groups.program();
        JsonNode group = groups.group(program, "{}");
        String groupId = group.path("id").asText();
        Session author = groups.member(program.programId(), groupId, "Green Fern");
        Session removed = server.newUser("Evening Wren");
        String role = ProgramFixtures.grant(server, program.programId(), removed, "participant");
        GroupFixtures.join(removed, groupId);
        String checkin = CheckinFixtures.checkinId(author, program.programId(), "visibility", "group", "group_id", groupId,
            "note", NOTE);
        assertThat(removed.http().get("/v1/checkins/" + checkin).status()).isEqualTo(200);

        HttpResult gone = program.coordinator().http().delete("/v1/programs/" + program.programId() + "/members/" + role);
        assertThat(gone.status()).as(gone.toString()).isEqualTo(204);

        assertThat(removed.http().get("/v1/checkins/" + checkin).status()).isEqualTo(404);
        assertThat(removed.http().get("/v1/groups/" + groupId).body()).doesNotContain(group.path("conference_url").asText());
    }

    @Test
    void aCoordinatorWhoseRoleIsRemovedNoLongerSeesTheProgramsAlerts() {
        GroupFixtures groups = new GroupFixtures(server);
        GroupFixtures.Setup program = groups.program();
        Session former = server.newUser("Still Pond");
        String role = ProgramFixtures.grant(server, program.programId(), former, "coordinator");
        Session participant = groups.person(program.programId(), "Green Fern", "participant");
        CheckinFixtures.checkin(participant, CheckinFixtures.body(program.programId(), "in_crisis", true, "mood", 1));
        assertThat(ProgramFixtures.read(former, "/v1/alerts").path("data")).hasSize(1);

        HttpResult gone = program.coordinator().http().delete("/v1/programs/" + program.programId() + "/members/" + role);
        assertThat(gone.status()).as(gone.toString()).isEqualTo(204);

        assertThat(ProgramFixtures.read(former, "/v1/alerts").path("data")).isEmpty();
    }
}
