package org.kindred.api.users;

import java.time.Instant;

/** A stored account, including its password hash; never leaves the server as is. */
public record Account(
    String id,
    String email,
    String passwordHash,
    String displayName,
    boolean admin,
    Instant createdAt,
    Instant updatedAt) {
}
