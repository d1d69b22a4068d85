package org.kindred.api.checkins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.kindred.api.alerts.AlertService;
import org.kindred.api.audit.AuditAction;
import org.kindred.api.audit.AuditTrail;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.groups.GroupService;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ETags;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.FieldError;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.programs.Program;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.programs.ProgramStatus;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.RateLimiter;
import org.kindred.api.security.Role;

/**
 * Check-ins, the safety path and encouragement. A check-in that says its author is in crisis, or whose
 * instruments cross a risk threshold, is answered with the program's crisis lines in the same response and
 * raises an alert, in the same transaction as the check-in itself. Reading someone else's check-in writes an
 * audit row before the data is returned.
 */
public final class CheckinService {
    static final Duration EDIT_WINDOW = Duration.ofHours(24);

    private final Database db;
    private final CheckinStore store;
    private final EncouragementStore encouragements;
    private final ProgramService programs;
    private final GroupService groups;
    private final ProgramRoles roles;
    private final AlertService alerts;
    private final AuditTrail audit;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public CheckinService(Database db, CheckinStore store, EncouragementStore encouragements, ProgramService programs,
                          GroupService groups, ProgramRoles roles, AlertService alerts, AuditTrail audit,
                          RateLimiter rateLimiter, Clock clock) {
        this.db = db;
        this.store = store;
        this.encouragements = encouragements;
        this.programs = programs;
        this.groups = groups;
        this.roles = roles;
        this.alerts = alerts;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    public Checkin create(Principal caller, CheckinInput request) {
        CheckinInput input = request.withDefaults();
        input.validate();
        Program program = programs.get(Optional.of(caller), input.programId());
        if (!roles.of(caller, program.id()).contains(Role.participant)) {
            throw ApiException.forbidden("check-ins are for the program's participants");
        }
        // Only an active program is sure to have crisis lines for the safety path to show.
        if (program.status() != ProgramStatus.active) {
            throw new ApiException(ErrorCode.conflict, "the program is " + program.status()
                + "; check-ins are for active programs");
        }
        requireSharableGroup(caller, program.id(), input.visibility(), input.groupId());
        rateLimiter.consume("checkin_user", caller.userId());
        Who5Score who5 = input.who5() == null ? null : Who5Score.of(input.who5());
        Phq4Score phq4 = input.phq4() == null ? null : Phq4Score.of(input.phq4());
        Instant now = clock.instant();
        return db.write(handle -> {
            Optional<Integer> previousWho5 = who5 == null ? Optional.empty()
                : store.latestWho5(handle, program.id(), caller.userId());
            Optional<SafetyLevel> level = SafetyRule.level(input.inCrisis(), who5, previousWho5, phq4);
            Safety safety = level.map(l -> new Safety(l, l == SafetyLevel.crisis ? Safety.CRISIS : Safety.ELEVATED,
                program.crisisLines().stream().filter(line -> line.country().equals(program.country())).toList()))
                .orElse(null);
            Checkin checkin = new Checkin(Ids.next("chk"), program.id(), caller.userId(), caller.displayName(),
                input.mood(), input.energy(), input.tags(), input.note(), input.who5(), who5, input.phq4(), phq4,
                input.visibility(), input.groupId(), input.inCrisis(), safety, now, now);
            store.insert(handle, checkin);
            if (safety != null) {
                audit.record(handle, caller.userId(), AuditAction.safety_shown, caller.userId(), checkin.id());
                alerts.raise(handle, program.id(), caller.userId(), safety.level());
            }
            return checkin;
        });
    }

    public Checkin get(Principal caller, String id) {
        Optional<Checkin> own = store.findOwn(id, caller.userId());
        if (own.isPresent()) {
            return own.get();
        }
        Checkin checkin = store.findVisible(id, caller.userId()).orElseThrow(() -> ApiException.notFound("check-in " + id));
        if (checkin.participantId().equals(caller.userId())) {
            return checkin;
        }
        return db.write(handle -> {
            Checkin seen = store.findVisible(handle, id, caller.userId())
                .orElseThrow(() -> ApiException.notFound("check-in " + id));
            audit.record(handle, caller.userId(), AuditAction.checkin_read, seen.participantId(), seen.id());
            return seen.asSeenBy(caller.userId());
        });
    }

    /** The caller's own check-ins and those shared with them, newest first; others' reads are audited. */
    public Page<Checkin> list(CheckinFilter filter, PageRequest page) {
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "chk"));
        }
        Page<Checkin> read = Page.of(store.list(filter, page), page, c -> Cursor.of(c.id()));
        if (read.data().stream().allMatch(c -> c.participantId().equals(filter.viewerId()))) {
            return read;
        }
        // Someone else's check-ins are on the page: read it again in the transaction that audits the reading.
        return db.write(handle -> {
            List<Checkin> rows = store.list(filter, page);
            Page<Checkin> result = Page.of(rows, page, c -> Cursor.of(c.id()));
            auditReads(handle, filter.viewerId(), result.data());
            return result.map(c -> c.asSeenBy(filter.viewerId()));
        });
    }

    /** The author edits within 24 hours of checking in; the instruments and the crisis flag stay as sent. */
    public Checkin update(Principal caller, String id, String ifMatch, UnaryOperator<CheckinUpdate> change) {
        return db.write(handle -> {
            Checkin current = own(handle, caller, id);
            ETags.requireMatch(ifMatch, current);
            if (clock.instant().isAfter(current.createdAt().plus(EDIT_WINDOW))) {
                throw new ApiException(ErrorCode.conflict, "a check-in can be edited for 24 hours after it was made");
            }
            CheckinUpdate update = change.apply(new CheckinUpdate(current.mood(), current.energy(), current.tags(),
                current.note(), current.visibility(), current.groupId()));
            update.validate();
            requireSharableGroup(caller, current.programId(), update.visibility(), update.groupId());
            store.update(handle, id, update, clock.instant());
            return store.findVisible(handle, id, caller.userId()).orElseThrow();
        });
    }

    public void delete(Principal caller, String id, String ifMatch) {
        db.useWrite(handle -> {
            Checkin current = own(handle, caller, id);
            ETags.requireMatch(ifMatch, current);
            store.delete(handle, id);
        });
    }

    /** Anyone who can see a check-in, except its author, may encourage it. */
    public Encouragement encourage(Principal caller, String checkinId, EncouragementInput input) {
        input.validate();
        Checkin checkin = get(caller, checkinId);
        if (checkin.participantId().equals(caller.userId())) {
            throw new ApiException(ErrorCode.unprocessable, "encouragement is for other people's check-ins");
        }
        String id = Ids.next("enc");
        return db.write(handle -> {
            encouragements.insert(handle, id, checkinId, caller.userId(), input.message(), clock.instant());
            return encouragements.find(handle, id);
        });
    }

    public Page<Encouragement> encouragements(Principal caller, String checkinId, PageRequest page) {
        Checkin checkin = get(caller, checkinId);
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "enc"));
        }
        boolean author = checkin.participantId().equals(caller.userId());
        return Page.of(encouragements.list(checkinId, author, page), page, e -> Cursor.of(e.id()));
    }

    /** The author hides an encouragement from everyone else. */
    public Encouragement hide(Principal caller, String checkinId, String encouragementId) {
        return db.write(handle -> {
            own(handle, caller, checkinId);
            if (!encouragements.hide(handle, checkinId, encouragementId)) {
                throw ApiException.notFound("encouragement " + encouragementId);
            }
            return encouragements.find(handle, encouragementId);
        });
    }

    /** Small victories shared with groups of the program that the caller belongs to. */
    public Page<Celebration> celebrations(Principal caller, String programId, PageRequest page) {
        programs.get(Optional.of(caller), programId);
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "chk"));
        }
        return db.write(handle -> {
            Page<Checkin> shared = Page.of(store.celebrations(programId, caller.userId(), page), page,
                c -> Cursor.of(c.id()));
            auditReads(handle, caller.userId(), shared.data());
            Map<String, Integer> counts = encouragements.counts(handle, shared.data().stream().map(Checkin::id).toList());
            return shared.map(c -> new Celebration(c.id(), c.participantDisplayName(), c.groupId(), c.tags(),
                counts.getOrDefault(c.id(), 0), c.createdAt()));
        });
    }

    /** A person's own check-ins with their notes, and the encouragement they sent and received: for their export. */
    public List<Checkin> allOf(String userId) {
        return store.allOf(userId);
    }

    public List<Encouragement> encouragementsSentBy(String userId) {
        return encouragements.sentBy(userId);
    }

    public List<Encouragement> encouragementsReceivedBy(String userId) {
        return encouragements.receivedBy(userId);
    }

    private void auditReads(Handle handle, String viewerId, List<Checkin> checkins) {
        for (Checkin checkin : checkins) {
            if (!checkin.participantId().equals(viewerId)) {
                audit.record(handle, viewerId, AuditAction.checkin_read, checkin.participantId(), checkin.id());
            }
        }
    }

    /** The caller's own check-in: 404 when they cannot see it, 403 when it is someone else's they can see. */
    private Checkin own(Handle handle, Principal caller, String id) {
        Checkin checkin = store.findVisible(handle, id, caller.userId())
            .orElseThrow(() -> ApiException.notFound("check-in " + id));
        if (!checkin.participantId().equals(caller.userId())) {
            throw ApiException.forbidden("only its author changes a check-in");
        }
        return checkin;
    }

    /** A group share needs a group of the same program that the author belongs to. */
    private void requireSharableGroup(Principal caller, String programId, Visibility visibility, String groupId) {
        if (visibility != Visibility.group) {
            return;
        }
        boolean usable;
        try {
            GroupService.Visible group = groups.visible(Optional.of(caller), groupId);
            usable = group.group().programId().equals(programId) && group.access().isActiveMember();
        } catch (ApiException e) {
            usable = false;
        }
        if (!usable) {
            throw new ApiException(ErrorCode.unprocessable, "group_id must name a group of this program that you belong to",
                List.of(new FieldError("group_id", "invalid_reference", "is not a group of yours in this program")));
        }
    }
}
