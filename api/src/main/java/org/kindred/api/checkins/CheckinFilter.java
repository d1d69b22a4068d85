package org.kindred.api.checkins;

import java.time.Instant;

/** Filters of the check-in list: whose, which group, and since when. */
public record CheckinFilter(String viewerId, String participantId, String groupId, Instant since) {

    /** True when the list can only hold the viewer's own check-ins, which need no audit. */
    boolean ownOnly() {
        return viewerId.equals(participantId);
    }
}
