package org.kindred.api.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.programs.ProgramFixtures.fieldErrors;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.grant;
import static org.kindred.api.programs.ProgramFixtures.json;
import static org.kindred.api.programs.ProgramFixtures.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class MembersTest {

    private static TestServer server;
    private static Session admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Staffed(String id, Session coordinator) {
        String path(String rest) {
            return "/v1/programs/" + id + rest;
        }
    }

    private static Staffed program(String enrollment) {
        String id = ProgramFixtures.active(server, enrollment);
        Session coordinator = server.newUser("Steady Oak");
        grant(server, id, coordinator, "coordinator");
        return new Staffed(id, coordinator);
    }

    private static JsonNode enroll(Session person, Staffed program) {
        HttpResult enrolled = person.http().post(program.path("/enrollments"), null);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return enrolled.json();
    }

    private static List<String> userIds(HttpResult list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("data").forEach(member -> ids.add(member.path("user_id").asText()));
        return ids;
    }

    private static JsonNode memberships(Session person) {
        return read(person, "/v1/me").path("memberships");
    }

    @Test
    void anAdminAddsACoordinatorWhoAddsAMentor() {
        String programId = ProgramFixtures.active(server, "invite_only");
        Session coordinator = server.newUser("Steady Oak");
        Session mentor = server.newUser("Bright Fern");

        HttpResult coordinatorAdded = admin.http().post("/v1/programs/" + programId + "/members",
            json(fields("user_id", coordinator.userId(), "role", "coordinator")));
        HttpResult mentorAdded = coordinator.http().post("/v1/programs/" + programId + "/members",
            json(fields("user_id", mentor.userId(), "role", "mentor")));

        assertThat(coordinatorAdded.status()).isEqualTo(201);
        assertThat(coordinatorAdded.text("/role")).isEqualTo("coordinator");
        assertThat(coordinatorAdded.json().path("enrollment_status").isNull()).isTrue();
        assertThat(mentorAdded.status()).isEqualTo(201);
        assertThat(mentorAdded.text("/role")).isEqualTo("mentor");
        assertThat(mentorAdded.header("Location"))
            .isEqualTo("/v1/programs/" + programId + "/members/" + mentorAdded.text("/id"));
        assertThat(userIds(coordinator.http().get("/v1/programs/" + programId + "/members?role=mentor")))
            .containsExactly(mentor.userId());
    }

    @Test
    void aCoordinatorAddsAParticipant() {
        Staffed program = program("invite_only");
        Session person = server.newUser("Quiet River");

        HttpResult added = program.coordinator().http().post(program.path("/members"),
            json(fields("user_id", person.userId(), "role", "participant")));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo(program.path("/members/" + added.text("/id")));
        assertThat(added.text("/role")).isEqualTo("participant");
        assertThat(added.text("/enrollment_status")).isEqualTo("enrolled");
        assertThat(added.text("/user_id")).isEqualTo(person.userId());
        assertThat(userIds(program.coordinator().http().get(program.path("/participants"))))
            .containsExactly(person.userId());
    }

    @Test
    void holdingTheSameRoleTwiceIsAConflict() {
        Staffed program = program("invite_only");
        Session person = server.newUser("Quiet River");
        String body = json(fields("user_id", person.userId(), "role", "participant"));
        assertThat(program.coordinator().http().post(program.path("/members"), body).status()).isEqualTo(201);

        HttpResult again = program.coordinator().http().post(program.path("/members"), body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("already_member");
        assertThat(userIds(program.coordinator().http().get(program.path("/participants"))))
            .containsExactly(person.userId());
    }

    @Test
    void anUnknownUserCannotBeAdded() {
        Staffed program = program("invite_only");

        HttpResult refused = program.coordinator().http().post(program.path("/members"),
            json(fields("user_id", "usr_01JD4Z8Q6K2V9X1M3N5P7R9T0W", "role", "participant")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unprocessable");
        assertThat(userIds(program.coordinator().http().get(program.path("/participants")))).isEmpty();
    }

    @Test
    void addingAMemberNeedsAUserAndAKnownRole() {
        Staffed program = program("invite_only");

        assertThat(fieldErrors(program.coordinator().http().post(program.path("/members"),
            json(fields("role", "participant"))))).containsExactly("user_id required");
        assertThat(fieldErrors(program.coordinator().http().post(program.path("/members"),
            json(fields("user_id", program.coordinator().userId(), "role", "admin"))))).containsExactly("role invalid_value");
    }

    @Test
    void participantsMentorsAndAnonymousCallersCannotAddMembers() {
        Staffed program = program("open");
        Session participant = server.newUser("Quiet River");
        enroll(participant, program);
        Session mentor = server.newUser("Bright Fern");
        grant(server, program.id(), mentor, "mentor");
        Session outsider = server.newUser("Blue Heron");
        String body = json(fields("user_id", outsider.userId(), "role", "coordinator"));

        HttpResult byParticipant = participant.http().post(program.path("/members"), body);
        HttpResult byMentor = mentor.http().post(program.path("/members"), body);
        HttpResult anonymous = server.http().post(program.path("/members"), body);

        assertThat(byParticipant.status()).isEqualTo(403);
        assertThat(byParticipant.code()).isEqualTo("forbidden");
        assertThat(byMentor.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(memberships(outsider)).isEmpty();
    }

    @Test
    void enrollingInAnOpenProgramMakesYouAnEnrolledParticipant() {
        Staffed program = program("open");
        Session person = server.newUser("Quiet River");

        HttpResult enrolled = person.http().post(program.path("/enrollments"), null);

        assertThat(enrolled.status()).isEqualTo(201);
        JsonNode member = enrolled.json();
        assertThat(enrolled.header("Location")).isEqualTo(program.path("/members/" + member.path("id").asText()));
        assertThat(member.path("id").asText()).startsWith("mem_");
        assertThat(member.path("program_id").asText()).isEqualTo(program.id());
        assertThat(member.path("user_id").asText()).isEqualTo(person.userId());
        assertThat(member.path("display_name").asText()).isEqualTo("Quiet River");
        assertThat(member.path("email").asText()).isEqualTo(person.email());
        assertThat(member.path("role").asText()).isEqualTo("participant");
        assertThat(member.path("enrollment_status").asText()).isEqualTo("enrolled");
        assertThat(read(person, enrolled.header("Location"))).isEqualTo(member);
    }

    @Test
    void anInviteOnlyProgramEnrollsNobodyByThemself() {
        Staffed program = program("invite_only");
        Session person = server.newUser("Quiet River");

        HttpResult refused = person.http().post(program.path("/enrollments"), null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("enrollment_closed");
        assertThat(memberships(person)).isEmpty();
    }

    @Test
    void aDraftProgramDoesNotExistForEnrollment() {
        Session person = server.newUser("Quiet River");
        String draft = ProgramFixtures.create(server, ProgramFixtures.program("Open Draft")).path("id").asText();
        HttpResult opened = admin.http().patch("/v1/programs/" + draft, json(fields("enrollment", "open")));
        assertThat(opened.status()).isEqualTo(200);

        HttpResult refused = person.http().post("/v1/programs/" + draft + "/enrollments", null);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("not_found");
        assertThat(memberships(person)).isEmpty();
    }

    @Test
    void enrollingTwiceIsAConflict() {
        Staffed program = program("open");
        Session person = server.newUser("Quiet River");
        enroll(person, program);

        HttpResult again = person.http().post(program.path("/enrollments"), null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("already_member");
        assertThat(memberships(person)).hasSize(1);
    }

    @Test
    void anonymousCallersCannotEnroll() {
        Staffed program = program("open");

        HttpResult refused = server.http().post(program.path("/enrollments"), null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aCoordinatorSeesMembersWithTheirEmails() {
        Staffed program = program("open");
        Session first = server.newUser("Quiet River");
        Session second = server.newUser("Blue Heron");
        enroll(first, program);
        enroll(second, program);

        HttpResult list = program.coordinator().http().get(program.path("/members?role=participant"));

        assertThat(userIds(list)).containsExactly(first.userId(), second.userId());
        assertThat(list.json().path("data").get(0).path("email").asText()).isEqualTo(first.email());
        assertThat(list.json().path("data").get(1).path("email").asText()).isEqualTo(second.email());
    }

    @Test
    void aCoordinatorSeesEveryRoleInTheMemberList() {
        Staffed program = program("open");
        Session mentor = server.newUser("Bright Fern");
        grant(server, program.id(), mentor, "mentor");
        Session participant = server.newUser("Quiet River");
        enroll(participant, program);

        HttpResult list = program.coordinator().http().get(program.path("/members"));

        assertThat(userIds(list)).containsExactly(program.coordinator().userId(), mentor.userId(), participant.userId());
    }

    @Test
    void mentorsAndParticipantsCannotListMembers() {
        Staffed program = program("open");
        Session mentor = server.newUser("Bright Fern");
        grant(server, program.id(), mentor, "mentor");
        Session participant = server.newUser("Quiet River");
        enroll(participant, program);

        for (Session caller : List.of(mentor, participant)) {
            HttpResult refused = caller.http().get(program.path("/members"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(refused.body()).doesNotContain(participant.email()).doesNotContain(program.coordinator().email());
        }
    }

    @Test
    void mentorsSeeParticipantsByDisplayNameOnly() {
        Staffed program = program("open");
        Session mentor = server.newUser("Bright Fern");
        grant(server, program.id(), mentor, "mentor");
        Session participant = server.newUser("Quiet River");
        enroll(participant, program);

        HttpResult list = mentor.http().get(program.path("/participants"));

        assertThat(userIds(list)).containsExactly(participant.userId());
        JsonNode seen = list.json().path("data").get(0);
        assertThat(seen.path("display_name").asText()).isEqualTo("Quiet River");
        assertThat(seen.path("email").isNull()).isTrue();
        assertThat(list.body()).doesNotContain(participant.email());
    }

    @Test
    void coordinatorsSeeParticipantsWithTheirEmails() {
        Staffed program = program("open");
        grant(server, program.id(), server.newUser("Bright Fern"), "mentor");
        Session participant = server.newUser("Quiet River");
        enroll(participant, program);

        HttpResult list = program.coordinator().http().get(program.path("/participants"));

        assertThat(userIds(list)).containsExactly(participant.userId());
        assertThat(list.json().path("data").get(0).path("email").asText()).isEqualTo(participant.email());
    }

    @Test
    void participantsAndAnonymousCallersCannotListParticipants() {
        Staffed program = program("open");
        Session participant = server.newUser("Quiet River");
        Session other = server.newUser("Blue Heron");
        enroll(participant, program);
        enroll(other, program);

        HttpResult byParticipant = participant.http().get(program.path("/participants"));
        HttpResult anonymous = server.http().get(program.path("/participants"));

        assertThat(byParticipant.status()).isEqualTo(403);
        assertThat(byParticipant.code()).isEqualTo("forbidden");
        assertThat(byParticipant.body()).doesNotContain(other.userId()).doesNotContain("Blue Heron");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain(other.userId());
    }

    @Test
    void aParticipantReadsTheirOwnMembershipWithTheirEmail() {
        Staffed program = program("open");
        Session participant = server.newUser("Quiet River");
        String id = enroll(participant, program).path("id").asText();

        JsonNode own = read(participant, program.path("/members/" + id));

        assertThat(own.path("user_id").asText()).isEqualTo(participant.userId());
        assertThat(own.path("email").asText()).isEqualTo(participant.email());
    }

    @Test
    void anotherParticipantsMembershipDoesNotExistForAParticipantOrAMentor() {
        Staffed program = program("open");
        Session participant = server.newUser("Quiet River");
        Session other = server.newUser("Blue Heron");
        enroll(participant, program);
        String othersId = enroll(other, program).path("id").asText();
        Session mentor = server.newUser("Bright Fern");
        grant(server, program.id(), mentor, "mentor");

        for (Session caller : List.of(participant, mentor)) {
            HttpResult hidden = caller.http().get(program.path("/members/" + othersId));
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.code()).isEqualTo("not_found");
            assertThat(hidden.body()).doesNotContain(other.email()).doesNotContain("Blue Heron");
        }
        assertThat(read(program.coordinator(), program.path("/members/" + othersId)).path("email").asText())
            .isEqualTo(other.email());
    }

    @Test
    void enrollmentMovesEnrolledToCompletedToAlumni() {
        Staffed program = program("open");
        String path = program.path("/members/" + enroll(server.newUser("Quiet River"), program).path("id").asText());

        HttpResult completed = program.coordinator().http().patch(path, json(fields("enrollment_status", "completed")));
        HttpResult alumni = program.coordinator().http().patch(path, json(fields("enrollment_status", "alumni")));

        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("/enrollment_status")).isEqualTo("completed");
        assertThat(alumni.status()).isEqualTo(200);
        assertThat(alumni.text("/enrollment_status")).isEqualTo("alumni");
        assertThat(read(program.coordinator(), path).path("enrollment_status").asText()).isEqualTo("alumni");
    }

    @Test
    void alumniCannotGoBackToEnrolled() {
        Staffed program = program("open");
        String path = program.path("/members/" + enroll(server.newUser("Quiet River"), program).path("id").asText());
        program.coordinator().http().patch(path, json(fields("enrollment_status", "completed")));
        JsonNode alumni = program.coordinator().http().patch(path, json(fields("enrollment_status", "alumni"))).json();

        HttpResult refused = program.coordinator().http().patch(path, json(fields("enrollment_status", "enrolled")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("invalid_transition");
        assertThat(read(program.coordinator(), path)).isEqualTo(alumni);
    }

    @Test
    void enrollmentCannotSkipCompleted() {
        Staffed program = program("open");
        String path = program.path("/members/" + enroll(server.newUser("Quiet River"), program).path("id").asText());
        JsonNode before = read(program.coordinator(), path);

        HttpResult refused = program.coordinator().http().patch(path, json(fields("enrollment_status", "alumni")));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("invalid_transition");
        assertThat(read(program.coordinator(), path)).isEqualTo(before);
    }

    @Test
    void aMentorMembershipHasNoEnrollmentStatus() {
        Staffed program = program("open");
        String mentorship = grant(server, program.id(), server.newUser("Bright Fern"), "mentor");

        HttpResult refused = program.coordinator().http().patch(program.path("/members/" + mentorship),
            json(fields("enrollment_status", "completed")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("unprocessable");
    }

    @Test
    void participantsAndMentorsCannotChangeAnEnrollment() {
        Staffed program = program("open");
        Session participant = server.newUser("Quiet River");
        String path = program.path("/members/" + enroll(participant, program).path("id").asText());
        Session mentor = server.newUser("Bright Fern");
        grant(server, program.id(), mentor, "mentor");

        for (Session caller : List.of(participant, mentor)) {
            HttpResult refused = caller.http().patch(path, json(fields("enrollment_status", "completed")));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(read(participant, path).path("enrollment_status").asText()).isEqualTo("enrolled");
    }

    @Test
    void aParticipantLeavesTheProgram() {
        Staffed program = program("open");
        Session participant = server.newUser("Quiet River");
        String path = program.path("/members/" + enroll(participant, program).path("id").asText());

        HttpResult left = participant.http().delete(path);

        assertThat(left.status()).isEqualTo(204);
        assertThat(memberships(participant)).isEmpty();
        assertThat(participant.http().get(path).status()).isEqualTo(404);
        assertThat(userIds(program.coordinator().http().get(program.path("/participants")))).isEmpty();
    }

    @Test
    void aParticipantLeavesAProgramThatWasArchived() {
        Staffed program = program("open");
        Session participant = server.newUser("Quiet River");
        String path = program.path("/members/" + enroll(participant, program).path("id").asText());
        assertThat(server.admin().http().patch(program.path(""), "{\"status\": \"archived\"}").status())
            .isEqualTo(200);
        assertThat(participant.http().get(program.path("")).status()).isEqualTo(404);

        assertThat(participant.http().get(path).status()).isEqualTo(200);
        HttpResult left = participant.http().delete(path);

        assertThat(left.status()).isEqualTo(204);
        assertThat(memberships(participant)).isEmpty();
    }

    @Test
    void aCoordinatorRemovesAParticipant() {
        Staffed program = program("open");
        Session participant = server.newUser("Quiet River");
        Session stays = server.newUser("Blue Heron");
        String path = program.path("/members/" + enroll(participant, program).path("id").asText());
        enroll(stays, program);

        HttpResult removed = program.coordinator().http().delete(path);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(userIds(program.coordinator().http().get(program.path("/participants"))))
            .containsExactly(stays.userId());
        assertThat(memberships(participant)).isEmpty();
    }

    @Test
    void aParticipantCannotRemoveSomeoneElse() {
        Staffed program = program("open");
        Session participant = server.newUser("Quiet River");
        Session other = server.newUser("Blue Heron");
        enroll(participant, program);
        String othersPath = program.path("/members/" + enroll(other, program).path("id").asText());

        HttpResult refused = participant.http().delete(othersPath);
        HttpResult anonymous = server.http().delete(othersPath);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("not_found");
        assertThat(refused.body()).doesNotContain(other.email());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(userIds(program.coordinator().http().get(program.path("/participants"))))
            .containsExactly(participant.userId(), other.userId());
    }

    @Test
    void aCoordinatorOfAnotherProgramCannotSeeOrTouchItsMembers() {
        Staffed programA = program("open");
        Staffed programB = program("open");
        Session participant = server.newUser("Quiet River");
        String path = programA.path("/members/" + enroll(participant, programA).path("id").asText());
        Session outsider = programB.coordinator();

        HttpResult members = outsider.http().get(programA.path("/members"));
        HttpResult participants = outsider.http().get(programA.path("/participants"));
        HttpResult one = outsider.http().get(path);
        HttpResult patch = outsider.http().patch(path, json(fields("enrollment_status", "completed")));
        HttpResult delete = outsider.http().delete(path);
        HttpResult add = outsider.http().post(programA.path("/members"),
            json(fields("user_id", outsider.userId(), "role", "coordinator")));

        assertThat(members.status()).isEqualTo(403);
        assertThat(participants.status()).isEqualTo(403);
        assertThat(one.status()).isEqualTo(404);
        assertThat(patch.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(add.status()).isEqualTo(403);
        for (HttpResult refused : List.of(members, participants, one, patch, delete, add)) {
            assertThat(refused.body()).doesNotContain(participant.email()).doesNotContain(participant.userId());
        }
        assertThat(read(participant, path).path("enrollment_status").asText()).isEqualTo("enrolled");
    }

    @Test
    void meListsTheCallersMemberships() {
        Staffed programA = program("open");
        Staffed programB = program("open");
        Session person = server.newUser("Quiet River");
        String inA = enroll(person, programA).path("id").asText();
        String inB = enroll(person, programB).path("id").asText();
        enroll(server.newUser("Blue Heron"), programA);

        JsonNode memberships = memberships(person);

        List<String> ids = new ArrayList<>();
        memberships.forEach(m -> ids.add(m.path("id").asText()));
        assertThat(ids).containsExactly(inA, inB);
        assertThat(memberships.get(0).path("program_id").asText()).isEqualTo(programA.id());
        assertThat(memberships.get(1).path("program_id").asText()).isEqualTo(programB.id());
        assertThat(memberships).allSatisfy(m -> {
            assertThat(m.path("user_id").asText()).isEqualTo(person.userId());
            assertThat(m.path("role").asText()).isEqualTo("participant");
        });
    }

    @Test
    void meListsEveryRoleTheCallerHolds() {
        Staffed programA = program("open");
        Staffed programB = program("open");
        Session person = server.newUser("Quiet River");
        grant(server, programA.id(), person, "mentor");
        enroll(person, programB);

        JsonNode memberships = memberships(person);

        assertThat(memberships).hasSize(2);
        assertThat(memberships.get(0).path("role").asText()).isEqualTo("mentor");
        assertThat(memberships.get(0).path("enrollment_status").isNull()).isTrue();
        assertThat(memberships.get(1).path("role").asText()).isEqualTo("participant");
    }
}
