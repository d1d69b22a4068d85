package org.kindred.api.mentors;

import java.util.List;
import org.kindred.api.programs.FocusArea;

/** Why a mentor was offered: what the two share, how they can meet, and how much room the mentor has. */
public record MatchReasons(
    List<FocusArea> sharedLivedExperience,
    List<String> sharedLanguages,
    MentorMode modeCompatible,
    int timezoneOverlapHours,
    int freeCapacity) {
}
