package org.kindred.api.members;

import java.util.List;
import org.kindred.api.programs.FocusArea;

/** Matching preferences together with the program they were stated in. */
public record ProgramPreferences(String programId, List<FocusArea> livedExperience, List<String> languages,
                                 MatchMode mode, String timezone) {
}
