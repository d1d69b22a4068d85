package org.kindred.api;

import java.time.Clock;
import java.util.List;
import org.kindred.api.alerts.AlertService;
import org.kindred.api.alerts.AlertStore;
import org.kindred.api.audit.AuditTrail;
import org.kindred.api.auth.AuthService;
import org.kindred.api.checkins.CheckinService;
import org.kindred.api.checkins.CheckinStore;
import org.kindred.api.checkins.EncouragementStore;
import org.kindred.api.privacy.PrivacyService;
import org.kindred.api.progress.ProgressService;
import org.kindred.api.config.Config;
import org.kindred.api.feeds.MeetingGuideFeed;
import org.kindred.api.groups.GroupMemberService;
import org.kindred.api.groups.GroupMemberStore;
import org.kindred.api.groups.GroupService;
import org.kindred.api.groups.GroupStore;
import org.kindred.api.sessions.AttendanceService;
import org.kindred.api.sessions.AttendanceStore;
import org.kindred.api.sessions.CalendarService;
import org.kindred.api.sessions.RsvpService;
import org.kindred.api.sessions.RsvpStore;
import org.kindred.api.sessions.SessionService;
import org.kindred.api.sessions.SessionStore;
import org.kindred.api.db.Database;
import org.kindred.api.invitations.InvitationService;
import org.kindred.api.invitations.InvitationStore;
import org.kindred.api.members.MemberService;
import org.kindred.api.members.MemberStore;
import org.kindred.api.members.PreferencesStore;
import org.kindred.api.mentors.MatchService;
import org.kindred.api.mentors.MentorService;
import org.kindred.api.mentors.MentorStore;
import org.kindred.api.mentors.MentorshipService;
import org.kindred.api.mentors.MentorshipStore;
import org.kindred.api.programs.ProgramService;
import org.kindred.api.programs.ProgramStore;
import org.kindred.api.security.AccessTokens;
import org.kindred.api.security.PasswordHasher;
import org.kindred.api.security.ProgramRoles;
import org.kindred.api.security.RateLimiter;
import org.kindred.api.security.SigningKeys;
import org.kindred.api.users.UserService;
import org.kindred.api.users.UserStore;
import org.kindred.api.venues.VenueLocations;
import org.kindred.api.venues.VenueService;
import org.kindred.api.venues.VenueStore;

/** Every service, wired once from the configuration and the database; the HTTP app, the CLI and the demo share it. */
public record Services(
    Config config,
    Database db,
    Clock clock,
    SigningKeys keys,
    AccessTokens accessTokens,
    RateLimiter rateLimiter,
    PasswordHasher hasher,
    AuthService auth,
    UserService users,
    ProgramService programs,
    MemberService members,
    InvitationService invitations,
    VenueService venues,
    GroupService groups,
    GroupMemberService groupMembers,
    SessionService sessions,
    RsvpService rsvps,
    AttendanceService attendance,
    CalendarService calendars,
    MeetingGuideFeed meetingGuide,
    MentorService mentors,
    MatchService matches,
    MentorshipService mentorships,
    AuditTrail audit,
    AlertService alerts,
    CheckinService checkins,
    ProgressService progress,
    PrivacyService privacy) {

    /**
     * At most this many password hashes at once: Argon2 is meant to be slow, so a flood of logins may use half
     * the cores (one on a 2-core server), each half of the time, leaving the rest to everyone else's requests.
     */
    private static final int HASHING_CONCURRENCY = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    /** The same services on the same database, keeping time by another clock (the demo seeds its history so). */
    public Services withClock(Clock other) {
        return wire(config, db, other, hasher);
    }

    public static Services wire(Config config, Database db, Clock systemClock) {
        return wire(config, db, systemClock, new PasswordHasher(HASHING_CONCURRENCY));
    }

    /** Timestamps are kept to the millisecond, as stored, so a created resource reads back identical. */
    public static Services wire(Config config, Database db, Clock systemClock, PasswordHasher hasher) {
        Clock clock = Clock.tick(systemClock, java.time.Duration.ofMillis(1));
        SigningKeys keys = SigningKeys.loadOrCreate(config.keysDirectory());
        AccessTokens accessTokens = new AccessTokens(keys, config.baseUrl(), clock);
        RateLimiter rateLimiter = new RateLimiter(config.rateLimits());
        ProgramRoles roles = new ProgramRoles(db);
        UserStore userStore = new UserStore(db);
        MemberStore memberStore = new MemberStore(db);
        ProgramStore programStore = new ProgramStore(db);
        UserService users = new UserService(db, userStore, memberStore, hasher, rateLimiter, clock);
        ProgramService programs = new ProgramService(db, programStore, roles, clock);
        MentorStore mentorStore = new MentorStore(db);
        MentorshipService mentorships = new MentorshipService(db, new MentorshipStore(db), mentorStore, programs, roles,
            clock);
        MentorService mentors = new MentorService(db, mentorStore, mentorships, programs, roles, clock);
        AuthService auth = new AuthService(db, userStore, hasher, accessTokens, rateLimiter, clock);
        VenueLocations venueLocations = new VenueLocations(db);
        VenueStore venueStore = new VenueStore(db, venueLocations);
        GroupStore groupStore = new GroupStore(db, venueLocations);
        GroupMemberStore groupMemberStore = new GroupMemberStore(db);
        GroupService groups = new GroupService(db, groupStore, groupMemberStore, venueStore, programs, roles, clock);
        VenueService venues = new VenueService(db, venueStore, programs, roles, groups, clock);
        RsvpStore rsvpStore = new RsvpStore(db);
        SessionService sessions = new SessionService(db, groups, new SessionStore(db), rsvpStore, clock);
        RsvpService rsvps = new RsvpService(db, sessions, rsvpStore, clock);
        GroupMemberService groupMembers = new GroupMemberService(db, groupMemberStore, groups, roles, rsvps, clock);
        MemberService members = new MemberService(db, memberStore, userStore, programs, roles, new PreferencesStore(db),
            List.of(mentors, mentorships, groupMembers), clock);
        MatchService matches = new MatchService(mentorStore, members, programs, roles, clock);
        InvitationService invitations = new InvitationService(db, new InvitationStore(db), programs, programStore,
            members, roles, rateLimiter, clock);
        AttendanceService attendance = new AttendanceService(db, sessions, new AttendanceStore(db), groupMemberStore, clock);
        CalendarService calendars = new CalendarService(groups, sessions, venueStore, clock);
        MeetingGuideFeed meetingGuide = new MeetingGuideFeed(groupStore, venueStore);
        AuditTrail audit = new AuditTrail(db, clock);
        AlertService alerts = new AlertService(db, new AlertStore(db), audit, clock);
        CheckinService checkins = new CheckinService(db, new CheckinStore(db), new EncouragementStore(db), programs, groups,
            roles, alerts, audit, rateLimiter, clock);
        ProgressService progress = new ProgressService(db, programs, roles, mentorships::supports, audit, clock);
        PrivacyService privacy = new PrivacyService(db, users, userStore, members, groupMembers, rsvps, attendance, mentors,
            mentorships, checkins, alerts, hasher, rateLimiter, audit, clock);
        return new Services(config, db, clock, keys, accessTokens, rateLimiter, hasher, auth, users, programs, members,
            invitations, venues, groups, groupMembers, sessions, rsvps, attendance, calendars, meetingGuide, mentors,
            matches, mentorships, audit, alerts, checkins, progress, privacy);
    }
}
