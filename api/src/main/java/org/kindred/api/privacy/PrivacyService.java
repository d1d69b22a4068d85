package org.kindred.api.privacy;

import java.time.Clock;
import org.kindred.api.alerts.AlertService;
import org.kindred.api.audit.AuditAction;
import org.kindred.api.audit.AuditTrail;
import org.kindred.api.checkins.CheckinService;
import org.kindred.api.db.Database;
import org.kindred.api.groups.GroupMemberService;
import org.kindred.api.http.ApiException;
import org.kindred.api.members.MemberService;
import org.kindred.api.mentors.MentorService;
import org.kindred.api.mentors.MentorshipService;
import org.kindred.api.security.PasswordHasher;
import org.kindred.api.security.Principal;
import org.kindred.api.security.RateLimiter;
import org.kindred.api.sessions.AttendanceService;
import org.kindred.api.sessions.RsvpService;
import org.kindred.api.users.Account;
import org.kindred.api.users.UserService;
import org.kindred.api.users.UserStore;

/**
 * A person's own data: all of it as one export, or erased. Erasure deletes the account, and with it (by
 * cascading foreign keys) every check-in, note, encouragement, membership, RSVP, mentorship, alert and token;
 * the audit log keeps its entries under a pseudonym. Both are audited in the same transaction.
 */
public final class PrivacyService {
    private final Database db;
    private final PrivacyStore store = new PrivacyStore();
    private final UserService users;
    private final UserStore accounts;
    private final MemberService members;
    private final GroupMemberService groupMembers;
    private final RsvpService rsvps;
    private final AttendanceService attendance;
    private final MentorService mentors;
    private final MentorshipService mentorships;
    private final CheckinService checkins;
    private final AlertService alerts;
    private final PasswordHasher hasher;
    private final RateLimiter rateLimiter;
    private final AuditTrail audit;
    private final Clock clock;

    public PrivacyService(Database db, UserService users, UserStore accounts, MemberService members,
                          GroupMemberService groupMembers, RsvpService rsvps, AttendanceService attendance,
                          MentorService mentors, MentorshipService mentorships,
                          CheckinService checkins, AlertService alerts, PasswordHasher hasher, RateLimiter rateLimiter,
                          AuditTrail audit, Clock clock) {
        this.db = db;
        this.users = users;
        this.accounts = accounts;
        this.members = members;
        this.groupMembers = groupMembers;
        this.rsvps = rsvps;
        this.attendance = attendance;
        this.mentors = mentors;
        this.mentorships = mentorships;
        this.checkins = checkins;
        this.alerts = alerts;
        this.hasher = hasher;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.clock = clock;
    }

    public DataExport export(Principal caller) {
        String id = caller.userId();
        DataExport export = new DataExport(clock.instant(), users.me(caller), members.preferencesOfUser(id),
            mentors.profilesOf(id), groupMembers.allOf(id), rsvps.allOf(id), attendance.allOf(id), mentorships.allOf(id),
            mentorships.meetingsOf(id), checkins.allOf(id), checkins.encouragementsSentBy(id),
            checkins.encouragementsReceivedBy(id), alerts.about(id));
        db.useWrite(handle -> audit.record(handle, id, AuditAction.data_exported, id, null));
        return export;
    }

    /** Erases the caller after checking their password (wrong passwords count against the login limit). */
    public void erase(Principal caller, ErasureRequest request) {
        request.validate();
        Account account = accounts.findById(caller.userId()).orElseThrow(() -> ApiException.notFound("account"));
        rateLimiter.consume("login_account", UserStore.normalize(account.email()));
        if (!hasher.matches(request.password(), account.passwordHash())) {
            throw ApiException.forbidden("the password is wrong; nothing was erased");
        }
        rateLimiter.refund("login_account", UserStore.normalize(account.email()));
        db.useWrite(handle -> {
            audit.record(handle, account.id(), AuditAction.account_erased, account.id(), null);
            audit.pseudonymise(handle, account.id());
            store.forgetIdempotentResponses(handle, account.id(), account.email());
            groupMembers.releaseAllSeatsOf(handle, account.id());
            store.deleteAccount(handle, account.id());
        });
    }
}
