package org.kindred.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.kindred.sdk.SdkFixtures.demo;
import static org.kindred.sdk.SdkFixtures.etag;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.api.demo.DemoData;
import org.kindred.api.testing.TestServer;
import org.kindred.sdk.api.MentorsApi;
import org.kindred.sdk.api.MentorshipsApi;
import org.kindred.sdk.api.ProgramsApi;
import org.kindred.sdk.model.Certification;
import org.kindred.sdk.model.DeclineRequest;
import org.kindred.sdk.model.EndRequest;
import org.kindred.sdk.model.FocusArea;
import org.kindred.sdk.model.MatchMode;
import org.kindred.sdk.model.MatchPreferences;
import org.kindred.sdk.model.Meeting;
import org.kindred.sdk.model.MeetingCreate;
import org.kindred.sdk.model.MeetingMode;
import org.kindred.sdk.model.Member;
import org.kindred.sdk.model.Mentor;
import org.kindred.sdk.model.MentorStatus;
import org.kindred.sdk.model.MentorUpdate;
import org.kindred.sdk.model.Mentorship;
import org.kindred.sdk.model.MentorshipRequest;
import org.kindred.sdk.model.MentorshipStatus;
import org.kindred.sdk.model.Role;
import org.kindred.sdk.model.Species;

/**
 * Peer mentoring in the demo's Harbor Peer Circle through the SDK: browsing mentors, a mentor keeping their
 * profile, and mentorships from request to declined, ended, or completed and continuing, with the meeting log.
 * Steady Oak (mentor@) has room; Bright Harbor is full and Quiet Lantern paused.
 */
class MentorshipLifecycleSdkTest {
    private static TestServer server;
    private static String harborId;
    private static KindredClient steadyOak;
    private static KindredClient coordinator;
    private static KindredClient fern;
    private static KindredClient heron;
    private static String steadyOakMentorId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        DemoData.seed(server.services());
        steadyOak = demo(server, "mentor");
        coordinator = demo(server, "coordinator");
        fern = demo(server, "participant");
        heron = demo(server, "peer");
        harborId = fern.call(api -> api.programs().listPrograms(ProgramsApi.APIListProgramsRequest.newBuilder()
            .q("Harbor").build())).getData().get(0).getId();
        steadyOakMentorId = mentorsOfHarbor(fern, null).stream().filter(m -> m.getDisplayName().equals("Steady Oak"))
            .findFirst().orElseThrow().getId();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<Mentor> mentorsOfHarbor(KindredClient as, Boolean accepting) {
        return as.autoPage((api, cursor) -> api.mentors().listMentors(MentorsApi.APIListMentorsRequest.newBuilder()
            .programId(harborId).accepting(accepting).cursor(cursor).build())).toList();
    }

    /** A new participant of Harbor, and the mentorship they asked Steady Oak for. */
    private record Asked(KindredClient participant, String id) {
    }

    private static Asked newParticipantAsking(String displayName) {
        KindredClient participant = SdkFixtures.fresh(server, displayName);
        String userId = participant.call(api -> api.members().enroll(harborId, null)).getUserId();
        Mentorship requested = participant.call(api -> api.mentorships().requestMentorship(new MentorshipRequest()
            .programId(harborId).mentorId(steadyOakMentorId).participantId(userId).message("Evenings are hard."), null));
        assertThat(requested.getStatus()).isEqualTo(MentorshipStatus.REQUESTED);
        return new Asked(participant, requested.getId());
    }

    private static List<Mentorship> mentorships(KindredClient as, MentorshipStatus status, String role) {
        return as.autoPage((api, cursor) -> api.mentorships().listMentorships(MentorshipsApi.APIListMentorshipsRequest
            .newBuilder().programId(harborId).status(status).as(role).cursor(cursor).build())).toList();
    }

    @Test
    void participantsBrowseTheMentorsOfTheirProgram() {
        assertThat(mentorsOfHarbor(fern, null)).extracting(Mentor::getDisplayName)
            .containsExactlyInAnyOrder("Steady Oak", "Bright Harbor", "Quiet Lantern");
        assertThat(mentorsOfHarbor(fern, true)).extracting(Mentor::getDisplayName).containsExactly("Steady Oak");

        Mentor oak = fern.call(api -> api.mentors().getMentor(steadyOakMentorId, null));
        assertThat(oak.getStatus()).isEqualTo(MentorStatus.ACTIVE);
        assertThat(oak.getTrainedAnimal().getSpecies()).isEqualTo(Species.DOG);
        assertThat(oak.getCertifications()).extracting(Certification::getName, Certification::getCurrent)
            .containsExactlyInAnyOrder(tuple("Certified Peer Specialist", true),
                tuple("Mental Health First Aid", false));
        assertThatThrownBy(() -> TestClients.anonymous(server).call(api -> api.mentors().listMentors(
            MentorsApi.APIListMentorsRequest.newBuilder().build())))
            .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.code()).isEqualTo("unauthorized"));
    }

    @Test
    void matchPreferencesAreReadByTheParticipantAndTheirCoordinatorOnly() {
        Member enrollment = fern.call(api -> api.users().getMe((String) null)).getMemberships().stream()
            .filter(m -> m.getProgramId().equals(harborId) && m.getRole() == Role.PARTICIPANT).findFirst().orElseThrow();

        MatchPreferences own = fern.call(api -> api.members().getMatchPreferences(harborId, enrollment.getId(), null));

        assertThat(own.getLivedExperience()).containsExactly(FocusArea.ANXIETY);
        assertThat(own.getLanguages()).containsExactly("en");
        assertThat(own.getMode()).isEqualTo(MatchMode.VIRTUAL);
        assertThat(own.getTimezone()).isEqualTo("America/Chicago");
        MatchPreferences seenByCoordinator = coordinator.call(api -> api.members().getMatchPreferences(harborId,
            enrollment.getId(), null));
        assertThat(seenByCoordinator).isEqualTo(own);
        assertThatThrownBy(() -> heron.call(api -> api.members().getMatchPreferences(harborId, enrollment.getId(), null)))
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void aMentorKeepsTheirProfileWithTheVersionTheyRead() {
        String etag = etag(steadyOak.call(api -> api.mentors().getMentorWithHttpInfo(steadyOakMentorId, null)));

        Mentor updated = steadyOak.call(api -> api.mentors().updateMentor(steadyOakMentorId, new MentorUpdate()
            .bio("Twelve years past my worst panic attacks. Evenings work best.").capacity(4), etag));

        assertThat(updated.getCapacity()).isEqualTo(4);
        assertThat(updated.getFreeCapacity()).isEqualTo(4 - updated.getActiveMentees());
        assertThat(updated.getLivedExperience()).containsExactly(FocusArea.ANXIETY, FocusArea.DEPRESSION);
        assertThatThrownBy(() -> steadyOak.call(api -> api.mentors().updateMentor(steadyOakMentorId, new MentorUpdate()
            .capacity(0), etag)))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("precondition_failed"));
        assertThatThrownBy(() -> heron.call(api -> api.mentors().updateMentor(steadyOakMentorId, new MentorUpdate()
            .status(MentorStatus.WITHDRAWN), null)))
            .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
        Mentor now = fern.call(api -> api.mentors().getMentor(steadyOakMentorId, null));
        assertThat(now.getStatus()).isEqualTo(MentorStatus.ACTIVE);
        assertThat(now.getCapacity()).isEqualTo(4);
        assertThat(now.getBio()).isEqualTo("Twelve years past my worst panic attacks. Evenings work best.");
    }

    @Test
    void aMentorDeclinesARequestWithAReason() {
        Asked finch = newParticipantAsking("Hopeful Finch");

        Mentorship declined = steadyOak.call(api -> api.mentorships().declineMentorship(finch.id(),
            new DeclineRequest().reason(DeclineRequest.ReasonEnum.NOT_A_GOOD_FIT)));

        assertThat(declined.getStatus()).isEqualTo(MentorshipStatus.DECLINED);
        assertThat(declined.getReason()).isEqualTo("not_a_good_fit");
        assertThat(finch.participant().call(api -> api.mentorships().getMentorship(finch.id(), null)).getStatus())
            .isEqualTo(MentorshipStatus.DECLINED);
        assertThatThrownBy(() -> steadyOak.call(api -> api.mentorships().acceptMentorship(finch.id())))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invalid_transition"));
    }

    @Test
    void aMentorshipRunsItsCourseAndBothChooseToGoOn() {
        Asked wren = newParticipantAsking("Little Wren");
        steadyOak.call(api -> api.mentorships().acceptMentorship(wren.id()));
        Meeting logged = wren.participant().call(api -> api.mentorships().logMeeting(wren.id(), new MeetingCreate()
            .date(LocalDate.now(ZoneOffset.UTC).minusDays(1)).durationMinutes(45).mode(MeetingMode.VIRTUAL)
            .note("Made a wind-down plan for the evenings."), null));
        assertThat(steadyOak.autoPage((api, cursor) -> api.mentorships().listMeetings(wren.id(), null, cursor)))
            .singleElement().satisfies(meeting -> {
                assertThat(meeting.getId()).isEqualTo(logged.getId());
                assertThat(meeting.getNote()).isEqualTo("Made a wind-down plan for the evenings.");
                assertThat(meeting.getDurationMinutes()).isEqualTo(45);
            });
        Meeting seenByStaff = coordinator.call(api -> api.mentorships().getMeeting(wren.id(), logged.getId(), null));
        assertThat(seenByStaff.getDurationMinutes()).isEqualTo(45);
        assertThat(seenByStaff.getNote()).as("notes are the two people's only").isNull();

        Mentorship completed = steadyOak.call(api -> api.mentorships().completeMentorship(wren.id()));
        assertThat(completed.getStatus()).isEqualTo(MentorshipStatus.COMPLETED);
        Mentorship mentorAgreed = steadyOak.call(api -> api.mentorships().continueMentorship(wren.id()));
        assertThat(mentorAgreed.getStatus()).isEqualTo(MentorshipStatus.COMPLETED);
        assertThat(mentorAgreed.getMentorAgreedToContinue()).isTrue();
        assertThat(mentorAgreed.getParticipantAgreedToContinue()).isFalse();
        Mentorship continuing = wren.participant().call(api -> api.mentorships().continueMentorship(wren.id()));

        assertThat(continuing.getStatus()).isEqualTo(MentorshipStatus.CONTINUING);
        assertThat(mentorships(steadyOak, MentorshipStatus.CONTINUING, "mentor")).extracting(Mentorship::getId)
            .contains(wren.id());
        assertThatThrownBy(() -> coordinator.call(api -> api.mentorships().getMentorship(wren.id(), null)))
            .as("a continuing mentorship leaves the program staff's view")
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThat(mentorships(coordinator, null, null)).extracting(Mentorship::getId).doesNotContain(wren.id());
    }

    @Test
    void eitherSideCanEndAMentorshipAndTheLogClosesWithIt() {
        Asked robin = newParticipantAsking("Early Robin");
        steadyOak.call(api -> api.mentorships().acceptMentorship(robin.id()));

        Mentorship ended = robin.participant().call(api -> api.mentorships().endMentorship(robin.id(),
            new EndRequest().reason(EndRequest.ReasonEnum.GOALS_MET)));

        assertThat(ended.getStatus()).isEqualTo(MentorshipStatus.ENDED);
        assertThat(ended.getReason()).isEqualTo("goals_met");
        assertThat(ended.getEndedAt()).isNotNull();
        assertThat(mentorships(steadyOak, MentorshipStatus.ENDED, "mentor")).extracting(Mentorship::getId).contains(robin.id());
        assertThatThrownBy(() -> steadyOak.call(api -> api.mentorships().logMeeting(robin.id(), new MeetingCreate()
            .date(LocalDate.now(ZoneOffset.UTC).minusDays(1)).durationMinutes(30).mode(MeetingMode.PHONE), null)))
            .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invalid_transition"));
        assertThat(steadyOak.call(api -> api.mentorships().listMeetings(robin.id(), null, null)).getData()).isEmpty();
    }

    @Test
    void someoneOutsideAMentorshipCannotSeeIt() {
        Mentorship fernsOwn = mentorships(fern, MentorshipStatus.ACTIVE, "participant").get(0);
        assertThat(fernsOwn.getMentorDisplayName()).isEqualTo("Steady Oak");

        assertThatThrownBy(() -> heron.call(api -> api.mentorships().getMentorship(fernsOwn.getId(), null)))
            .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
        assertThatThrownBy(() -> heron.call(api -> api.mentorships().listMeetings(fernsOwn.getId(), null, null)))
            .isInstanceOf(NotFoundException.class);
        assertThat(mentorships(heron, null, null)).extracting(Mentorship::getId).doesNotContain(fernsOwn.getId());
    }
}
