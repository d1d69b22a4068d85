package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kindred.sdk.SdkFixtures.etag;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.invoker.ApiResponse;
import org.kindred.sdk.model.CrisisLine;
import org.kindred.sdk.model.CrisisModality;
import org.kindred.sdk.model.EnrollmentPolicy;
import org.kindred.sdk.model.EnrollmentStatus;
import org.kindred.sdk.model.FocusArea;
import org.kindred.sdk.model.Invitation;
import org.kindred.sdk.model.InvitationCreate;
import org.kindred.sdk.model.InvitationRole;
import org.kindred.sdk.model.InvitationStatus;
import org.kindred.sdk.model.Me;
import org.kindred.sdk.model.MeUpdate;
import org.kindred.sdk.model.Member;
import org.kindred.sdk.model.MemberCreate;
import org.kindred.sdk.model.MemberUpdate;
import org.kindred.sdk.model.Program;
import org.kindred.sdk.model.ProgramCreate;
import org.kindred.sdk.model.ProgramStatus;
import org.kindred.sdk.model.ProgramUpdate;
import org.kindred.sdk.model.RedeemRequest;
import org.kindred.sdk.model.RegisterRequest;
import org.kindred.sdk.model.Role;
import org.kindred.sdk.model.User;

/**
 * An organisation's integration: an admin drafts a program and hands it to a coordinator, who opens it, invites
 * a mentor, moves participants through enrollment and keeps the membership list; newcomers sign up themselves.
 */
class ProgramAdministrationSdkTest {
    private static TestServer server;
    private static KindredClient admin;
    private static KindredClient coordinator;
    private static String coordinatorEmail;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = TestClients.signedIn(server, server.account("Tall Cedar", true).email(), TestServer.PASSWORD);
        coordinatorEmail = server.account("Harbor Keeper", false).email();
        coordinator = TestClients.signedIn(server, coordinatorEmail, TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ProgramCreate program(String name, ProgramStatus status, EnrollmentPolicy enrollment) {
        return new ProgramCreate().name(name).description("Peer circles by the river.")
            .organizationName("Riverside Collective").country("US")
            .timezone("America/Chicago").status(status).enrollment(enrollment)
            .focusAreas(Set.of(FocusArea.ANXIETY, FocusArea.LONELINESS))
            .addCrisisLinesItem(new CrisisLine().name("988 Lifeline").phone("988").modality(CrisisModality.PHONE).country("US"));
    }

    /** A program run by the class's coordinator, found through the admin's account look-up. */
    private static Program programRunByTheCoordinator(String name, ProgramStatus status, EnrollmentPolicy enrollment) {
        Program program = admin.call(api -> api.programs().createProgram(program(name, status, enrollment), null));
        User keeper = admin.autoPage((api, cursor) -> api.users().listUsers(null, cursor, coordinatorEmail))
            .findFirst().orElseThrow();
        Member granted = admin.call(api -> api.members().addMember(program.getId(),
            new MemberCreate().userId(keeper.getId()).role(Role.COORDINATOR), null));
        assertThat(granted.getRole()).isEqualTo(Role.COORDINATOR);
        assertThat(granted.getDisplayName()).isEqualTo("Harbor Keeper");
        return program;
    }


    @Test
    void anAdminDraftsAProgramAndItsCoordinatorOpensIt() {
        Program draft = programRunByTheCoordinator("Evening Lanterns", ProgramStatus.DRAFT, EnrollmentPolicy.OPEN);
        KindredClient anyone = TestClients.anonymous(server);
        assertThatThrownBy(() -> anyone.call(api -> api.programs().getProgram(draft.getId(), (String) null)))
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));

        ApiResponse<Program> read = coordinator.call(api -> api.programs().getProgramWithHttpInfo(draft.getId(), null));
        String etag = etag(read);
        Program opened = coordinator.call(api -> api.programs().updateProgram(draft.getId(),
            new ProgramUpdate().status(ProgramStatus.ACTIVE).description("Small evening circles for anxious minds."), etag));

        assertThat(opened.getStatus()).isEqualTo(ProgramStatus.ACTIVE);
        assertThat(opened.getDescription()).isEqualTo("Small evening circles for anxious minds.");
        assertThat(opened.getFocusAreas()).containsExactlyInAnyOrder(FocusArea.ANXIETY, FocusArea.LONELINESS);
        assertThat(opened.getCrisisLines()).extracting(CrisisLine::getPhone).containsExactly("988");
        assertThat(anyone.call(api -> api.programs().getProgram(draft.getId(), (String) null)).getName())
            .isEqualTo("Evening Lanterns");
    }

    @Test
    void aChangeBasedOnAStaleReadIsRefusedAndChangesNothing() {
        Program program = programRunByTheCoordinator("Quiet Harbor", ProgramStatus.ACTIVE, EnrollmentPolicy.OPEN);
        String before = etag(coordinator.call(api -> api.programs().getProgramWithHttpInfo(program.getId(), null)));
        coordinator.call(api -> api.programs().updateProgram(program.getId(), new ProgramUpdate().name("Quiet Harbor Circle"), before));

        assertThatThrownBy(() -> coordinator.call(api -> api.programs().updateProgram(program.getId(),
            new ProgramUpdate().name("Loud Harbor"), before)))
            .isInstanceOfSatisfying(ConflictException.class, e -> {
                assertThat(e.status()).isEqualTo(412);
                assertThat(e.code()).isEqualTo("precondition_failed");
            });
        assertThat(coordinator.call(api -> api.programs().getProgram(program.getId(), (String) null)).getName())
            .isEqualTo("Quiet Harbor Circle");
    }

    @Test
    void aPatchThatOnlyRenamesKeepsTheProgramsLists() {
        Program program = programRunByTheCoordinator("Steady Lanterns", ProgramStatus.DRAFT, EnrollmentPolicy.OPEN);

        Program renamed = coordinator.call(api -> api.programs().updateProgram(program.getId(),
            new ProgramUpdate().name("Steady Lanterns Circle"), null));

        assertThat(renamed.getFocusAreas()).containsExactlyInAnyOrder(FocusArea.ANXIETY, FocusArea.LONELINESS);
        assertThat(renamed.getCrisisLines()).hasSize(1);
        assertThat(renamed.getDescription()).isNotNull();
    }

    @Test
    void aPatchClearsAFieldOnlyWhenItIsSetToNull() {
        Program program = programRunByTheCoordinator("Clear Skies", ProgramStatus.DRAFT, EnrollmentPolicy.OPEN);
        assertThat(program.getDescription()).isEqualTo("Peer circles by the river.");

        Program cleared = coordinator.call(api -> api.programs().updateProgram(program.getId(),
            new ProgramUpdate().description(null), null));

        assertThat(cleared.getDescription()).isNull();
        assertThat(cleared.getOrganizationName()).isEqualTo("Riverside Collective");
    }

    @Test
    void accountLookUpIsForAdminsOnly() {
        assertThat(admin.call(api -> api.users().listUsers(null, null, coordinatorEmail.toUpperCase())).getData())
            .singleElement().satisfies(user -> {
                assertThat(user.getDisplayName()).isEqualTo("Harbor Keeper");
                assertThat(user.getAdmin()).isFalse();
            });
        assertThatThrownBy(() -> coordinator.call(api -> api.users().listUsers(null, null, null)))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
    }

    @Test
    void aNewcomerSignsUpAndChoosesTheNameOthersSee() {
        KindredClient anyone = TestClients.anonymous(server);
        String email = "silver.brook@example.org";
        Me created = anyone.call(api -> api.auth().register(new RegisterRequest().email(email)
            .password("a long enough passphrase").displayName("Silver Brook"), null));
        assertThat(created.getId()).startsWith("usr_");
        assertThat(created.getEmail()).isEqualTo(email);
        assertThat(created.getAdmin()).isFalse();
        assertThat(created.getMemberships()).isEmpty();
        assertThatThrownBy(() -> anyone.call(api -> api.auth().register(new RegisterRequest().email(email)
            .password("another long passphrase").displayName("Copy Brook"), null)))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("email_taken"));

        KindredClient newcomer = TestClients.signedIn(server, email, "a long enough passphrase");
        String etag = etag(newcomer.call(api -> api.users().getMeWithHttpInfo((String) null)));
        Me renamed = newcomer.call(api -> api.users().updateMe(new MeUpdate().displayName("Silver Creek"), etag));
        assertThat(renamed.getDisplayName()).isEqualTo("Silver Creek");
        assertThatThrownBy(() -> newcomer.call(api -> api.users().updateMe(new MeUpdate().displayName("Stale Creek"), etag)))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("precondition_failed"));
        assertThat(newcomer.call(api -> api.users().getMe((String) null)).getDisplayName()).isEqualTo("Silver Creek");
    }

    @Test
    void aMentorJoinsAnInviteOnlyProgramWithASingleUseCode() {
        Program program = programRunByTheCoordinator("Grief Companions", ProgramStatus.ACTIVE, EnrollmentPolicy.INVITE_ONLY);
        Invitation invitation = coordinator.call(api -> api.invitations().createInvitation(program.getId(),
            new InvitationCreate().role(InvitationRole.MENTOR).expiresInDays(7), null));
        assertThat(invitation.getCode()).isNotBlank();
        assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.PENDING);
        assertThat(coordinator.autoPage((api, cursor) -> api.invitations().listInvitations(program.getId(), null, cursor)))
            .singleElement().satisfies(listed -> {
                assertThat(listed.getId()).isEqualTo(invitation.getId());
                assertThat(listed.getCode()).as("codes are shown once").isNull();
            });

        KindredClient mentor = SdkFixtures.fresh(server, "Patient Willow");
        assertThatThrownBy(() -> mentor.call(api -> api.members().enroll(program.getId(), null)))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("enrollment_closed"));
        String spokenCode = invitation.getCode().toLowerCase().replace("-", " ");
        Member joined = mentor.call(api -> api.invitations().redeemInvitation(new RedeemRequest().code(spokenCode), null));

        assertThat(joined.getRole()).isEqualTo(Role.MENTOR);
        assertThat(joined.getProgramId()).isEqualTo(program.getId());
        Invitation redeemed = coordinator.call(api -> api.invitations().getInvitation(program.getId(), invitation.getId(), null));
        assertThat(redeemed.getStatus()).isEqualTo(InvitationStatus.REDEEMED);
        assertThat(redeemed.getRedeemedBy()).isEqualTo(joined.getUserId());
        assertThat(redeemed.getCode()).isNull();
    }

    @Test
    void aRevokedInvitationCannotBeRedeemed() {
        Program program = programRunByTheCoordinator("Closed Circle", ProgramStatus.ACTIVE, EnrollmentPolicy.INVITE_ONLY);
        Invitation invitation = coordinator.call(api -> api.invitations().createInvitation(program.getId(),
            new InvitationCreate().role(InvitationRole.PARTICIPANT), null));

        coordinator.run(api -> api.invitations().revokeInvitation(program.getId(), invitation.getId(), null));

        Invitation revoked = coordinator.call(api -> api.invitations().getInvitation(program.getId(), invitation.getId(), null));
        assertThat(revoked.getStatus()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(revoked.getRevokedAt()).isNotNull();
        KindredClient latecomer = SdkFixtures.fresh(server, "Late Sparrow");
        assertThatThrownBy(() -> latecomer.call(api -> api.invitations().redeemInvitation(
            new RedeemRequest().code(invitation.getCode()), null)))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invitation_unusable"));
        assertThat(latecomer.call(api -> api.users().getMe((String) null)).getMemberships()).isEmpty();
    }

    @Test
    void aCoordinatorMovesAParticipantThroughEnrollmentAndThePersonLeaves() {
        Program program = programRunByTheCoordinator("Morning Steps", ProgramStatus.ACTIVE, EnrollmentPolicy.OPEN);
        KindredClient participant = SdkFixtures.fresh(server, "Golden Finch");
        Member enrolled = participant.call(api -> api.members().enroll(program.getId(), null));
        assertThat(enrolled.getEnrollmentStatus()).isEqualTo(Member.EnrollmentStatusEnum.ENROLLED);

        Member listed = coordinator.autoPage((api, cursor) -> api.members().listParticipants(program.getId(), null, cursor, null))
            .filter(m -> m.getId().equals(enrolled.getId())).findFirst().orElseThrow();
        assertThat(listed.getEmail()).as("coordinators see emails").isEqualTo(enrolled.getEmail()).isNotNull();
        assertThatThrownBy(() -> participant.call(api -> api.members().listParticipants(program.getId(), null, null, null)))
            .isInstanceOf(ForbiddenException.class);

        String etag = etag(coordinator.call(api -> api.members().getMemberWithHttpInfo(program.getId(), enrolled.getId(), null)));
        Member completed = coordinator.call(api -> api.members().updateMember(program.getId(), enrolled.getId(),
            new MemberUpdate().enrollmentStatus(EnrollmentStatus.COMPLETED), etag));
        assertThat(completed.getEnrollmentStatus()).isEqualTo(Member.EnrollmentStatusEnum.COMPLETED);
        assertThatThrownBy(() -> participant.call(api -> api.members().updateMember(program.getId(), enrolled.getId(),
            new MemberUpdate().enrollmentStatus(EnrollmentStatus.ALUMNI), null)))
            .isInstanceOf(ForbiddenException.class);
        List<Member> completers = coordinator.autoPage((api, cursor) -> api.members().listMembers(program.getId(), null,
            cursor, Role.PARTICIPANT, EnrollmentStatus.COMPLETED)).toList();
        assertThat(completers).extracting(Member::getId).containsExactly(enrolled.getId());
        assertThat(participant.call(api -> api.members().getMember(program.getId(), enrolled.getId(), null))
            .getEnrollmentStatus()).isEqualTo(Member.EnrollmentStatusEnum.COMPLETED);

        participant.run(api -> api.members().removeMember(program.getId(), enrolled.getId(), null));

        assertThatThrownBy(() -> coordinator.call(api -> api.members().getMember(program.getId(), enrolled.getId(), null)))
            .isInstanceOf(NotFoundException.class);
        assertThat(participant.call(api -> api.users().getMe((String) null)).getMemberships()).isEmpty();
    }

    @Test
    void onlyAProgramNobodyBelongsToCanBeDeleted() {
        Program program = programRunByTheCoordinator("Short Season", ProgramStatus.DRAFT, EnrollmentPolicy.OPEN);
        assertThatThrownBy(() -> admin.run(api -> api.programs().deleteProgram(program.getId(), null))).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("program_not_empty"));
        Member keeper = admin.autoPage((api, cursor) -> api.members().listMembers(program.getId(), null, cursor,
            Role.COORDINATOR, null)).findFirst().orElseThrow();
        admin.run(api -> api.members().removeMember(program.getId(), keeper.getId(), null));

        String etag = etag(admin.call(api -> api.programs().getProgramWithHttpInfo(program.getId(), null)));
        admin.run(api -> api.programs().deleteProgram(program.getId(), etag));

        assertThatThrownBy(() -> admin.call(api -> api.programs().getProgram(program.getId(), (String) null)))
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }
}
