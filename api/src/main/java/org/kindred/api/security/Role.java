package org.kindred.api.security;

/** A role a person holds in one program. {@code admin} is global and lives on the account instead. */
public enum Role {
    coordinator,
    mentor,
    participant
}
