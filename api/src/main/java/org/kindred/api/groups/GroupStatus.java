package org.kindred.api.groups;

/** active and paused groups are public (paused ones are shown as temporarily closed); archived ones are not. */
public enum GroupStatus {
    active,
    paused,
    archived
}
