package org.kindred.api.checkins;

import java.util.List;
import org.kindred.api.http.Checks;

/** What the author may change in the first 24 hours; instruments and the crisis flag stay as first sent. */
public record CheckinUpdate(Integer mood, Integer energy, List<Tag> tags, String note, Visibility visibility,
                            String groupId) {

    void validate() {
        Checks checks = new Checks();
        check(checks, mood, energy, tags, note, visibility, groupId);
        checks.throwIfInvalid();
    }

    static void check(Checks checks, Integer mood, Integer energy, List<Tag> tags, String note, Visibility visibility,
                      String groupId) {
        checks.required("mood", mood).range("mood", mood, 1, 5).range("energy", energy, 1, 5)
            .required("tags", tags).list("tags", tags, Tag.values().length)
            .text("note", note, 2000, false)
            .required("visibility", visibility);
        if (visibility == Visibility.group) {
            checks.text("group_id", groupId, 64, true);
        } else {
            checks.check(groupId == null, "group_id", "invalid_value", "is only for check-ins shared with a group");
        }
    }
}
