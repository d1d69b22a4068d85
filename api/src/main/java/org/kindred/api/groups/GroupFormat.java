package org.kindred.api.groups;

/** How a group meets: at a venue, online, or both at once. */
public enum GroupFormat {
    in_person,
    virtual,
    hybrid;

    public boolean meetsInPerson() {
        return this != virtual;
    }

    public boolean meetsOnline() {
        return this != in_person;
    }
}
