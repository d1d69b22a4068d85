package org.kindred.api.sessions;

/** How a member attends a session: in the room or online. Seats are counted per mode. */
public enum AttendanceMode {
    in_person,
    online
}
