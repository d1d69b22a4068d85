package org.kindred.api.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kindred.api.db.Database;
import org.kindred.api.groups.GroupMemberStatus;
import org.kindred.api.groups.GroupMemberStore;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.FieldError;
import org.kindred.api.http.Page;
import org.kindred.api.security.Principal;

/**
 * Facilitators record who came. Attendance is the group's record only: it adds nothing to a member's
 * check-ins unless the member chooses to say so there.
 */
public final class AttendanceService {
    private final Database db;
    private final SessionService sessions;
    private final AttendanceStore store;
    private final GroupMemberStore members;
    private final Clock clock;

    public AttendanceService(Database db, SessionService sessions, AttendanceStore store, GroupMemberStore members,
                             Clock clock) {
        this.db = db;
        this.sessions = sessions;
        this.store = store;
        this.members = members;
        this.clock = clock;
    }

    /** Checked and saved in one write transaction, so a member leaving or a session moving meanwhile is seen. */
    public Page<AttendanceRecord> record(Principal caller, String sessionId, AttendanceUpdate update) {
        update.validate();
        SessionId recorded = db.write(handle -> {
            SessionService.Resolved resolved = facilitated(caller, sessionId);
            Instant now = clock.instant();
            if (resolved.session().status() == SessionStatus.cancelled || resolved.session().startsAt().isAfter(now)) {
                throw new ApiException(ErrorCode.conflict,
                    "attendance is recorded once a session that took place has started");
            }
            List<FieldError> strangers = new ArrayList<>();
            for (int i = 0; i < update.records().size(); i++) {
                String userId = update.records().get(i).userId();
                if (members.statusOf(resolved.group().id(), userId).filter(s -> s == GroupMemberStatus.active)
                    .isEmpty()) {
                    strangers.add(new FieldError("records[" + i + "].user_id", "invalid_reference",
                        "is not a member of the group"));
                }
            }
            if (!strangers.isEmpty()) {
                throw new ApiException(ErrorCode.unprocessable,
                    "attendance can only be recorded for the group's members", strangers);
            }
            update.records().forEach(entry -> store.save(handle, resolved.id(), entry, caller.userId(), now));
            return resolved.id();
        });
        return all(recorded);
    }

    public Page<AttendanceRecord> list(Principal caller, String sessionId) {
        return all(facilitated(caller, sessionId).id());
    }

    private SessionService.Resolved facilitated(Principal caller, String sessionId) {
        SessionService.Resolved resolved = sessions.resolve(Optional.of(caller), sessionId);
        if (!resolved.access().canFacilitate()) {
            throw ApiException.forbidden("only the group's facilitators and the program's coordinators record attendance");
        }
        return resolved;
    }

    /** A session's attendance is as long as its group is large, so it comes in one page. */
    private Page<AttendanceRecord> all(SessionId id) {
        return new Page<>(store.list(id), false, null);
    }

    /** Every attendance record of a person, for their own data export. */
    public List<OwnAttendance> allOf(String userId) {
        return store.allOf(userId);
    }
}
