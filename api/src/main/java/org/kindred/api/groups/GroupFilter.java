package org.kindred.api.groups;

import java.time.Instant;
import org.kindred.api.venues.VenueFilter;

/** The group directory's filters; null means "any". {@code day} is 0-6, Sunday = 0. */
public record GroupFilter(
    String viewerId,
    boolean viewerIsAdmin,
    String text,
    String programId,
    GroupFormat format,
    String topic,
    String language,
    Integer day,
    VenueFilter.Near near,
    Boolean petFriendly,
    Boolean animalsPresent,
    GroupStatus status,
    Instant updatedSince) {
}
