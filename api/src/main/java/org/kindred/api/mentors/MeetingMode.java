package org.kindred.api.mentors;

public enum MeetingMode {
    in_person,
    virtual,
    phone
}
