package org.kindred.api.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kindred.api.http.ApiException;

/** WHO-5 and PHQ-4 scoring, the answer checks, and the safety rule, at their edges. */
class ScoringTest {

    private static Who5Score who5(Integer... answers) {
        return Who5Score.of(List.of(answers));
    }

    private static Phq4Score phq4(Integer... answers) {
        return Phq4Score.of(List.of(answers));
    }

    /** Five answers adding up to {@code raw}. */
    private static Who5Score who5Raw(int raw) {
        Integer[] answers = new Integer[5];
        for (int i = 0; i < 5; i++) {
            answers[i] = Math.min(5, Math.max(0, raw - 5 * i));
        }
        return who5(answers);
    }

    @ParameterizedTest(name = "WHO-5 raw {0}: {1}%, poor {2}")
    @CsvSource({"0, 0, true", "12, 48, true", "13, 52, false", "25, 100, false"})
    void who5PercentageIsRawTimesFourAndPoorWellbeingIsBelowThirteen(int raw, int percentage, boolean poor) {
        Who5Score score = who5Raw(raw);

        assertThat(score).isEqualTo(new Who5Score(raw, percentage, poor));
    }

    @Test
    void who5AddsItsFiveItems() {
        assertThat(who5(1, 2, 3, 4, 2).raw()).isEqualTo(12);
        assertThat(who5(5, 0, 5, 0, 3).raw()).isEqualTo(13);
    }

    @ParameterizedTest(name = "PHQ-4 {0} {1} {2} {3}: total {4}, {5}")
    @CsvSource({
        "0, 0, 0, 0, 0, none",
        "1, 1, 0, 0, 2, none",
        "1, 1, 1, 0, 3, mild",
        "2, 1, 1, 1, 5, mild",
        "2, 2, 1, 1, 6, moderate",
        "2, 2, 2, 2, 8, moderate",
        "3, 2, 2, 2, 9, severe",
        "3, 3, 3, 3, 12, severe"})
    void phq4BandsItsTotal(int a, int b, int c, int d, int total, Phq4Band band) {
        Phq4Score score = phq4(a, b, c, d);

        assertThat(score.total()).isEqualTo(total);
        assertThat(score.band()).isEqualTo(band);
    }

    @ParameterizedTest(name = "PHQ-4 {0} {1} {2} {3}: anxiety {4} {5}, depression {6} {7}")
    @CsvSource({
        "1, 1, 1, 1, 2, false, 2, false",
        "2, 1, 0, 0, 3, true, 0, false",
        "0, 0, 1, 2, 0, false, 3, true",
        "1, 2, 2, 1, 3, true, 3, true",
        "0, 2, 2, 0, 2, false, 2, false"})
    void phq4SubscalesArePositiveFromThree(int a, int b, int c, int d, int anxiety, boolean anxious, int depression,
                                           boolean depressed) {
        Phq4Score score = phq4(a, b, c, d);

        assertThat(score.anxiety()).isEqualTo(anxiety);
        assertThat(score.anxietyPositive()).isEqualTo(anxious);
        assertThat(score.depression()).isEqualTo(depression);
        assertThat(score.depressionPositive()).isEqualTo(depressed);
    }

    private static List<String> answerErrors(List<Integer> who5, List<Integer> phq4) {
        CheckinInput input = new CheckinInput("prg_1", 3, null, null, null, who5, phq4, null, null, null).withDefaults();
        ApiException refused = catchThrowableOfType(ApiException.class, input::validate);
        if (refused == null) {
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        refused.errors().forEach(e -> errors.add(e.field() + " " + e.code()));
        return errors;
    }

    @Test
    void instrumentAnswersAtTheirLimitsAreAccepted() {
        assertThat(answerErrors(List.of(0, 0, 0, 0, 0), List.of(0, 0, 0, 0))).isEmpty();
        assertThat(answerErrors(List.of(5, 5, 5, 5, 5), List.of(3, 3, 3, 3))).isEmpty();
    }

    @Test
    void who5ItemsRunFromZeroToFive() {
        assertThat(answerErrors(List.of(0, 5, 6, 0, 0), null)).containsExactly("who5[2] out_of_range");
        assertThat(answerErrors(List.of(-1, 0, 0, 0, 0), null)).containsExactly("who5[0] out_of_range");
        assertThat(answerErrors(Arrays.asList(1, 1, 1, null, 1), null)).containsExactly("who5[3] required");
    }

    @Test
    void who5NeedsExactlyFiveAnswers() {
        assertThat(answerErrors(List.of(1, 1, 1, 1), null)).containsExactly("who5 invalid_value");
        assertThat(answerErrors(List.of(1, 1, 1, 1, 1, 1), null)).containsExactly("who5 invalid_value");
        assertThat(answerErrors(List.of(), null)).containsExactly("who5 invalid_value");
    }

    @Test
    void phq4ItemsRunFromZeroToThree() {
        assertThat(answerErrors(null, List.of(0, 0, 0, 4))).containsExactly("phq4[3] out_of_range");
        assertThat(answerErrors(null, List.of(0, -1, 0, 0))).containsExactly("phq4[1] out_of_range");
    }

    @Test
    void phq4NeedsExactlyFourAnswers() {
        assertThat(answerErrors(null, List.of(1, 1, 1))).containsExactly("phq4 invalid_value");
        assertThat(answerErrors(null, List.of(1, 1, 1, 1, 1))).containsExactly("phq4 invalid_value");
    }

    @Test
    void bothInstrumentsAreCheckedAtOnce() {
        assertThat(answerErrors(List.of(9, 0, 0, 0, 0), List.of(0, 0, 7, 0)))
            .containsExactly("who5[0] out_of_range", "phq4[2] out_of_range");
    }

    private static Optional<SafetyLevel> safety(boolean inCrisis, Who5Score who5, Integer previousRaw, Phq4Score phq4) {
        return SafetyRule.level(inCrisis, who5, Optional.ofNullable(previousRaw), phq4);
    }

    @Test
    void sayingYouAreInCrisisIsACrisisWhateverTheAnswers() {
        assertThat(safety(true, null, null, null)).contains(SafetyLevel.crisis);
        assertThat(safety(true, who5Raw(25), 25, phq4(0, 0, 0, 0))).contains(SafetyLevel.crisis);
        assertThat(safety(true, null, null, phq4(3, 3, 3, 3))).contains(SafetyLevel.crisis);
    }

    @Test
    void phq4IsElevatedFromNine() {
        assertThat(safety(false, null, null, phq4(2, 2, 2, 2))).isEmpty();
        assertThat(safety(false, null, null, phq4(3, 2, 2, 2))).contains(SafetyLevel.elevated);
        assertThat(safety(false, null, null, phq4(3, 3, 3, 3))).contains(SafetyLevel.elevated);
    }

    @Test
    void who5IsElevatedWhenPoorAfterADropOfTenPointsOrMore() {
        assertThat(safety(false, new Who5Score(12, 50, true), 15, null)).as("60% to 50%: 10 points")
            .contains(SafetyLevel.elevated);
        assertThat(safety(false, new Who5Score(12, 51, true), 15, null)).as("60% to 51%: 9 points").isEmpty();
    }

    @Test
    void who5DropsComeInStepsOfFourPoints() {
        assertThat(safety(false, who5Raw(12), 15, null)).as("raw 15 to 12: 12 points").contains(SafetyLevel.elevated);
        assertThat(safety(false, who5Raw(12), 14, null)).as("raw 14 to 12: 8 points").isEmpty();
        assertThat(safety(false, who5Raw(0), 3, null)).as("raw 3 to 0: 12 points").contains(SafetyLevel.elevated);
    }

    @Test
    void who5AtThirteenIsNotPoorHoweverFarItFell() {
        assertThat(safety(false, who5Raw(13), 25, null)).isEmpty();
    }

    @Test
    void aFirstWho5IsNeverADrop() {
        assertThat(safety(false, who5Raw(0), null, null)).isEmpty();
        assertThat(safety(false, who5Raw(12), null, null)).isEmpty();
    }

    @Test
    void aRiseIsNotADrop() {
        assertThat(safety(false, who5Raw(12), 5, null)).isEmpty();
    }

    @Test
    void aCheckinWithoutInstrumentsOrCrisisNeedsNoSafety() {
        assertThat(safety(false, null, 25, null)).isEmpty();
    }
}
