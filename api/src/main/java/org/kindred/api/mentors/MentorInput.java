package org.kindred.api.mentors;

import java.time.LocalDate;
import java.util.List;
import org.kindred.api.http.Checks;
import org.kindred.api.programs.FocusArea;

/** What a mentor (or the program's coordinators) may write about a mentor profile; PATCHes merge into it. */
public record MentorInput(
    String bio,
    List<FocusArea> livedExperience,
    List<String> languages,
    List<MentorMode> modes,
    String timezone,
    Integer capacity,
    List<Certification> certifications,
    ContactWindow contactWindow,
    TrainedAnimal trainedAnimal,
    MentorStatus status) {

    static MentorInput of(Mentor mentor) {
        return new MentorInput(mentor.bio(), mentor.livedExperience(), mentor.languages(), mentor.modes(),
            mentor.timezone(), mentor.capacity(),
            mentor.certifications().stream().map(HeldCertification::asWritten).toList(), mentor.contactWindow(),
            mentor.trainedAnimal(), mentor.status());
    }

    MentorInput withStatus(MentorStatus newStatus) {
        return new MentorInput(bio, livedExperience, languages, modes, timezone, capacity, certifications, contactWindow,
            trainedAnimal, newStatus);
    }

    MentorInput withDefaults() {
        return new MentorInput(bio, livedExperience == null ? List.of() : livedExperience,
            languages == null ? List.of() : languages, modes == null ? List.of() : modes, timezone, capacity,
            certifications == null ? List.of() : certifications, contactWindow, trainedAnimal, status);
    }

    void validate() {
        Checks checks = new Checks()
            .text("bio", bio, 2000, false)
            .list("lived_experience", livedExperience, FocusArea.values().length)
            .list("languages", languages, 10)
            .languageTags("languages", languages)
            .list("modes", modes, MentorMode.values().length)
            .timezone("timezone", timezone, true)
            .required("capacity", capacity)
            .range("capacity", capacity, 0, 20)
            .list("certifications", certifications, 20)
            .required("status", status);
        for (int i = 0; i < certifications.size(); i++) {
            if (certifications.get(i) != null) {
                certifications.get(i).check(checks, "certifications[" + i + "]");
            }
        }
        if (contactWindow != null) {
            contactWindow.check(checks);
        }
        if (trainedAnimal != null) {
            trainedAnimal.check(checks);
        }
        checks.throwIfInvalid();
    }

    List<HeldCertification> held(LocalDate today) {
        return certifications.stream().map(certification -> certification.held(today)).toList();
    }
}
