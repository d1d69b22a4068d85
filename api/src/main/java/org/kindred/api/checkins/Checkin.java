package org.kindred.api.checkins;

import java.time.Instant;
import java.util.List;
import org.kindred.api.http.ReusableJson;

/**
 * A participant's check-in. The note is for its author alone: anyone the check-in is shared with gets null.
 * {@code safety} is set only in the response that created a check-in that needs it.
 */
@ReusableJson
public record Checkin(
    String id,
    String programId,
    String participantId,
    String participantDisplayName,
    int mood,
    Integer energy,
    List<Tag> tags,
    String note,
    List<Integer> who5,
    Who5Score who5Score,
    List<Integer> phq4,
    Phq4Score phq4Score,
    Visibility visibility,
    String groupId,
    boolean inCrisis,
    Safety safety,
    Instant createdAt,
    Instant updatedAt) {

    Checkin asSeenBy(String viewerId) {
        return viewerId.equals(participantId) ? this : new Checkin(id, programId, participantId, participantDisplayName,
            mood, energy, tags, null, who5, who5Score, phq4, phq4Score, visibility, groupId, inCrisis, null, createdAt,
            updatedAt);
    }

    Checkin withSafety(Safety safety) {
        return new Checkin(id, programId, participantId, participantDisplayName, mood, energy, tags, note, who5,
            who5Score, phq4, phq4Score, visibility, groupId, inCrisis, safety, createdAt, updatedAt);
    }
}
