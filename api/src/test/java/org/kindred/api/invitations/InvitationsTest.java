package org.kindred.api.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.programs.ProgramFixtures.fieldErrors;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.grant;
import static org.kindred.api.programs.ProgramFixtures.json;
import static org.kindred.api.programs.ProgramFixtures.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.MutableClock;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

class InvitationsTest {
    private static final String CODE = "[ABCDEFGHJKMNPQRSTVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTVWXYZ2-9]{4}";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(ProgramFixtures.ENV);
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

    private static Staffed program(TestServer on) {
        String id = ProgramFixtures.active(on, "invite_only");
        Session coordinator = on.newUser("Steady Oak");
        grant(on, id, coordinator, "coordinator");
        return new Staffed(id, coordinator);
    }

    private static JsonNode invite(Session coordinator, Staffed program, String role) {
        HttpResult created = coordinator.http().post(program.path("/invitations"), json(fields("role", role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static HttpResult redeem(Session person, String code) {
        return person.http().post("/v1/invitations/redeem", json(fields("code", code)));
    }

    private static String path(Staffed program, JsonNode invitation) {
        return program.path("/invitations/" + invitation.path("id").asText());
    }

    private static List<JsonNode> invitations(Session reader, Staffed program) {
        List<JsonNode> items = new ArrayList<>();
        read(reader, program.path("/invitations")).path("data").forEach(items::add);
        return items;
    }

    private static JsonNode memberships(Session person) {
        return read(person, "/v1/me").path("memberships");
    }

    @Test
    void aCoordinatorCreatesAnInvitationThatShowsItsCodeOnce() {
        Staffed program = program(server);

        HttpResult created = program.coordinator().http().post(program.path("/invitations"),
            json(fields("role", "participant")));

        assertThat(created.status()).isEqualTo(201);
        JsonNode invitation = created.json();
        assertThat(invitation.path("id").asText()).startsWith("inv_");
        assertThat(created.header("Location")).isEqualTo(path(program, invitation));
        assertThat(invitation.path("program_id").asText()).isEqualTo(program.id());
        assertThat(invitation.path("role").asText()).isEqualTo("participant");
        assertThat(invitation.path("code").asText()).matches(CODE);
        assertThat(invitation.path("status").asText()).isEqualTo("pending");
        assertThat(invitation.path("redeemed_at").isNull()).isTrue();
        assertThat(invitation.path("redeemed_by").isNull()).isTrue();
        assertThat(invitation.path("revoked_at").isNull()).isTrue();
        assertThat(Duration.between(Instant.parse(invitation.path("created_at").asText()),
            Instant.parse(invitation.path("expires_at").asText()))).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void expiresInDaysSetsTheExpiry() {
        Staffed program = program(server);

        for (int days : List.of(1, 90)) {
            JsonNode invitation = program.coordinator().http().post(program.path("/invitations"),
                json(fields("role", "mentor", "expires_in_days", days))).json();
            assertThat(Duration.between(Instant.parse(invitation.path("created_at").asText()),
                Instant.parse(invitation.path("expires_at").asText()))).isEqualTo(Duration.ofDays(days));
        }
    }

    @Test
    void theCodeIsNeverShownAgain() {
        Staffed program = program(server);
        JsonNode created = invite(program.coordinator(), program, "participant");
        String code = created.path("code").asText();

        HttpResult list = program.coordinator().http().get(program.path("/invitations"));
        HttpResult one = program.coordinator().http().get(path(program, created));

        assertThat(list.json().path("data")).hasSize(1);
        assertThat(list.json().path("data").get(0).path("id")).isEqualTo(created.path("id"));
        assertThat(list.json().path("data").get(0).path("code").isNull()).isTrue();
        assertThat(one.json().path("code").isNull()).isTrue();
        assertThat(one.json().path("status").asText()).isEqualTo("pending");
        for (HttpResult result : List.of(list, one)) {
            assertThat(result.body()).doesNotContain(code).doesNotContain(code.replace("-", ""));
        }
    }

    @Test
    void coordinatorsAreNotInvited() {
        Staffed program = program(server);

        assertThat(fieldErrors(program.coordinator().http().post(program.path("/invitations"),
            json(fields("role", "coordinator"))))).containsExactly("role invalid_value");
        assertThat(fieldErrors(program.coordinator().http().post(program.path("/invitations"),
            json(fields("expires_in_days", 7))))).containsExactly("role required");
        assertThat(invitations(program.coordinator(), program)).isEmpty();
    }

    @Test
    void expiresInDaysIsOneToNinety() {
        Staffed program = program(server);

        for (int days : List.of(0, 91)) {
            assertThat(fieldErrors(program.coordinator().http().post(program.path("/invitations"),
                json(fields("role", "participant", "expires_in_days", days)))))
                .as("%d days", days).containsExactly("expires_in_days out_of_range");
        }
        assertThat(invitations(program.coordinator(), program)).isEmpty();
    }

    @Test
    void redeemingACodeGrantsItsRoleAndMarksTheInvitationRedeemed() {
        Staffed program = program(server);
        JsonNode invitation = invite(program.coordinator(), program, "participant");
        Session person = server.newUser("Quiet River");

        HttpResult redeemed = redeem(person, invitation.path("code").asText());

        assertThat(redeemed.status()).isEqualTo(201);
        JsonNode member = redeemed.json();
        assertThat(redeemed.header("Location")).isEqualTo(program.path("/members/" + member.path("id").asText()));
        assertThat(member.path("program_id").asText()).isEqualTo(program.id());
        assertThat(member.path("user_id").asText()).isEqualTo(person.userId());
        assertThat(member.path("role").asText()).isEqualTo("participant");
        assertThat(member.path("enrollment_status").asText()).isEqualTo("enrolled");
        JsonNode after = read(program.coordinator(), path(program, invitation));
        assertThat(after.path("status").asText()).isEqualTo("redeemed");
        assertThat(after.path("redeemed_by").asText()).isEqualTo(person.userId());
        assertThat(after.path("redeemed_at").isNull()).isFalse();
    }

    @Test
    void aMentorInvitationMakesAMentor() {
        Staffed program = program(server);
        JsonNode invitation = invite(program.coordinator(), program, "mentor");

        HttpResult redeemed = redeem(server.newUser("Bright Fern"), invitation.path("code").asText());

        assertThat(redeemed.status()).isEqualTo(201);
        assertThat(redeemed.text("/role")).isEqualTo("mentor");
        assertThat(redeemed.json().path("enrollment_status").isNull()).isTrue();
    }

    @Test
    void aCodeWorksOnlyOnce() {
        Staffed program = program(server);
        String code = invite(program.coordinator(), program, "participant").path("code").asText();
        assertThat(redeem(server.newUser("Quiet River"), code).status()).isEqualTo(201);
        Session second = server.newUser("Blue Heron");

        HttpResult refused = redeem(second, code);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("invitation_unusable");
        assertThat(memberships(second)).isEmpty();
    }

    @Test
    void aCodeMayBeTypedInLowercaseWithoutDashes() {
        Staffed program = program(server);
        String code = invite(program.coordinator(), program, "participant").path("code").asText();
        Session person = server.newUser("Quiet River");

        HttpResult redeemed = redeem(person, code.replace("-", "").toLowerCase(Locale.ROOT));

        assertThat(redeemed.status()).isEqualTo(201);
        assertThat(redeemed.text("/program_id")).isEqualTo(program.id());
    }

    @Test
    void aRevokedInvitationCannotBeRedeemed() {
        Staffed program = program(server);
        JsonNode invitation = invite(program.coordinator(), program, "participant");

        HttpResult revoked = program.coordinator().http().delete(path(program, invitation));
        Session person = server.newUser("Quiet River");
        HttpResult refused = redeem(person, invitation.path("code").asText());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("invitation_unusable");
        assertThat(memberships(person)).isEmpty();
        JsonNode after = read(program.coordinator(), path(program, invitation));
        assertThat(after.path("status").asText()).isEqualTo("revoked");
        assertThat(after.path("revoked_at").isNull()).isFalse();
        assertThat(after.path("redeemed_by").isNull()).isTrue();
    }

    @Test
    void revokingHonoursIfMatch() {
        Staffed program = program(server);
        JsonNode invitation = invite(program.coordinator(), program, "participant");
        String etag = program.coordinator().http().get(path(program, invitation)).header("ETag");

        HttpResult stale = program.coordinator().http().header("If-Match", "\"stale\"")
            .delete(path(program, invitation));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(read(program.coordinator(), path(program, invitation)).path("status").asText())
            .isNotEqualTo("revoked");
        assertThat(program.coordinator().http().header("If-Match", etag).delete(path(program, invitation)).status())
            .isEqualTo(204);
        assertThat(program.coordinator().http().header("If-Match", etag).delete(path(program, invitation)).status())
            .as("revoking twice is harmless, the same request too").isEqualTo(204);
    }

    @Test
    void aRedeemedInvitationCannotBeRevoked() {
        Staffed program = program(server);
        JsonNode invitation = invite(program.coordinator(), program, "participant");
        assertThat(redeem(server.newUser("Quiet River"), invitation.path("code").asText()).status()).isEqualTo(201);
        JsonNode before = read(program.coordinator(), path(program, invitation));

        HttpResult refused = program.coordinator().http().delete(path(program, invitation));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("invitation_unusable");
        assertThat(read(program.coordinator(), path(program, invitation))).isEqualTo(before);
    }

    @Test
    void redeemingIntoAProgramYouAlreadyBelongToLeavesTheInvitationUnused() {
        Staffed program = program(server);
        Session person = server.newUser("Quiet River");
        grant(server, program.id(), person, "participant");
        JsonNode invitation = invite(program.coordinator(), program, "participant");

        HttpResult refused = redeem(person, invitation.path("code").asText());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("already_member");
        assertThat(read(program.coordinator(), path(program, invitation)).path("status").asText()).isEqualTo("pending");
        assertThat(redeem(server.newUser("Blue Heron"), invitation.path("code").asText()).status()).isEqualTo(201);
    }

    @Test
    void anExpiredInvitationCannotBeRedeemed() {
        MutableClock clock = MutableClock.atSystemTime();
        try (TestServer timed = TestServer.start(ProgramFixtures.ENV, clock)) {
            Staffed program = new Staffed(ProgramFixtures.active(timed, "invite_only"), timed.admin());
            String code = invite(timed.admin(), program, "participant").path("code").asText();

            clock.advance(Duration.ofDays(15));
            Session admin = timed.login(timed.admin().email());
            Session person = timed.newUser("Quiet River");
            HttpResult refused = redeem(person, code);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("invitation_unusable");
            assertThat(memberships(person)).isEmpty();
            assertThat(invitations(admin, program)).singleElement()
                .satisfies(invitation -> assertThat(invitation.path("status").asText()).isEqualTo("expired"));
            String fresh = invite(admin, program, "participant").path("code").asText();
            assertThat(redeem(person, fresh).status()).isEqualTo(201);
        }
    }

    @Test
    void anUnknownCodeIsNotFound() {
        Session person = server.newUser("Quiet River");

        HttpResult refused = redeem(person, "AAAA-BBBB-CCCC");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("not_found");
        assertThat(fieldErrors(person.http().post("/v1/invitations/redeem", "{}"))).containsExactly("code required");
    }

    @Test
    void participantsAndMentorsCannotCreateInvitations() {
        Staffed program = program(server);
        Session participant = server.newUser("Quiet River");
        grant(server, program.id(), participant, "participant");
        Session mentor = server.newUser("Bright Fern");
        grant(server, program.id(), mentor, "mentor");

        for (Session caller : List.of(participant, mentor)) {
            HttpResult refused = caller.http().post(program.path("/invitations"), json(fields("role", "participant")));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(refused.body()).doesNotContainPattern(CODE).doesNotContain("expires_at");
            assertThat(caller.http().get(program.path("/invitations")).status()).isEqualTo(403);
        }
        assertThat(invitations(program.coordinator(), program)).isEmpty();
    }

    @Test
    void aCoordinatorOfAnotherProgramCannotSeeOrRevokeItsInvitations() {
        Staffed programA = program(server);
        Staffed programB = program(server);
        JsonNode invitation = invite(programA.coordinator(), programA, "participant");
        Session outsider = programB.coordinator();

        HttpResult list = outsider.http().get(programA.path("/invitations"));
        HttpResult one = outsider.http().get(path(programA, invitation));
        HttpResult revoke = outsider.http().delete(path(programA, invitation));
        HttpResult create = outsider.http().post(programA.path("/invitations"), json(fields("role", "mentor")));

        for (HttpResult refused : List.of(list, one, revoke, create)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
            assertThat(refused.body()).doesNotContainPattern(CODE).doesNotContain("expires_at");
        }
        assertThat(invitations(programA.coordinator(), programA)).singleElement()
            .satisfies(i -> assertThat(i.path("status").asText()).isEqualTo("pending"));
    }

    @Test
    void anonymousCallersCannotRedeemOrManageInvitations() {
        Staffed program = program(server);
        JsonNode invitation = invite(program.coordinator(), program, "participant");

        HttpResult redeemAttempt = server.http().post("/v1/invitations/redeem",
            json(fields("code", invitation.path("code").asText())));
        HttpResult list = server.http().get(program.path("/invitations"));
        HttpResult create = server.http().post(program.path("/invitations"), json(fields("role", "participant")));

        for (HttpResult refused : List.of(redeemAttempt, list, create)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("unauthorized");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(read(program.coordinator(), path(program, invitation)).path("status").asText()).isEqualTo("pending");
    }

    @Test
    void redeemingIntoAnInviteOnlyProgramMakesAParticipantTheCoordinatorCanSee() {
        Staffed program = program(server);
        Session person = server.newUser("Quiet River");
        assertThat(person.http().post(program.path("/enrollments"), null).code()).isEqualTo("enrollment_closed");

        HttpResult redeemed = redeem(person, invite(program.coordinator(), program, "participant").path("code").asText());

        assertThat(redeemed.status()).isEqualTo(201);
        JsonNode participants = read(program.coordinator(), program.path("/participants")).path("data");
        assertThat(participants).singleElement().satisfies(p -> {
            assertThat(p.path("user_id").asText()).isEqualTo(person.userId());
            assertThat(p.path("display_name").asText()).isEqualTo("Quiet River");
            assertThat(p.path("enrollment_status").asText()).isEqualTo("enrolled");
        });
        assertThat(memberships(person)).singleElement()
            .satisfies(m -> assertThat(m.path("program_id").asText()).isEqualTo(program.id()));
    }
}
