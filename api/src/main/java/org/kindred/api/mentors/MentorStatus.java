package org.kindred.api.mentors;

/** active: takes mentees (capacity permitting); paused: keeps current mentees, takes no new ones; withdrawn: mentors no more. */
public enum MentorStatus {
    active,
    paused,
    withdrawn
}
