package org.kindred.api.security;

/** The authenticated caller, loaded from the database on every request. */
public record Principal(String userId, String displayName, boolean admin) {
}
