package org.kindred.api.members;

/** A participant's place in a program: enrolled → completed → alumni. Alumni keep their peer connections. */
public enum EnrollmentStatus {
    enrolled,
    completed,
    alumni;

    boolean canBecome(EnrollmentStatus next) {
        return next == this || next.ordinal() == ordinal() + 1;
    }
}
