package org.kindred.api.invitations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ETags;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.members.Member;
import org.kindred.api.members.MemberService;
import org.kindred.api.programs.Program;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.programs.ProgramStore;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.RateLimiter;
import org.kindred.api.security.Secrets;

/**
 * Invitations into invite-only programs: coordinators create single-use codes that expire; a person with
 * an account redeems one to take its role. Codes are 12 characters from an alphabet without look-alikes
 * (about 60 bits), stored only as SHA-256 digests, and redemption attempts are rate limited per person.
 */
public final class InvitationService {
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    private final Database db;
    private final InvitationStore store;
    private final ProgramService programs;
    private final ProgramStore programStore;
    private final MemberService members;
    private final ProgramRoles roles;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public InvitationService(Database db, InvitationStore store, ProgramService programs, ProgramStore programStore,
                             MemberService members, ProgramRoles roles, RateLimiter rateLimiter, Clock clock) {
        this.db = db;
        this.store = store;
        this.programs = programs;
        this.programStore = programStore;
        this.members = members;
        this.roles = roles;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    public Invitation create(Principal caller, String programId, InvitationInput input) {
        programs.get(Optional.of(caller), programId);
        roles.requireManager(caller, programId);
        input.validate();
        String code = newCode();
        Instant now = clock.instant();
        Invitation invitation = new Invitation(Ids.next("inv"), programId, input.role(), null,
            InvitationStatus.pending, now.plus(Duration.ofDays(input.days())), null, null, null, now);
        db.useWrite(handle -> store.insert(handle, invitation, digest(code), caller.userId()));
        return invitation.withCode(code);
    }

    public Page<Invitation> list(Principal caller, String programId, PageRequest page) {
        programs.get(Optional.of(caller), programId);
        roles.requireManager(caller, programId);
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "inv"));
        }
        return Page.of(store.list(programId, page, clock.instant()), page, invitation -> Cursor.of(invitation.id()));
    }

    public Invitation get(Principal caller, String programId, String invitationId) {
        programs.get(Optional.of(caller), programId);
        roles.requireManager(caller, programId);
        return db.read(handle -> store.find(handle, programId, invitationId, clock.instant()))
            .orElseThrow(() -> ApiException.notFound("invitation " + invitationId));
    }

    public void revoke(Principal caller, String programId, String invitationId, String ifMatch) {
        programs.get(Optional.of(caller), programId);
        roles.requireManager(caller, programId);
        Instant now = clock.instant();
        db.useWrite(handle -> {
            Invitation invitation = store.find(handle, programId, invitationId, now)
                .orElseThrow(() -> ApiException.notFound("invitation " + invitationId));
            if (invitation.status() == InvitationStatus.revoked) {
                return;
            }
            ETags.requireMatch(ifMatch, invitation);
            if (invitation.status() == InvitationStatus.redeemed) {
                throw new ApiException(ErrorCode.invitation_unusable,
                    "this invitation was already redeemed; remove the member instead");
            }
            store.markRevoked(handle, invitationId, now);
        });
    }

    public Member redeem(Principal caller, RedeemRequest request) {
        request.validate();
        rateLimiter.consume("redeem_user", caller.userId());
        Instant now = clock.instant();
        return db.write(handle -> {
            Invitation invitation = store.findByCodeHash(handle, digest(request.code()), now)
                .orElseThrow(() -> ApiException.notFound("invitation with this code"));
            if (invitation.status() != InvitationStatus.pending) {
                throw new ApiException(ErrorCode.invitation_unusable, "this invitation is " + invitation.status()
                    + "; ask the program's coordinators for a new one");
            }
            Program program = programStore.find(handle, invitation.programId()).orElseThrow();
            Member member = members.grant(handle, program, caller.userId(), invitation.role().role());
            store.markRedeemed(handle, invitation.id(), caller.userId(), now);
            return member;
        });
    }

    private static String newCode() {
        String raw = Secrets.randomCode(ALPHABET, 12);
        return raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8);
    }

    /** Codes are compared without dashes, spaces or case, as people type them. */
    private static String digest(String code) {
        return Secrets.sha256Hex(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
    }
}
