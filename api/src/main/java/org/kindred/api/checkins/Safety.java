package org.kindred.api.checkins;

import java.util.List;
import org.kindred.api.programs.CrisisLine;

/** What a check-in response carries when someone may need help now: a message and the program's crisis lines. */
public record Safety(SafetyLevel level, String message, List<CrisisLine> crisisLines) {
    static final String CRISIS = "You said you are in crisis. You are not alone: please reach out now to one of these "
        + "lines. We have let the people supporting you in this program know that you need support.";
    static final String ELEVATED = "Your answers suggest things are hard right now. These lines are there for you at "
        + "any time, and we have let the people supporting you in this program know.";
}
