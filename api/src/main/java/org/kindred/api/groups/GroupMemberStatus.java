package org.kindred.api.groups;

/** pending: asked to join a group that approves its members; active: a member. */
public enum GroupMemberStatus {
    pending,
    active
}
