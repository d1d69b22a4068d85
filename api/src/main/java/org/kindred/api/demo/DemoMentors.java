package org.kindred.api.demo;

import java.time.LocalDate;
import java.util.List;
import org.kindred.api.Services;
import org.kindred.api.members.MatchMode;
import org.kindred.api.members.MatchPreferences;
import org.kindred.api.members.Member;
import org.kindred.api.mentors.Certification;
import org.kindred.api.mentors.ContactWindow;
import org.kindred.api.mentors.MeetingInput;
import org.kindred.api.mentors.MeetingMode;
import org.kindred.api.mentors.Mentor;
import org.kindred.api.mentors.MentorFilter;
import org.kindred.api.mentors.MentorInput;
import org.kindred.api.mentors.MentorMode;
import org.kindred.api.mentors.MentorStatus;
import org.kindred.api.mentors.Mentorship;
import org.kindred.api.mentors.MentorshipRequest;
import org.kindred.api.mentors.TrainedAnimal;
import org.kindred.api.mentors.Weekday;
import org.kindred.api.http.PageRequest;
import org.kindred.api.programs.FocusArea;
import org.kindred.api.programs.Program;
import org.kindred.api.security.Principal;
import org.kindred.api.venues.Species;

/**
 * Three mentors in Harbor Peer Circle: one with room and a therapy dog, one full, one paused; an active
 * mentorship with a logged meeting, one that fills a mentor, and one continuing after the program.
 */
final class DemoMentors {
    private final Services services;
    private final Principal coordinator;

    DemoMentors(Services services, Principal coordinator) {
        this.services = services;
        this.coordinator = coordinator;
    }

    void seed(Program harbor, Principal steadyOak, Principal brightHarbor, Principal quietLantern, Principal participant,
              Principal peer, Principal alumnus) {
        LocalDate today = LocalDate.now(services.clock());
        Mentor oak = profile(harbor, steadyOak, new MentorInput(
            "Twelve years past my worst panic attacks. I listen first and share what helped me.",
            List.of(FocusArea.anxiety, FocusArea.depression), List.of("en"),
            List.of(MentorMode.in_person, MentorMode.virtual), "America/Chicago", 3,
            List.of(new Certification("Certified Peer Specialist", "State Peer Certification Board", today.minusYears(2),
                    today.plusYears(1)),
                new Certification("Mental Health First Aid", "Community Training Network", today.minusYears(4),
                    today.minusYears(1))),
            new ContactWindow(List.of(Weekday.monday, Weekday.tuesday, Weekday.wednesday, Weekday.thursday), "17:00", "21:00"),
            new TrainedAnimal(Species.dog, "A calm certified therapy dog who joins in-person meetings when welcome."),
            MentorStatus.active));
        Mentor bright = profile(harbor, brightHarbor, new MentorInput(
            "Bilingual peer mentor; I know loneliness from the inside and how small steps add up.",
            List.of(FocusArea.loneliness, FocusArea.grief), List.of("en", "es"), List.of(MentorMode.virtual),
            "America/Chicago", 1, List.of(), null, null, MentorStatus.active));
        profile(harbor, quietLantern, new MentorInput("Taking a short break from new mentees this season.",
            List.of(FocusArea.substance_use, FocusArea.anxiety), List.of("en"), List.of(MentorMode.in_person),
            "America/Chicago", 2, List.of(), null, null, MentorStatus.paused));

        preferences(harbor, participant, new MatchPreferences(List.of(FocusArea.anxiety), List.of("en"), MatchMode.virtual,
            "America/Chicago"));
        Mentorship fern = mentorship(harbor, oak, participant, steadyOak, "I'd like help with evenings that spiral.");
        services.mentorships().logMeeting(steadyOak, fern.id(), new MeetingInput(today.minusDays(3), 45,
            MeetingMode.virtual, "Talked about a wind-down routine; follow up next week."));
        mentorship(harbor, bright, peer, brightHarbor, "Could we talk in Spanish sometimes?");
        Mentorship later = mentorship(harbor, oak, alumnus, steadyOak, null);
        services.mentorships().complete(steadyOak, later.id());
        services.mentorships().continueAfterCompletion(steadyOak, later.id());
        services.mentorships().continueAfterCompletion(alumnus, later.id());
    }

    private Mentor profile(Program program, Principal mentor, MentorInput profile) {
        Mentor created = services.mentors().list(new MentorFilter(mentor.userId(), false, program.id(), null, null, null,
                null, null, null), new PageRequest(100, null)).data().stream()
            .filter(m -> m.userId().equals(mentor.userId())).findFirst().orElseThrow();
        return services.mentors().update(mentor, created.id(), null, current -> profile);
    }

    private void preferences(Program program, Principal participant, MatchPreferences wanted) {
        Member member = services.members().participant(program.id(), participant.userId()).orElseThrow();
        services.members().setPreferences(participant, program.id(), member.id(), wanted);
    }

    private Mentorship mentorship(Program program, Mentor mentor, Principal participant, Principal mentorPerson,
                                  String message) {
        Mentorship requested = services.mentorships().request(coordinator,
            new MentorshipRequest(program.id(), mentor.id(), participant.userId(), message));
        return services.mentorships().accept(mentorPerson, requested.id());
    }
}
