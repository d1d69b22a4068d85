package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kindred.sdk.SdkFixtures.etag;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.model.Accessibility;
import org.kindred.sdk.model.Address;
import org.kindred.sdk.model.AnimalPolicy;
import org.kindred.sdk.model.CrisisLine;
import org.kindred.sdk.model.CrisisModality;
import org.kindred.sdk.model.EsaPolicy;
import org.kindred.sdk.model.Group;
import org.kindred.sdk.model.GroupCapacity;
import org.kindred.sdk.model.GroupCreate;
import org.kindred.sdk.model.GroupFormat;
import org.kindred.sdk.model.GroupMember;
import org.kindred.sdk.model.GroupMemberStatus;
import org.kindred.sdk.model.GroupStatus;
import org.kindred.sdk.model.GroupUpdate;
import org.kindred.sdk.model.Member;
import org.kindred.sdk.model.MemberCreate;
import org.kindred.sdk.model.MembershipPolicy;
import org.kindred.sdk.model.Pets;
import org.kindred.sdk.model.ProgramCreate;
import org.kindred.sdk.model.ProgramStatus;
import org.kindred.sdk.model.Role;
import org.kindred.sdk.model.Schedule;
import org.kindred.sdk.model.Space;
import org.kindred.sdk.model.Species;
import org.kindred.sdk.model.Venue;
import org.kindred.sdk.model.VenueCreate;
import org.kindred.sdk.model.VenueUpdate;

/**
 * A coordinator's integration: keeping the program's venues and their animal policies current, running groups at
 * them, admitting members to an approval group; what the public directory shows next to what members see.
 */
class VenuesAndGroupsSdkTest {
    private static final String CHICAGO = "America/Chicago";
    private static TestServer server;
    private static String programId;
    private static KindredClient coordinator;
    private static KindredClient facilitator;
    private static String facilitatorId;
    private static KindredClient heron;
    private static KindredClient kite;
    private static KindredClient anyone;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        KindredClient admin = TestClients.signedIn(server, server.account("Tall Cedar", true).email(), TestServer.PASSWORD);
        programId = admin.call(api -> api.programs().createProgram(new ProgramCreate().name("Lakeside Circles")
            .organizationName("Lakeside Collective").country("US").timezone(CHICAGO).status(ProgramStatus.ACTIVE)
            .addCrisisLinesItem(new CrisisLine().name("988 Lifeline").phone("988").modality(CrisisModality.PHONE).country("US")),
            null)).getId();
        coordinator = member(admin, "Harbor Keeper", Role.COORDINATOR);
        facilitator = member(admin, "Steady Birch", Role.MENTOR);
        facilitatorId = facilitator.call(api -> api.users().getMe((String) null)).getId();
        heron = member(admin, "Blue Heron", Role.PARTICIPANT);
        kite = member(admin, "Red Kite", Role.PARTICIPANT);
        anyone = TestClients.anonymous(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static KindredClient member(KindredClient admin, String displayName, Role role) {
        var account = server.account(displayName, false);
        Member granted = admin.call(api -> api.members().addMember(programId,
            new MemberCreate().userId(account.id()).role(role), null));
        assertThat(granted.getRole()).isEqualTo(role);
        return TestClients.signedIn(server, account.email(), TestServer.PASSWORD);
    }

    private static Venue venue(String name) {
        return coordinator.call(api -> api.venues().createVenue(new VenueCreate().programId(programId).name(name)
            .address(new Address().line1("1200 N Lake Shore Dr").city("Chicago").country("US"))
            .latitude(41.9036).longitude(-87.6264).timezone(CHICAGO).spaces(Space.BOTH).capacity(30)
            .accessibility(new Accessibility().stepFreeEntrance(true))
            .animalPolicy(new AnimalPolicy().emotionalSupportAnimals(EsaPolicy.ALLOWED)
                .pets(new Pets().species(Set.of(Species.DOG)).where(Pets.WhereEnum.OUTDOOR))), null));
    }

    private static GroupCreate group(String name, Venue venue, MembershipPolicy policy) {
        LocalDate monday = LocalDate.now(ZoneId.of(CHICAGO)).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        return new GroupCreate().programId(programId).name(name).format(GroupFormat.HYBRID).venueId(venue.getId())
            .conferenceUrl(URI.create("https://meet.example.org/" + name.toLowerCase().replace(' ', '-')))
            .conferenceNotes("Passcode 2468; cameras optional.").membershipPolicy(policy)
            .facilitatorIds(Set.of(facilitatorId)).capacity(new GroupCapacity().inPerson(12).online(20)).timezone(CHICAGO)
            .schedule(new Schedule().rrule("FREQ=WEEKLY;BYDAY=MO").startDate(monday).startTime("18:30").durationMinutes(90));
    }


    @Test
    void aCoordinatorChangesAVenuesAnimalPolicyAndEveryoneSeesIt() {
        Venue venue = venue("Lakeside Community Room");
        Venue listed = anyone.call(api -> api.venues().getVenue(venue.getId(), (String) null));
        assertThat(listed.getAnimalPolicy().getEmotionalSupportAnimals()).isEqualTo(EsaPolicy.ALLOWED);
        assertThat(listed.getDistanceKm()).isNull();

        String etag = etag(coordinator.call(api -> api.venues().getVenueWithHttpInfo(venue.getId(), null)));
        Venue changed = coordinator.call(api -> api.venues().updateVenue(venue.getId(), new VenueUpdate().capacity(40)
            .animalPolicy(new AnimalPolicy().emotionalSupportAnimals(EsaPolicy.ASK_FIRST)), etag));

        assertThat(changed.getCapacity()).isEqualTo(40);
        Venue seen = anyone.call(api -> api.venues().getVenue(venue.getId(), (String) null));
        assertThat(seen.getAnimalPolicy().getEmotionalSupportAnimals()).isEqualTo(EsaPolicy.ASK_FIRST);
        assertThat(seen.getAnimalPolicy().getPets().getSpecies()).as("nested objects merge").containsExactly(Species.DOG);
        assertThat(seen.getAnimalPolicy().getServiceAnimals()).isEqualTo(AnimalPolicy.ServiceAnimalsEnum.ALWAYS_WELCOME);
    }

    @Test
    void aParticipantCannotChangeAVenue() {
        Venue venue = venue("North Branch Room");

        assertThatThrownBy(() -> heron.call(api -> api.venues().updateVenue(venue.getId(), new VenueUpdate().name("Mine now"), null)))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
        assertThatThrownBy(() -> heron.run(api -> api.venues().deleteVenue(venue.getId(), null))).isInstanceOf(ForbiddenException.class);

        assertThat(anyone.call(api -> api.venues().getVenue(venue.getId(), (String) null)).getName()).isEqualTo("North Branch Room");
    }

    @Test
    void aVenueAGroupMeetsAtIsKeptUntilTheGroupIsDeleted() {
        Venue venue = venue("Garden Pavilion");
        Group group = coordinator.call(api -> api.groups().createGroup(group("Pavilion Circle", venue, MembershipPolicy.OPEN), null));
        assertThatThrownBy(() -> coordinator.run(api -> api.venues().deleteVenue(venue.getId(), null))).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("venue_in_use"));

        String groupTag = etag(coordinator.call(api -> api.groups().getGroupWithHttpInfo(group.getId(), null)));
        coordinator.run(api -> api.groups().deleteGroup(group.getId(), groupTag));
        String venueTag = etag(coordinator.call(api -> api.venues().getVenueWithHttpInfo(venue.getId(), null)));
        coordinator.run(api -> api.venues().deleteVenue(venue.getId(), venueTag));

        assertThatThrownBy(() -> anyone.call(api -> api.groups().getGroup(group.getId(), (String) null)))
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThatThrownBy(() -> anyone.call(api -> api.venues().getVenue(venue.getId(), (String) null)))
            .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anApprovalGroupAdmitsWhomItsFacilitatorApproves() {
        Group group = coordinator.call(api -> api.groups().createGroup(
            group("Monday Evening Circle", venue("Lakeside Hall"), MembershipPolicy.APPROVAL), null));
        Group publicView = anyone.call(api -> api.groups().getGroup(group.getId(), (String) null));
        assertThat(publicView.getConferenceUrl()).isNull();
        assertThat(publicView.getConferenceNotes()).isNull();
        assertThat(publicView.getFacilitatorIds()).isNull();

        GroupMember asked = heron.call(api -> api.groups().joinGroup(group.getId(), null));
        assertThat(asked.getStatus()).isEqualTo(GroupMemberStatus.PENDING);
        assertThat(heron.call(api -> api.groups().getGroup(group.getId(), (String) null)).getConferenceUrl())
            .as("not before approval").isNull();
        List<GroupMember> waiting = facilitator.autoPage((api, cursor) -> api.groups().listGroupMembers(group.getId(), null,
            cursor, GroupMemberStatus.PENDING)).toList();
        assertThat(waiting).extracting(GroupMember::getUserId).containsExactly(asked.getUserId());

        GroupMember approved = facilitator.call(api -> api.groups().approveGroupMember(group.getId(), asked.getId()));

        assertThat(approved.getStatus()).isEqualTo(GroupMemberStatus.ACTIVE);
        assertThat(heron.call(api -> api.groups().getGroupMember(group.getId(), asked.getId(), null)).getStatus())
            .isEqualTo(GroupMemberStatus.ACTIVE);
        Group memberView = heron.call(api -> api.groups().getGroup(group.getId(), (String) null));
        assertThat(memberView.getConferenceUrl()).isEqualTo("https://meet.example.org/monday-evening-circle");
        assertThat(memberView.getFacilitatorIds()).containsExactly(facilitatorId);
        assertThatThrownBy(() -> kite.call(api -> api.groups().getGroupMember(group.getId(), asked.getId(), null)))
            .isInstanceOf(NotFoundException.class);
    }

    @Test
    void membersSeeEachOthersNamesOnlyAndAFacilitatorCanRemoveSomeone() {
        Group group = coordinator.call(api -> api.groups().createGroup(
            group("Wednesday Walkers", venue("Riverside Park"), MembershipPolicy.OPEN), null));
        GroupMember heronJoined = heron.call(api -> api.groups().joinGroup(group.getId(), null));
        GroupMember kiteJoined = kite.call(api -> api.groups().joinGroup(group.getId(), null));
        assertThat(kiteJoined.getStatus()).isEqualTo(GroupMemberStatus.ACTIVE);

        List<GroupMember> seenByHeron = heron.autoPage((api, cursor) -> api.groups().listGroupMembers(group.getId(), null,
            cursor, null)).toList();
        assertThat(seenByHeron).extracting(GroupMember::getDisplayName).containsExactlyInAnyOrder("Blue Heron", "Red Kite");
        assertThat(seenByHeron).extracting(GroupMember::getUserId).containsOnlyNulls();

        facilitator.run(api -> api.groups().removeGroupMember(group.getId(), kiteJoined.getId(), null));

        assertThatThrownBy(() -> kite.call(api -> api.groups().getGroupMember(group.getId(), kiteJoined.getId(), null)))
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThat(facilitator.autoPage((api, cursor) -> api.groups().listGroupMembers(group.getId(), null, cursor, null)))
            .extracting(GroupMember::getUserId).containsExactly(heronJoined.getUserId());
    }

    @Test
    void aCoordinatorPausesAGroupAndAParticipantCannot() {
        Group group = coordinator.call(api -> api.groups().createGroup(
            group("Friday Harbor Circle", venue("Harbor Hall"), MembershipPolicy.OPEN).topics(Set.of("anxiety")), null));
        assertThatThrownBy(() -> heron.call(api -> api.groups().updateGroup(group.getId(),
            new GroupUpdate().status(GroupStatus.ARCHIVED), null)))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));

        String etag = etag(coordinator.call(api -> api.groups().getGroupWithHttpInfo(group.getId(), null)));
        Group paused = coordinator.call(api -> api.groups().updateGroup(group.getId(),
            new GroupUpdate().status(GroupStatus.PAUSED).description("Back after the holidays."), etag));

        assertThat(paused.getStatus()).isEqualTo(GroupStatus.PAUSED);
        Group seen = anyone.call(api -> api.groups().getGroup(group.getId(), (String) null));
        assertThat(seen.getStatus()).isEqualTo(GroupStatus.PAUSED);
        assertThat(seen.getDescription()).isEqualTo("Back after the holidays.");
        assertThat(seen.getTopics()).containsExactly("anxiety");
    }
}
