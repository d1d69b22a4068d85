package org.kindred.api.members;

/** How a participant would like to meet a mentor. */
public enum MatchMode {
    in_person,
    virtual,
    either
}
