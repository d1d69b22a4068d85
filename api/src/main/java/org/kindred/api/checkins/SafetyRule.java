package org.kindred.api.checkins;

import java.util.Optional;

/**
 * When a check-in needs the safety path: the participant says they are in crisis; or PHQ-4 total is 9 or
 * more (severe); or WHO-5 raw is below 13 (poor wellbeing) after a drop of 10 percentage points or more
 * since the participant's previous WHO-5.
 */
final class SafetyRule {
    private SafetyRule() {
    }

    static Optional<SafetyLevel> level(boolean inCrisis, Who5Score who5, Optional<Integer> previousWho5Raw, Phq4Score phq4) {
        if (inCrisis) {
            return Optional.of(SafetyLevel.crisis);
        }
        boolean severe = phq4 != null && phq4.total() >= Phq4Score.SEVERE_FROM;
        boolean falling = who5 != null && who5.poorWellbeing() && previousWho5Raw
            .map(previous -> previous * 4 - who5.percentage() >= Who5Score.MEANINGFUL_CHANGE)
            .orElse(false);
        return severe || falling ? Optional.of(SafetyLevel.elevated) : Optional.empty();
    }
}
