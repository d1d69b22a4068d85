package org.kindred.api.members;

import java.util.List;
import org.kindred.api.http.Checks;
import org.kindred.api.programs.FocusArea;

/** What a participant looks for in a mentor; used to rank mentor matches. */
public record MatchPreferences(List<FocusArea> livedExperience, List<String> languages, MatchMode mode, String timezone) {
    public static final MatchPreferences NONE = new MatchPreferences(List.of(), List.of(), MatchMode.either, null);

    MatchPreferences withDefaults() {
        return new MatchPreferences(livedExperience == null ? List.of() : livedExperience,
            languages == null ? List.of() : languages, mode == null ? MatchMode.either : mode, timezone);
    }

    void validate() {
        new Checks().list("lived_experience", livedExperience, FocusArea.values().length)
            .list("languages", languages, 10)
            .languageTags("languages", languages)
            .timezone("timezone", timezone, false)
            .throwIfInvalid();
    }
}
