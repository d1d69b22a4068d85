package org.kindred.api.checkins;

import java.time.Instant;

/** Filters of the check-in list: whose, which group, and since when. */
public record CheckinFilter(String viewerId, String participantId, String groupId, Instant since) {
}
