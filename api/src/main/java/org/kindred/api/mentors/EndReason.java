package org.kindred.api.mentors;

public enum EndReason {
    participant_request,
    mentor_request,
    goals_met,
    no_contact,
    safety_concern,
    mentor_withdrew,
    left_program,
    other
}
