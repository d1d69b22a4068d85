package org.kindred.api.sessions;

import java.time.Instant;

/**
 * One meeting of a group. {@code scheduled_starts_at} is where the schedule put it; {@code starts_at} and
 * {@code ends_at} are where it is now (a facilitator may move one session without touching the series).
 * Seats are per attendance mode; a mode the group does not offer is null.
 */
public record Session(
    String id,
    String groupId,
    Instant startsAt,
    Instant endsAt,
    Instant scheduledStartsAt,
    SessionStatus status,
    String note,
    Seats inPerson,
    Seats online) {
}
