package org.kindred.api.mentors;

import java.util.Set;

/**
 * requested → active → completed → continuing; requested → declined; requested, active or continuing → ended.
 * A continuing mentorship is peer support after the program, outside the program staff's view.
 */
public enum MentorshipStatus {
    requested,
    active,
    declined,
    ended,
    completed,
    continuing;

    /** The states in which the mentor may see what the mentee shares with them. */
    public static final Set<MentorshipStatus> SUPPORTING = Set.of(active, continuing);
}
