package org.kindred.api.checkins;

import java.time.Instant;

/** A kind word on a check-in. Hidden ones are seen only by the check-in's author. */
public record Encouragement(String id, String checkinId, String authorDisplayName, String message, boolean hidden,
                            Instant createdAt) {
}
