package org.kindred.api.privacy;

import java.time.Instant;
import java.util.List;
import org.kindred.api.alerts.Alert;
import org.kindred.api.checkins.Checkin;
import org.kindred.api.checkins.Encouragement;
import org.kindred.api.groups.GroupMember;
import org.kindred.api.members.ProgramPreferences;
import org.kindred.api.mentors.Meeting;
import org.kindred.api.mentors.Mentor;
import org.kindred.api.mentors.Mentorship;
import org.kindred.api.sessions.OwnAttendance;
import org.kindred.api.sessions.Rsvp;
import org.kindred.api.users.Me;

/** Everything Kindred holds about one person, as one document they can take with them. */
public record DataExport(
    Instant exportedAt,
    Me account,
    List<ProgramPreferences> matchPreferences,
    List<Mentor> mentorProfiles,
    List<GroupMember> groupMemberships,
    List<Rsvp> rsvps,
    List<OwnAttendance> attendance,
    List<Mentorship> mentorships,
    List<Meeting> mentorshipMeetings,
    List<Checkin> checkins,
    List<Encouragement> encouragementsSent,
    List<Encouragement> encouragementsReceived,
    List<Alert> alerts) {
}
