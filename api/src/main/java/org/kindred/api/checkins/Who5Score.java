package org.kindred.api.checkins;

import java.util.List;

/**
 * WHO-5 Well-Being Index: five items scored 0-5; raw 0-25, percentage = raw × 4. A raw score below 13 means
 * poor wellbeing; a change of 10 percentage points is meaningful.
 */
public record Who5Score(int raw, int percentage, boolean poorWellbeing) {
    public static final int ITEMS = 5;
    public static final int MAX_ITEM = 5;
    public static final int POOR_BELOW = 13;
    public static final int MEANINGFUL_CHANGE = 10;

    public static Who5Score of(List<Integer> answers) {
        int raw = answers.stream().mapToInt(Integer::intValue).sum();
        return new Who5Score(raw, raw * 4, raw < POOR_BELOW);
    }
}
