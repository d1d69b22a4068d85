package org.kindred.api.mentors;

import java.time.Instant;

/**
 * A mentor and a participant. {@code reason} says why it was declined or ended; the two
 * {@code *_agreed_to_continue} flags show who has asked to continue after completion.
 */
public record Mentorship(
    String id,
    String programId,
    String mentorId,
    String mentorUserId,
    String mentorDisplayName,
    String participantId,
    String participantDisplayName,
    MentorshipStatus status,
    String message,
    String reason,
    boolean mentorAgreedToContinue,
    boolean participantAgreedToContinue,
    Instant startedAt,
    Instant endedAt,
    Instant createdAt,
    Instant updatedAt) {
}
