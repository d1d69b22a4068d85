package org.kindred.api.users;

import java.time.Instant;

/** An account as admins see it when looking people up. */
public record User(String id, String email, String displayName, boolean admin, Instant createdAt, Instant updatedAt) {

    static User of(Account account) {
        return new User(account.id(), account.email(), account.displayName(), account.admin(), account.createdAt(),
            account.updatedAt());
    }
}
