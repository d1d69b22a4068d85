package org.kindred.api.mentors;

import java.time.Instant;
import java.util.List;
import org.kindred.api.programs.FocusArea;

/**
 * A mentor's profile in one program. {@code active_mentees} counts active mentorships;
 * {@code free_capacity} is what is left of the capacity, and 0 unless the mentor is active.
 */
public record Mentor(
    String id,
    String programId,
    String userId,
    String displayName,
    String bio,
    List<FocusArea> livedExperience,
    List<String> languages,
    List<MentorMode> modes,
    String timezone,
    int capacity,
    List<HeldCertification> certifications,
    ContactWindow contactWindow,
    TrainedAnimal trainedAnimal,
    MentorStatus status,
    int activeMentees,
    int freeCapacity,
    Instant createdAt,
    Instant updatedAt) {

    static int freeCapacity(MentorStatus status, int capacity, int activeMentees) {
        return status == MentorStatus.active ? Math.max(0, capacity - activeMentees) : 0;
    }
}
