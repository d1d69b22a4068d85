package org.kindred.api.mentors;

import java.time.Instant;
import org.kindred.api.programs.FocusArea;

/** Filters of the mentor list; null means "any". */
public record MentorFilter(
    String viewerId,
    boolean viewerIsAdmin,
    String programId,
    String language,
    FocusArea livedExperience,
    MentorMode mode,
    Boolean accepting,
    MentorStatus status,
    Instant updatedSince) {
}
