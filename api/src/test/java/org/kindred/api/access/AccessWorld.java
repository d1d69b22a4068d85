package org.kindred.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.security.Principal;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;
import org.kindred.api.users.Account;

/**
 * One program P with a person in every relation to one participant, the owner, that the access table names
 * (see access-table.txt), made over HTTP; roles are granted through the service as ProgramFixtures does.
 * Also a second program with its own coordinator, a draft program D where the same people hold the same
 * roles, and fresh resources for the lines whose request uses its target up.
 */
final class AccessWorld {
    static final String PRIVATE_NOTE = "Slept badly again after the anniversary";
    static final String MENTOR_NOTE = "Tell my mentor the new breathing plan helps";
    static final String GROUP_NOTE = "Walked to the group without turning back";
    static final String CRISIS_NOTE = "Tonight feels too heavy to carry alone";
    static final String MEETING_NOTE = "Planned the first week back at the bakery";
    static final String HIDDEN_WORDS = "Just cheer up, it is not that bad";

    /** A named piece of data, such as "the owner's email", that a body must or must not hold. */
    record Secret(String label, String value) {
        Secret {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("no value for " + label);
            }
        }
    }

    private final TestServer server;
    private final Map<Caller, Session> people = new EnumMap<>(Caller.class);
    private final Map<Caller, String> names = new EnumMap<>(Caller.class);
    private final Session spare;

    final String programId;
    final String draftProgramId;
    final String ownerMemberId;
    final String mentorProfileId;
    final String otherMentorProfileId;
    final String groupId;
    final String conferenceUrl;
    final String conferenceNotes;
    final String archivedGroupId;
    final String archivedConferenceUrl;
    final String withdrawnMentorProfileId;
    final String continuingMentorshipId;
    final String draftVenueId;
    final String venueId;
    final String closedVenueId;
    final String invitationId;
    final String futureSessionId;
    final String pastSessionId;
    final String privateCheckinId;
    final String mentorCheckinId;
    final String groupCheckinId;
    final String alertId;
    private String ownerGroupMemberId;
    private String mentorshipId;
    private String meetingId;

    AccessWorld(TestServer server) {
        this.server = server;
        people.put(Caller.ADMIN, server.admin());
        names.put(Caller.ADMIN, "Admin");
        programId = ProgramFixtures.create(server, program("Harbor Peer Circle", "open")).path("id").asText();
        String otherProgramId = ProgramFixtures.create(server, program("Cedar Valley Circle", "open")).path("id").asText();
        draftProgramId = ProgramFixtures.draft(server);
        spare = server.newUser("Spare Willow");

        person(Caller.COORDINATOR, "Quiet River", "coordinator");
        person(Caller.OTHER_COORDINATOR, "Still Pond", null);
        ProgramFixtures.grant(server, otherProgramId, as(Caller.OTHER_COORDINATOR), "coordinator");
        ownerMemberId = person(Caller.OWNER, "Green Fern", "participant");
        person(Caller.PEER, "Morning Lark", "participant");
        person(Caller.MEMBER, "Blue Heron", "participant");
        person(Caller.NON_MEMBER, "Evening Wren", "participant");
        person(Caller.MENTOR, "Steady Oak", "mentor");
        person(Caller.OTHER_MENTOR, "Warm Hearth", "mentor");
        person(Caller.FACILITATOR, "Open Meadow", "mentor");
        mentorProfileId = mentorWithRoom(Caller.MENTOR);
        otherMentorProfileId = mentorWithRoom(Caller.OTHER_MENTOR);

        continuingMentorshipId = continuingMentorship();
        mentorshipId = activeMentorship();
        String otherMentorship = created(coordinator().post("/v1/mentorships", json(fields("program_id", programId,
            "mentor_id", otherMentorProfileId, "participant_id", as(Caller.PEER).userId())))).path("id").asText();
        expect(post(as(Caller.OTHER_MENTOR), "/v1/mentorships/" + otherMentorship + "/accept"), 200);
        meetingId = logMeeting(mentorshipId);

        venueId = venue("{}");
        closedVenueId = venue("{\"status\": \"closed\"}");
        draftVenueId = new GroupFixtures(server).venue(draftProgramId, GroupFixtures.PLAIN_VENUE);
        JsonNode group = created(coordinator().post("/v1/groups", GroupFixtures.body(programId, json(fields(
            "membership_policy", "approval",
            "facilitator_ids", List.of(as(Caller.FACILITATOR).userId()),
            "schedule", fields("rrule", "FREQ=WEEKLY", "start_date",
                GroupFixtures.today(GroupFixtures.CHICAGO).minusWeeks(3).toString(), "start_time", "18:30",
                "duration_minutes", 90))))));
        groupId = group.path("id").asText();
        conferenceUrl = group.path("conference_url").asText();
        conferenceNotes = group.path("conference_notes").asText();
        ownerGroupMemberId = joinApproved(Caller.OWNER, groupId);
        joinApproved(Caller.MEMBER, groupId);
        leave(Caller.NON_MEMBER, groupId, joinApproved(Caller.NON_MEMBER, groupId));

        JsonNode archived = created(coordinator().post("/v1/groups", GroupFixtures.body(programId, json(fields(
            "membership_policy", "approval", "facilitator_ids", List.of(as(Caller.FACILITATOR).userId()))))));
        archivedGroupId = archived.path("id").asText();
        archivedConferenceUrl = archived.path("conference_url").asText();
        joinApproved(Caller.OWNER, archivedGroupId);
        joinApproved(Caller.MEMBER, archivedGroupId);
        leave(Caller.NON_MEMBER, archivedGroupId, joinApproved(Caller.NON_MEMBER, archivedGroupId));
        expect(coordinator().patch("/v1/groups/" + archivedGroupId, json(fields("status", "archived"))), 200);

        Account faded = freshAccount("Faded Ash");
        ProgramFixtures.grant(server, programId, new Session(faded.id(), faded.email(), null, null, null), "mentor");
        withdrawnMentorProfileId = profileOf(faded.id());
        expect(coordinator().patch("/v1/mentors/" + withdrawnMentorProfileId, json(fields("status", "withdrawn"))), 200);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        futureSessionId = GroupFixtures.comingSessions(coordinator(), groupId).stream()
            .filter(session -> Instant.parse(session.path("starts_at").asText()).isAfter(now.plus(1, ChronoUnit.DAYS)))
            .findFirst().orElseThrow().path("id").asText();
        List<JsonNode> past = GroupFixtures.sessions(coordinator(), groupId, now.minus(20, ChronoUnit.DAYS).toString(),
            now.toString());
        pastSessionId = past.get(past.size() - 1).path("id").asText();
        expect(as(Caller.OWNER).http().put("/v1/sessions/" + futureSessionId + "/rsvp",
            json(fields("status", "going", "attendance_mode", "online"))), 200);
        expect(coordinator().put("/v1/sessions/" + pastSessionId + "/attendance", json(fields("records",
            List.of(fields("user_id", as(Caller.OWNER).userId(), "status", "attended"))))), 200);

        privateCheckinId = checkin("note", PRIVATE_NOTE);
        mentorCheckinId = checkin("note", MENTOR_NOTE, "visibility", "mentor");
        groupCheckinId = checkin("note", GROUP_NOTE, "visibility", "group", "group_id", groupId,
            "tags", List.of("small_victory"));
        checkin("note", CRISIS_NOTE, "mood", 1, "in_crisis", true);
        alertId = alertAboutOwner();
        encourage(as(Caller.MEMBER), "So glad you made it there");
        String hidden = encourage(as(Caller.MEMBER), HIDDEN_WORDS);
        expect(post(as(Caller.OWNER), "/v1/checkins/" + groupCheckinId + "/encouragements/" + hidden + "/hide"), 200);

        expect(as(Caller.OWNER).http().put(preferencesPath(), Probes.PREFERENCES), 200);
        invitationId = freshInvitation();
    }

    // ---- who is who

    Session as(Caller caller) {
        Session session = people.get(caller);
        if (session == null) {
            throw new IllegalArgumentException(caller + " has no session");
        }
        return session;
    }

    /** The caller's client; anonymous callers send no token. */
    Http http(Caller caller) {
        return caller == Caller.ANONYMOUS ? server.http() : as(caller).http();
    }

    /** The caller signed in, or for anonymous a spare account that stands for "someone with a password". */
    Session accountOf(Caller caller) {
        return caller == Caller.ANONYMOUS ? spare : as(caller);
    }

    String displayName(Caller caller) {
        return caller == Caller.ANONYMOUS ? "Spare Willow" : names.get(caller);
    }

    Session owner() {
        return as(Caller.OWNER);
    }

    TestServer server() {
        return server;
    }

    String mentorshipId() {
        return mentorshipId;
    }

    String meetingId() {
        return meetingId;
    }

    String ownerGroupMemberId() {
        return ownerGroupMemberId;
    }

    String preferencesPath() {
        return "/v1/programs/" + programId + "/members/" + ownerMemberId + "/preferences";
    }

    // ---- what must not leak

    List<Secret> secret(String name) {
        Session owner = owner();
        return switch (name) {
            case "note" -> notes();
            case "email" -> List.of(new Secret("the owner's email", owner.email()));
            case "conference" -> List.of(new Secret("the group's conference URL", conferenceUrl));
            case "joining" -> List.of(new Secret("the group's conference notes", conferenceNotes),
                new Secret("the facilitator's user id", as(Caller.FACILITATOR).userId()));
            case "archived_group" -> List.of(new Secret("the archived group's id", archivedGroupId));
            case "withdrawn" -> List.of(new Secret("the withdrawn mentor's profile id", withdrawnMentorProfileId));
            case "meeting_note" -> List.of(new Secret("the meeting note", MEETING_NOTE));
            case "hidden" -> List.of(new Secret("the hidden encouragement", HIDDEN_WORDS));
            case "draft" -> List.of(new Secret("the draft program's id", draftProgramId));
            case "user_id" -> List.of(new Secret("the owner's user id", owner.userId()));
            case "mentor" -> List.of(new Secret("the mentor's profile id", mentorProfileId));
            case "mentorship" -> List.of(new Secret("the owner's mentorship id", mentorshipId));
            case "alert" -> List.of(new Secret("the alert about the owner", alertId));
            case "celebration" -> List.of(new Secret("the owner's small victory", groupCheckinId));
            case "continuing" -> List.of(new Secret("the owner's continuing mentorship", continuingMentorshipId));
            case "closed_venue" -> List.of(new Secret("the closed venue's id", closedVenueId));
            default -> throw new IllegalArgumentException("no secret named " + name + " in access-table.txt");
        };
    }

    List<Secret> notes() {
        return List.of(new Secret("the owner's private note", PRIVATE_NOTE),
            new Secret("the owner's note to their mentor", MENTOR_NOTE),
            new Secret("the owner's note to their group", GROUP_NOTE),
            new Secret("the owner's crisis note", CRISIS_NOTE));
    }

    /** Who the owner is: what a caller who may see nothing of them must not get. */
    List<Secret> ownerIdentity() {
        return List.of(new Secret("the owner's email", owner().email()),
            new Secret("the owner's display name", names.get(Caller.OWNER)),
            new Secret("the owner's user id", owner().userId()));
    }

    /** Everything of the owner's that no refusal may carry. */
    List<Secret> ownerData() {
        List<Secret> all = new ArrayList<>(ownerIdentity());
        all.addAll(notes());
        all.addAll(secret("meeting_note"));
        all.addAll(secret("hidden"));
        all.addAll(secret("conference"));
        return all;
    }

    /** A piece of the owner's data and the only callers who may ever receive it, whatever they ask for. */
    record Audience(Secret secret, Set<Caller> callers) {
    }

    /**
     * The rules that hold for every line: notes are their author's alone, the meeting note is the mentorship's
     * two people's, a hidden encouragement its author's and the check-in author's, emails go to the person, the
     * program's coordinators and admins, and the conference link to the group's people and managers.
     */
    List<Audience> audiences() {
        List<Audience> audiences = new ArrayList<>();
        notes().forEach(note -> audiences.add(new Audience(note, EnumSet.of(Caller.OWNER))));
        audiences.add(new Audience(secret("meeting_note").get(0), EnumSet.of(Caller.OWNER, Caller.MENTOR)));
        audiences.add(new Audience(secret("hidden").get(0), EnumSet.of(Caller.OWNER, Caller.MEMBER)));
        audiences.add(new Audience(secret("email").get(0), EnumSet.of(Caller.OWNER, Caller.COORDINATOR, Caller.ADMIN)));
        audiences.add(new Audience(secret("conference").get(0),
            EnumSet.of(Caller.OWNER, Caller.MEMBER, Caller.FACILITATOR, Caller.COORDINATOR, Caller.ADMIN)));
        return audiences;
    }

    /** A GET as someone who may see the target, to compare before and after a refused write. */
    String read(Caller reader, String path) {
        HttpResult result = http(reader).get(path);
        return result.status() + " " + result.body();
    }

    // ---- fresh targets, one per cell

    Account freshAccount(String displayName) {
        return server.account(displayName, false);
    }

    String freshEmptyDraftProgram() {
        return ProgramFixtures.draft(server);
    }

    String freshInvitation() {
        return created(coordinator().post("/v1/programs/" + programId + "/invitations",
            json(fields("role", "participant")))).path("id").asText();
    }

    /** An invitation to a new invite-only program of no one: its id path and its code. */
    record Code(String invitationPath, String code) {
    }

    Code freshInviteOnlyCode() {
        String program = ProgramFixtures.create(server, program("Lantern Circle", "invite_only")).path("id").asText();
        JsonNode invitation = created(as(Caller.ADMIN).http().post("/v1/programs/" + program + "/invitations",
            json(fields("role", "participant"))));
        return new Code("/v1/programs/" + program + "/invitations/" + invitation.path("id").asText(),
            invitation.path("code").asText());
    }

    String venue(String overrides) {
        String body = JsonText.merge(GroupFixtures.PLAIN_VENUE, overrides);
        return new GroupFixtures(server).venue(programId, body);
    }

    String freshGroup() {
        return created(coordinator().post("/v1/groups", GroupFixtures.body(programId, "{}"))).path("id").asText();
    }

    /** A new participant who asked to join the owner's group; returns the pending membership's id. */
    String freshPendingMember() {
        Account account = freshAccount("Patient Elm");
        ProgramFixtures.grant(server, programId, new Session(account.id(), account.email(), null, null, null), "participant");
        return server.services().groupMembers()
            .join(new Principal(account.id(), account.displayName(), false), groupId).id();
    }

    /** A mentor role given to the owner for one cell (their participant role must stay); returns its id. */
    String freshOwnerMentorRole() {
        return ProgramFixtures.grant(server, programId, owner(), "mentor");
    }

    void removeMembershipIfThere(String memberId) {
        HttpResult current = coordinator().get("/v1/programs/" + programId + "/members/" + memberId);
        if (current.status() == 200) {
            expect(as(Caller.ADMIN).http().delete("/v1/programs/" + programId + "/members/" + memberId), 204);
        }
    }

    /** Takes back a membership a cell made (a new enrollment or a request to join), so relations stay as built. */
    void undoIfCreated(HttpResult result, String collectionPath) {
        if (result != null && result.status() == 201) {
            expect(as(Caller.ADMIN).http().delete(collectionPath + result.text("/id")), 204);
        }
    }

    String freshGroupCheckin() {
        return checkin("note", "A small step today", "visibility", "group", "group_id", groupId);
    }

    /** An encouragement from the group member on the owner's group check-in. */
    String freshEncouragement() {
        return encourage(as(Caller.MEMBER), "Rooting for you this week");
    }

    /** The owner back in their group after a cell that removed them. */
    void restoreOwnerGroupMembership() {
        if (coordinator().get("/v1/groups/" + groupId + "/members/" + ownerGroupMemberId).status() == 404) {
            ownerGroupMemberId = joinApproved(Caller.OWNER, groupId);
        }
    }

    /** Ends the owner's mentorship and asks the same mentor again: a fresh request for accept and decline. */
    String freshMentorshipRequest() {
        expect(as(Caller.MENTOR).http().post("/v1/mentorships/" + mentorshipId + "/end",
            json(fields("reason", "other"))), 200);
        mentorshipId = created(coordinator().post("/v1/mentorships", json(fields("program_id", programId,
            "mentor_id", mentorProfileId, "participant_id", owner().userId())))).path("id").asText();
        return mentorshipId;
    }

    /** The owner's mentorship completed by the mentor: a fresh target for continue. */
    String freshCompletedMentorship() {
        expect(post(as(Caller.MENTOR), "/v1/mentorships/" + mentorshipId + "/complete"), 200);
        return mentorshipId;
    }

    /** After a cell that moved the owner's mentorship on: an active one again, with a noted meeting. */
    void restoreOwnerMentorship() {
        String status = owner().http().get("/v1/mentorships/" + mentorshipId).text("/status");
        if (status.equals("requested")) {
            expect(post(as(Caller.MENTOR), "/v1/mentorships/" + mentorshipId + "/accept"), 200);
        } else if (!status.equals("active")) {
            mentorshipId = activeMentorship();
        }
        meetingId = logMeeting(mentorshipId);
    }

    // ---- building

    private static Map<String, Object> program(String name, String enrollment) {
        Map<String, Object> body = ProgramFixtures.activeProgram(name, enrollment);
        body.put("crisis_lines", List.of(CheckinFixtures.HOME_LINE));
        return body;
    }

    /** A new signed-in person with the role in P and in D (none when role is null); returns the P membership. */
    private String person(Caller caller, String displayName, String role) {
        Session session = server.newUser(displayName);
        people.put(caller, session);
        names.put(caller, displayName);
        if (role == null) {
            return null;
        }
        ProgramFixtures.grant(server, draftProgramId, session, role);
        return ProgramFixtures.grant(server, programId, session, role);
    }

    private String profileOf(String userId) {
        for (JsonNode mentor : created(coordinator().get("/v1/mentors?limit=100&program_id=" + programId), 200).path("data")) {
            if (mentor.path("user_id").asText().equals(userId)) {
                return mentor.path("id").asText();
            }
        }
        throw new AssertionError("no mentor profile for " + userId);
    }

    private String mentorWithRoom(Caller caller) {
        String id = profileOf(as(caller).userId());
        expect(as(caller).http().patch("/v1/mentors/" + id, json(fields("capacity", 5))), 200);
        return id;
    }

    private String activeMentorship() {
        String id = created(coordinator().post("/v1/mentorships", json(fields("program_id", programId,
            "mentor_id", mentorProfileId, "participant_id", owner().userId())))).path("id").asText();
        expect(post(as(Caller.MENTOR), "/v1/mentorships/" + id + "/accept"), 200);
        return id;
    }

    /** The owner and a former mentor who both chose to go on after their mentorship was completed. */
    private String continuingMentorship() {
        Session former = server.newUser("Silver Birch");
        ProgramFixtures.grant(server, programId, former, "mentor");
        String profile = profileOf(former.userId());
        expect(former.http().patch("/v1/mentors/" + profile, json(fields("capacity", 5))), 200);
        String id = created(coordinator().post("/v1/mentorships", json(fields("program_id", programId,
            "mentor_id", profile, "participant_id", owner().userId())))).path("id").asText();
        for (String step : List.of("accept", "complete", "continue")) {
            expect(post(former, "/v1/mentorships/" + id + "/" + step), 200);
        }
        expect(post(owner(), "/v1/mentorships/" + id + "/continue"), 200);
        return id;
    }

    private String logMeeting(String mentorship) {
        return created(as(Caller.MENTOR).http().post("/v1/mentorships/" + mentorship + "/meetings",
            Probes.meeting(MEETING_NOTE))).path("id").asText();
    }

    /** Asks to join an approval group and is approved by the coordinator; returns the membership id. */
    private String joinApproved(Caller caller, String group) {
        String id = GroupFixtures.join(as(caller), group).path("id").asText();
        expect(post(as(Caller.COORDINATOR), "/v1/groups/" + group + "/members/" + id + "/approve"), 200);
        return id;
    }

    private void leave(Caller caller, String group, String memberId) {
        expect(as(caller).http().delete("/v1/groups/" + group + "/members/" + memberId), 204);
    }

    private String checkin(Object... namesAndValues) {
        return CheckinFixtures.checkin(owner(), CheckinFixtures.body(programId, namesAndValues)).path("id").asText();
    }

    private String encourage(Session author, String message) {
        return created(author.http().post("/v1/checkins/" + groupCheckinId + "/encouragements",
            json(fields("message", message)))).path("id").asText();
    }

    private String alertAboutOwner() {
        for (JsonNode alert : created(as(Caller.MENTOR).http().get("/v1/alerts?limit=100"), 200).path("data")) {
            if (alert.path("participant_id").asText().equals(owner().userId())) {
                return alert.path("id").asText();
            }
        }
        throw new AssertionError("the owner's crisis check-in raised no alert to their mentor");
    }

    private Http coordinator() {
        return as(Caller.COORDINATOR).http();
    }

    private static HttpResult expect(HttpResult result, int status) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        return result;
    }

    private static JsonNode created(HttpResult result) {
        return created(result, 201);
    }

    private static JsonNode created(HttpResult result, int status) {
        return expect(result, status).json();
    }

    private static HttpResult post(Session person, String path) {
        return person.http().send("POST", path, (String) null, null);
    }

    static LocalDate yesterday() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1);
    }
}
