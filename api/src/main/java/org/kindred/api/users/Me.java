package org.kindred.api.users;

import java.time.Instant;
import java.util.List;
import org.kindred.api.members.Member;

/** The caller's own account and every role they hold. */
public record Me(
    String id,
    String email,
    String displayName,
    boolean admin,
    List<Member> memberships,
    Instant createdAt,
    Instant updatedAt) {
}
