package org.kindred.api.checkins;

import java.util.List;
import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/checkins}. */
public record CheckinInput(
    String programId,
    Integer mood,
    Integer energy,
    List<Tag> tags,
    String note,
    List<Integer> who5,
    List<Integer> phq4,
    Visibility visibility,
    String groupId,
    Boolean inCrisis) {

    CheckinInput withDefaults() {
        return new CheckinInput(programId, mood, energy, tags == null ? List.of() : tags, note, who5, phq4,
            visibility == null ? Visibility.private_ : visibility, groupId, Boolean.TRUE.equals(inCrisis));
    }

    void validate() {
        Checks checks = new Checks().text("program_id", programId, 64, true);
        CheckinUpdate.check(checks, mood, energy, tags, note, visibility, groupId);
        answers(checks, "who5", who5, Who5Score.ITEMS, Who5Score.MAX_ITEM);
        answers(checks, "phq4", phq4, Phq4Score.ITEMS, Phq4Score.MAX_ITEM);
        checks.throwIfInvalid();
    }

    private static void answers(Checks checks, String field, List<Integer> answers, int items, int max) {
        if (answers == null) {
            return;
        }
        checks.check(answers.size() == items, field, "invalid_value", "must have exactly " + items + " answers");
        for (int i = 0; i < answers.size(); i++) {
            checks.required(field + "[" + i + "]", answers.get(i)).range(field + "[" + i + "]", answers.get(i), 0, max);
        }
    }
}
