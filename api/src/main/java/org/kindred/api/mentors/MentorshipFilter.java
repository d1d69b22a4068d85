package org.kindred.api.mentors;

/** Filters of the mentorship list; {@code as} narrows to the caller's side (mentor or participant). */
public record MentorshipFilter(String viewerId, boolean viewerIsAdmin, String programId, MentorshipStatus status,
                               Side as) {

    public enum Side {
        mentor,
        participant
    }
}
