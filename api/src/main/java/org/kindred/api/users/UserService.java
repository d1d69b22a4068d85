package org.kindred.api.users;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.db.ReadCache;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ETags;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.members.MemberStore;
import org.kindred.api.security.PasswordHasher;
import org.kindred.api.security.Principal;
import org.kindred.api.security.RateLimiter;

/** Accounts: creating them, a person's own view and edits, and admins looking people up. */
public final class UserService {
    /** Signed-in callers kept between writes; well above the active accounts of a small program. */
    private static final int PRINCIPALS_KEPT = 10_000;

    private final Database db;
    private final UserStore store;
    private final MemberStore members;
    private final PasswordHasher hasher;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final ReadCache<String, Optional<Principal>> principals;

    public UserService(Database db, UserStore store, MemberStore members, PasswordHasher hasher,
                       RateLimiter rateLimiter, Clock clock) {
        this.db = db;
        this.store = store;
        this.members = members;
        this.hasher = hasher;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.principals = new ReadCache<>(db, PRINCIPALS_KEPT);
    }

    /** Self-service sign-up, limited per client address. */
    public Me register(RegisterRequest request, String clientAddress) {
        request.check();
        rateLimiter.consume("register_ip", clientAddress);
        return me(create(new NewAccount(request.email(), request.password(), request.displayName(), false)));
    }

    /** Hashes the password first (slow, holds no lock), then stores the account; a 409 if the email is taken. */
    public Account create(NewAccount request) {
        String hash = hasher.hash(request.password());
        Instant now = clock.instant();
        Account account = new Account(Ids.next("usr"), request.email().strip(), hash, request.displayName().strip(),
            request.admin(), now, now);
        return db.write(handle -> {
            if (!store.insert(handle, account)) {
                throw new ApiException(ErrorCode.email_taken, "an account with this email already exists; log in instead");
            }
            return account;
        });
    }

    /** The account behind a token, read on every request; kept until the next write, so an erasure counts at once. */
    public Optional<Principal> principal(String userId) {
        return principals.get(userId,
            id -> store.findById(id).map(a -> new Principal(a.id(), a.displayName(), a.admin())));
    }

    public boolean anyAdmin() {
        return store.anyAdmin();
    }

    public Me me(Principal caller) {
        Account account = store.findById(caller.userId()).orElseThrow(() -> ApiException.notFound("account"));
        return me(account);
    }

    public Me update(Principal caller, String ifMatch, UnaryOperator<MeUpdate> change) {
        return db.write(handle -> {
            Me current = me(caller);
            ETags.requireMatch(ifMatch, current);
            MeUpdate update = change.apply(new MeUpdate(current.displayName()));
            update.validate();
            store.updateDisplayName(handle, caller.userId(), update.displayName().strip(), clock.instant());
            return me(caller);
        });
    }

    public Page<User> list(Principal caller, String email, PageRequest page) {
        if (!caller.admin()) {
            throw ApiException.forbidden("only admins look up accounts");
        }
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "usr"));
        }
        return Page.of(store.list(email, page), page, account -> Cursor.of(account.id())).map(User::of);
    }

    private Me me(Account account) {
        return new Me(account.id(), account.email(), account.displayName(), account.admin(),
            members.listForUser(account.id()), account.createdAt(), account.updatedAt());
    }
}
