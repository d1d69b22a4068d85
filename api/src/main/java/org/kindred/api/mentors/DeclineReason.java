package org.kindred.api.mentors;

public enum DeclineReason {
    no_capacity,
    not_a_good_fit,
    unavailable,
    other
}
