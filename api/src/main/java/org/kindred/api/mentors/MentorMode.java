package org.kindred.api.mentors;

public enum MentorMode {
    in_person,
    virtual
}
