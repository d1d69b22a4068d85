package org.kindred.api.groups;

import java.time.Instant;

/** A person's membership of a group. Members listing each other see display names only (user_id is null). */
public record GroupMember(String id, String groupId, String userId, String displayName, GroupMemberStatus status,
                          Instant createdAt, Instant updatedAt) {

    GroupMember withoutUserId() {
        return new GroupMember(id, groupId, null, displayName, status, createdAt, updatedAt);
    }
}
