package org.kindred.api;

import java.time.Clock;
import org.kindred.api.auth.AuthService;
import org.kindred.api.config.Config;
import org.kindred.api.db.Database;
import org.kindred.api.invitations.InvitationService;
import org.kindred.api.invitations.InvitationStore;
import org.kindred.api.members.MemberService;
import org.kindred.api.members.MemberStore;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.programs.ProgramStore;
import org.kindred.api.security.AccessTokens;
import org.kindred.api.security.PasswordHasher;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.RateLimiter;
import org.kindred.api.security.SigningKeys;
import org.kindred.api.users.UserService;
import org.kindred.api.users.UserStore;
import org.kindred.api.venues.VenueService;
import org.kindred.api.venues.VenueStore;

/** Every service, wired once from the configuration and the database; the HTTP app, the CLI and the demo share it. */
public record Services(
    Database db,
    Clock clock,
    SigningKeys keys,
    AccessTokens accessTokens,
    RateLimiter rateLimiter,
    AuthService auth,
    UserService users,
    ProgramService programs,
    MemberService members,
    InvitationService invitations,
    VenueService venues) {

    /** At most this many password hashes at once: Argon2 is meant to be slow, and the server has few cores. */
    private static final int HASHING_CONCURRENCY = 2;

    /** Timestamps are kept to the millisecond, as stored, so a created resource reads back identical. */
    public static Services wire(Config config, Database db, Clock systemClock) {
        Clock clock = Clock.tick(systemClock, java.time.Duration.ofMillis(1));
        SigningKeys keys = SigningKeys.loadOrCreate(config.keysDirectory());
        AccessTokens accessTokens = new AccessTokens(keys, config.baseUrl(), clock);
        RateLimiter rateLimiter = new RateLimiter(config.rateLimits());
        PasswordHasher hasher = new PasswordHasher(HASHING_CONCURRENCY);
        ProgramRoles roles = new ProgramRoles(db);
        UserStore userStore = new UserStore(db);
        MemberStore memberStore = new MemberStore(db);
        ProgramStore programStore = new ProgramStore(db);
        UserService users = new UserService(db, userStore, memberStore, hasher, rateLimiter, clock);
        ProgramService programs = new ProgramService(db, programStore, roles, clock);
        MemberService members = new MemberService(db, memberStore, userStore, programs, roles, clock);
        InvitationService invitations = new InvitationService(db, new InvitationStore(db), programs, programStore,
            members, roles, rateLimiter, clock);
        AuthService auth = new AuthService(db, userStore, hasher, accessTokens, rateLimiter, clock);
        VenueService venues = new VenueService(db, new VenueStore(db), programs, roles, clock);
        return new Services(db, clock, keys, accessTokens, rateLimiter, auth, users, programs, members, invitations,
            venues);
    }
}
