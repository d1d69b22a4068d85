package org.kindred.api.checkins;

import java.util.List;

/**
 * PHQ-4: four items scored 0-3; total 0-12 banded none (0-2), mild (3-5), moderate (6-8), severe (9-12).
 * Items 1-2 are the anxiety subscale and 3-4 the depression subscale; 3 or more on either is a positive screen.
 */
public record Phq4Score(int total, Phq4Band band, int anxiety, boolean anxietyPositive, int depression,
                        boolean depressionPositive) {
    public static final int ITEMS = 4;
    public static final int MAX_ITEM = 3;
    public static final int SEVERE_FROM = 9;
    static final int POSITIVE_SCREEN_FROM = 3;

    public static Phq4Score of(List<Integer> answers) {
        int anxiety = answers.get(0) + answers.get(1);
        int depression = answers.get(2) + answers.get(3);
        int total = anxiety + depression;
        Phq4Band band = total <= 2 ? Phq4Band.none : total <= 5 ? Phq4Band.mild : total <= 8 ? Phq4Band.moderate : Phq4Band.severe;
        return new Phq4Score(total, band, anxiety, anxiety >= POSITIVE_SCREEN_FROM, depression,
            depression >= POSITIVE_SCREEN_FROM);
    }
}
