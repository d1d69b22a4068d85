package org.kindred.api.programs;

/** open: anyone with an account may enroll; invite_only: only with a coordinator's invitation. */
public enum EnrollmentPolicy {
    open,
    invite_only
}
