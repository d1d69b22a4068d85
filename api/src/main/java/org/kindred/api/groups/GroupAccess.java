package org.kindred.api.groups;

/**
 * What one caller may do with one group. Admins and the program's coordinators manage it; facilitators run
 * its sessions and members; active members, facilitators and managers see how to join online.
 */
public record GroupAccess(boolean manager, boolean facilitator, GroupMemberStatus memberStatus) {
    static final GroupAccess NONE = new GroupAccess(false, false, null);

    public boolean canFacilitate() {
        return manager || facilitator;
    }

    public boolean isActiveMember() {
        return memberStatus == GroupMemberStatus.active;
    }

    public boolean seesPrivateDetails() {
        return canFacilitate() || isActiveMember();
    }
}
