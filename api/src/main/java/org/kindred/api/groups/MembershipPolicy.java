package org.kindred.api.groups;

/** open: joining makes you a member; approval: a facilitator or coordinator approves; closed: no new members. */
public enum MembershipPolicy {
    open,
    approval,
    closed
}
