package org.kindred.api.checkins;

import java.time.Instant;
import java.util.List;

/** A small victory shared with a group, for its members to celebrate: display names only. */
public record Celebration(String checkinId, String participantDisplayName, String groupId, List<Tag> tags,
                          int encouragements, Instant createdAt) {
}
