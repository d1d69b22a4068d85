package org.kindred.api.sessions;

/** going: has a seat; waitlisted: in line for one; cancelled: not coming. */
public enum RsvpStatus {
    going,
    waitlisted,
    cancelled
}
