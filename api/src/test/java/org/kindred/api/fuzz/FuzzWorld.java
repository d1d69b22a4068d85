package org.kindred.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.kindred.api.checkins.CheckinFixtures.Program;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * One program with a person in every role and one of every resource, so that each operation of the contract
 * has a caller who may call it and real ids to call it on. {@link #target} names them for an operation;
 * {@link #fresh} makes a new target for operations that use theirs up (accept, delete, erase ...).
 */
final class FuzzWorld {
    static final String PASSWORD = TestServer.PASSWORD;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Who calls, on which ids, with which query, and a body that would succeed (null for none). */
    record Target(Http http, Map<String, String> path, Map<String, String> query, ObjectNode body) {
    }

    private final TestServer server;
    private final CheckinFixtures fixtures;
    final Session admin;
    final Program program;
    final Session coordinator;
    final Session owner;
    final Session peer;
    final Session member;
    final Session mentor;
    final Session requestedMentor;
    final Session outsider;
    final String ownerMembershipId;
    final String memberMembershipId;
    final String mentorProfileId;
    final String requestedMentorProfileId;
    final String mentorshipId;
    final String requestedMentorshipId;
    final String meetingId;
    final String venueId;
    final String groupId;
    final String approvalGroupId;
    final String ownerGroupMemberId;
    final String pendingGroupMemberId;
    final String pastSessionId;
    final String comingSessionId;
    final String checkinId;
    final String encouragementId;
    final String alertId;
    final String invitationId;
    final String invitationCode;

    FuzzWorld(TestServer server) {
        this.server = server;
        this.fixtures = new CheckinFixtures(server);
        admin = server.admin();
        program = fixtures.program("Harbor Fuzz Circle", "Quiet River");
        coordinator = program.coordinator();
        owner = fixtures.participant(program, "Green Fern");
        peer = fixtures.participant(program, "Morning Lark");
        member = fixtures.participant(program, "Tall Pine");
        mentor = fixtures.mentor(program, "Steady Oak");
        requestedMentor = fixtures.mentor(program, "Warm Hearth");
        outsider = server.newUser("Open Meadow");
        ownerMembershipId = membershipId(owner);
        memberMembershipId = membershipId(member);
        mentorProfileId = CheckinFixtures.mentorProfileId(program, mentor);
        requestedMentorProfileId = CheckinFixtures.mentorProfileId(program, requestedMentor);
        mentorshipId = fixtures.mentorship(program, mentor, owner);
        requestedMentorshipId = requestMentorship(requestedMentor, peer);
        meetingId = created(mentor.http().post("/v1/mentorships/" + mentorshipId + "/meetings", meeting().toString()));
        venueId = created(admin.http().post("/v1/venues", venue().toString()));
        groupId = group(LocalDate.now().minusDays(14), "open", mentor);
        approvalGroupId = group(LocalDate.now().plusDays(7), "approval");
        ownerGroupMemberId = CheckinFixtures.join(owner, groupId);
        CheckinFixtures.join(peer, groupId);
        pendingGroupMemberId = CheckinFixtures.join(member, approvalGroupId);
        pastSessionId = sessionId(groupId, Instant.now().minus(20, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
        comingSessionId = sessionId(groupId, Instant.now().plus(1, ChronoUnit.DAYS), Instant.now().plus(20, ChronoUnit.DAYS));
        checkinId = checkin(owner);
        encouragementId = created(peer.http().post("/v1/checkins/" + checkinId + "/encouragements",
            "{\"message\": \"Proud of you\"}"));
        CheckinFixtures.checkin(owner, CheckinFixtures.body(program.id(), "in_crisis", true));
        alertId = mentor.http().get("/v1/alerts").text("/data/0/id");
        HttpResult invitation = coordinator.http().post("/v1/programs/" + program.id() + "/invitations",
            "{\"role\": \"participant\"}");
        invitationId = created(invitation);
        invitationCode = invitation.text("/code");
    }

    /** The caller, ids, query and a succeeding body for the operation, on this world's long-lived resources. */
    Target target(String operationId) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        ObjectNode body = null;
        Http http;
        switch (operationId) {
            case "getHealth", "getReady", "getOpenApiYaml", "getOpenApiJson", "getDocs", "getJwks",
                 "getMeetingGuideFeed" -> http = server.http();
            case "createToken" -> {
                http = server.http();
                body = object("email", outsider.email(), "password", PASSWORD);
            }
            case "refreshToken", "logout" -> {
                http = server.http();
                body = object("refresh_token", outsider.refreshToken());
            }
            case "register" -> {
                http = server.http();
                body = object("email", "fuzz" + next() + "@test.kindred.dev", "password", PASSWORD,
                    "display_name", "Quiet Lantern");
            }
            case "getMe", "exportMe" -> http = outsider.http();
            case "updateMe" -> {
                http = outsider.http();
                body = object("display_name", "Open Meadow");
            }
            case "eraseMe" -> {
                http = outsider.http();
                body = object("password", PASSWORD);
            }
            case "listUsers", "listPrograms", "listVenues", "listAudit" -> http = admin.http();
            case "createProgram" -> {
                http = admin.http();
                String token = ProgramFixtures.token();
                body = object("name", "Fuzz Circle " + token, "slug", "fuzz-circle-" + token,
                    "description", "Peer support for the long haul", "organization_name", "Harbor Community Center",
                    "contact_email", "hello@harbor.example.org", "website", "https://harbor.example.org",
                    "focus_areas", List.of("anxiety", "grief"), "delivery_modes", List.of("virtual"),
                    "country", "US", "timezone", "America/Chicago", "status", "active", "enrollment", "open",
                    "crisis_lines", List.of(CheckinFixtures.HOME_LINE));
            }
            case "getProgram", "deleteProgram" -> {
                http = admin.http();
                path.put("program_id", program.id());
            }
            case "updateProgram" -> {
                http = admin.http();
                path.put("program_id", program.id());
                body = object("description", "A steady place to talk");
            }
            case "addMember" -> {
                http = coordinator.http();
                path.put("program_id", program.id());
                body = object("user_id", outsider.userId(), "role", "participant");
            }
            case "listMembers", "listParticipants", "listInvitations", "listCelebrations" -> {
                http = coordinator.http();
                path.put("program_id", program.id());
            }
            case "getMember", "removeMember" -> {
                http = coordinator.http();
                path.put("program_id", program.id());
                path.put("member_id", memberMembershipId);
            }
            case "updateMember" -> {
                http = coordinator.http();
                path.put("program_id", program.id());
                path.put("member_id", memberMembershipId);
                body = object("enrollment_status", "enrolled");
            }
            case "enroll" -> {
                http = outsider.http();
                path.put("program_id", program.id());
            }
            case "createInvitation" -> {
                http = coordinator.http();
                path.put("program_id", program.id());
                body = object("role", "participant", "expires_in_days", 14);
            }
            case "getInvitation", "revokeInvitation" -> {
                http = coordinator.http();
                path.put("program_id", program.id());
                path.put("invitation_id", invitationId);
            }
            case "redeemInvitation" -> {
                http = outsider.http();
                body = object("code", invitationCode);
            }
            case "createVenue" -> {
                http = admin.http();
                body = venue();
            }
            case "getVenue", "deleteVenue" -> {
                http = admin.http();
                path.put("venue_id", venueId);
            }
            case "updateVenue" -> {
                http = admin.http();
                path.put("venue_id", venueId);
                body = object("description", "Garden room with a water bowl");
            }
            case "createGroup" -> {
                http = coordinator.http();
                body = (ObjectNode) JsonText.parse(GroupFixtures.body(program.id(), "{}"));
                body.put("slug", "fuzz-group-" + ProgramFixtures.token());
            }
            case "listGroups" -> http = coordinator.http();
            case "getGroup", "deleteGroup", "listGroupMembers", "listSessions", "getGroupCalendar" -> {
                http = coordinator.http();
                path.put("group_id", groupId);
            }
            case "updateGroup" -> {
                http = coordinator.http();
                path.put("group_id", groupId);
                body = object("description", "A calm hour of peer support");
            }
            case "joinGroup" -> {
                http = peer.http();
                path.put("group_id", approvalGroupId);
            }
            case "getGroupMember", "removeGroupMember" -> {
                http = coordinator.http();
                path.put("group_id", groupId);
                path.put("member_id", ownerGroupMemberId);
            }
            case "approveGroupMember" -> {
                http = coordinator.http();
                path.put("group_id", approvalGroupId);
                path.put("member_id", pendingGroupMemberId);
            }
            case "getSession", "listRsvps" -> {
                http = coordinator.http();
                path.put("session_id", comingSessionId);
            }
            case "updateSession" -> {
                http = coordinator.http();
                path.put("session_id", comingSessionId);
                body = object("note", "Bring a mug");
            }
            case "rsvpSession" -> {
                http = owner.http();
                path.put("session_id", comingSessionId);
                body = object("status", "going", "attendance_mode", "online");
            }
            case "recordAttendance" -> {
                http = mentor.http();
                path.put("session_id", pastSessionId);
                body = (ObjectNode) JsonText.parse("{\"records\": [{\"user_id\": \"" + owner.userId() + "\", \"status\": \"attended\"}]}");
            }
            case "getAttendance" -> {
                http = mentor.http();
                path.put("session_id", pastSessionId);
            }
            case "getMatchPreferences" -> {
                http = owner.http();
                path.put("program_id", program.id());
                path.put("member_id", ownerMembershipId);
            }
            case "setMatchPreferences" -> {
                http = owner.http();
                path.put("program_id", program.id());
                path.put("member_id", ownerMembershipId);
                body = (ObjectNode) JsonText.parse("{\"lived_experience\": [\"anxiety\"], \"languages\": [\"en\"], "
                    + "\"mode\": \"either\", \"timezone\": \"America/Chicago\"}");
            }
            case "listMentors", "listMentorships", "listAlerts" -> http = mentor.http();
            case "getMentor" -> {
                http = mentor.http();
                path.put("mentor_id", mentorProfileId);
            }
            case "updateMentor" -> {
                http = mentor.http();
                path.put("mentor_id", mentorProfileId);
                body = (ObjectNode) JsonText.parse("""
                    {"bio": "Ten years of walking alongside people", "languages": ["en", "es"],
                     "certifications": [{"name": "Peer Support Specialist", "issuer": "Harbor Training",
                                         "issued_on": "2024-01-15", "expires_on": "2030-01-15"}],
                     "contact_window": {"days": ["monday", "thursday"], "start_time": "17:00", "end_time": "21:00"},
                     "trained_animal": {"species": "dog", "description": "A calm retriever"}}""");
            }
            case "listMentorMatches" -> {
                http = owner.http();
                path.put("program_id", program.id());
            }
            case "requestMentorship" -> {
                http = coordinator.http();
                body = object("program_id", program.id(), "mentor_id", requestedMentorProfileId,
                    "participant_id", member.userId());
            }
            case "getMentorship", "completeMentorship", "continueMentorship", "listMeetings" -> {
                http = mentor.http();
                path.put("mentorship_id", mentorshipId);
            }
            case "acceptMentorship" -> {
                http = requestedMentor.http();
                path.put("mentorship_id", requestedMentorshipId);
            }
            case "declineMentorship" -> {
                http = requestedMentor.http();
                path.put("mentorship_id", requestedMentorshipId);
                body = object("reason", "not_a_good_fit");
            }
            case "endMentorship" -> {
                http = mentor.http();
                path.put("mentorship_id", mentorshipId);
                body = object("reason", "goals_met");
            }
            case "logMeeting" -> {
                http = mentor.http();
                path.put("mentorship_id", mentorshipId);
                body = meeting();
            }
            case "getMeeting" -> {
                http = mentor.http();
                path.put("mentorship_id", mentorshipId);
                path.put("meeting_id", meetingId);
            }
            case "createCheckin" -> {
                http = owner.http();
                body = object("program_id", program.id(), "mood", 4, "energy", 3,
                    "tags", List.of("small_victory", "gratitude"), "note", "Slept well", "who5", List.of(3, 3, 3, 3, 3),
                    "phq4", List.of(0, 1, 0, 1), "visibility", "private");
            }
            case "listCheckins" -> http = owner.http();
            case "getCheckin", "deleteCheckin", "listEncouragements" -> {
                http = owner.http();
                path.put("checkin_id", checkinId);
            }
            case "updateCheckin" -> {
                http = owner.http();
                path.put("checkin_id", checkinId);
                body = object("note", "A walk helped");
            }
            case "encourage" -> {
                http = peer.http();
                path.put("checkin_id", checkinId);
                body = object("message", "You showed up, that counts");
            }
            case "hideEncouragement" -> {
                http = owner.http();
                path.put("checkin_id", checkinId);
                path.put("encouragement_id", encouragementId);
            }
            case "acknowledgeAlert" -> {
                http = mentor.http();
                path.put("alert_id", alertId);
            }
            case "getProgress" -> {
                http = owner.http();
                path.put("user_id", owner.userId());
                query.put("program_id", program.id());
            }
            default -> throw new IllegalArgumentException("the fuzz world has no target for " + operationId);
        }
        return new Target(http, path, query, body);
    }

    /**
     * A target of its own for an operation that uses its target up, so that a successful call leaves the
     * long-lived resources as they were; for the others, {@link #target}.
     */
    Target fresh(String operationId) {
        Target shared = target(operationId);
        Map<String, String> path = new LinkedHashMap<>(shared.path());
        ObjectNode body = shared.body();
        Http http = shared.http();
        switch (operationId) {
            case "refreshToken", "logout" -> body = object("refresh_token", server.login(outsider.email()).refreshToken());
            case "eraseMe" -> http = server.newUser("Passing Cloud").http();
            case "enroll" -> http = server.newUser("Morning Dew").http();
            case "addMember" -> body.put("user_id", server.newUser("Evening Wren").userId());
            case "redeemInvitation" -> {
                http = server.newUser("Silver Birch").http();
                body = object("code", coordinator.http().post("/v1/programs/" + program.id() + "/invitations",
                    "{\"role\": \"participant\"}").text("/code"));
            }
            case "revokeInvitation" -> path.put("invitation_id", created(coordinator.http().post(
                "/v1/programs/" + program.id() + "/invitations", "{\"role\": \"participant\"}")));
            case "deleteProgram" -> path.put("program_id", ProgramFixtures.draft(server));
            case "removeMember" -> path.put("member_id", membershipId(fixtures.participant(program, "Still Pond")));
            case "deleteVenue" -> path.put("venue_id", created(admin.http().post("/v1/venues", venue().toString())));
            case "deleteGroup" -> path.put("group_id", group(LocalDate.now().plusDays(7), "open"));
            case "joinGroup" -> http = fixtures.participant(program, "Bright Harbor").http();
            case "removeGroupMember" -> path.put("member_id",
                CheckinFixtures.join(fixtures.participant(program, "Quiet Brook"), groupId));
            case "approveGroupMember" -> path.put("member_id",
                CheckinFixtures.join(fixtures.participant(program, "Gentle Rain"), approvalGroupId));
            case "requestMentorship" -> endOpenMentorshipsOf(member);
            case "acceptMentorship", "declineMentorship" -> path.put("mentorship_id",
                requestMentorship(requestedMentor, fixtures.participant(program, "Soft Moss")));
            case "endMentorship", "completeMentorship" -> {
                http = requestedMentor.http();
                path.put("mentorship_id",
                    fixtures.mentorship(program, requestedMentor, fixtures.participant(program, "Low Tide")));
            }
            case "continueMentorship" -> {
                String id = fixtures.mentorship(program, requestedMentor, fixtures.participant(program, "High Fell"));
                CheckinFixtures.complete(requestedMentor, id);
                http = requestedMentor.http();
                path.put("mentorship_id", id);
            }
            case "deleteCheckin" -> path.put("checkin_id", checkin(owner));
            case "hideEncouragement" -> path.put("encouragement_id", created(peer.http().post(
                "/v1/checkins/" + checkinId + "/encouragements", "{\"message\": \"One step at a time\"}")));
            case "acknowledgeAlert" -> {
                CheckinFixtures.checkin(owner, CheckinFixtures.body(program.id(), "in_crisis", true));
                path.put("alert_id", mentor.http().get("/v1/alerts?acknowledged=false").text("/data/0/id"));
            }
            default -> {
                return shared;
            }
        }
        return new Target(http, path, shared.query(), body);
    }

    /** Ends the participant's requested or active mentorships, so that one may be requested for them again. */
    private void endOpenMentorshipsOf(Session participant) {
        for (String status : List.of("requested", "active")) {
            HttpResult open = coordinator.http().get("/v1/mentorships?limit=100&program_id=" + program.id() + "&status=" + status);
            for (JsonNode mentorship : open.json().path("data")) {
                if (mentorship.path("participant_id").asText().equals(participant.userId())) {
                    HttpResult ended = coordinator.http().post("/v1/mentorships/" + mentorship.path("id").asText() + "/end",
                        "{\"reason\": \"other\"}");
                    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
                }
            }
        }
    }

    /** The ids of this world's resources, to use where another kind of id belongs. */
    List<String> ids() {
        return List.of(program.id(), owner.userId(), ownerMembershipId, mentorProfileId, mentorshipId, meetingId,
            venueId, groupId, ownerGroupMemberId, pastSessionId, checkinId, encouragementId, alertId, invitationId);
    }

    /** Every table's rows now. */
    DbSnapshot snapshot() {
        return DbSnapshot.of(server.services().db());
    }

    private String membershipId(Session person) {
        for (JsonNode membership : person.http().get("/v1/me").json().path("memberships")) {
            if (membership.path("program_id").asText().equals(program.id())) {
                return membership.path("id").asText();
            }
        }
        throw new AssertionError("no membership of " + person.userId() + " in " + program.id());
    }

    private String requestMentorship(Session mentorOf, Session participant) {
        return created(coordinator.http().post("/v1/mentorships", object("program_id", program.id(),
            "mentor_id", CheckinFixtures.mentorProfileId(program, mentorOf), "participant_id", participant.userId())
            .toString()));
    }

    private String group(LocalDate start, String policy, Session... facilitators) {
        List<String> ids = Arrays.stream(facilitators).map(Session::userId).toList();
        String overrides = ProgramFixtures.json(ProgramFixtures.fields("membership_policy", policy,
            "facilitator_ids", ids, "schedule", ProgramFixtures.fields("start_date", start.toString())));
        return created(coordinator.http().post("/v1/groups", GroupFixtures.body(program.id(), overrides)));
    }

    private String sessionId(String group, Instant from, Instant to) {
        List<JsonNode> sessions = GroupFixtures.sessions(coordinator.http(), group, from.toString(), to.toString());
        assertThat(sessions).as("sessions of " + group + " from " + from + " to " + to).isNotEmpty();
        return sessions.get(0).path("id").asText();
    }

    private String checkin(Session participant) {
        return CheckinFixtures.checkin(participant, CheckinFixtures.body(program.id(), "visibility", "group",
            "group_id", groupId, "note", "Went for a walk")).path("id").asText();
    }

    private ObjectNode venue() {
        return (ObjectNode) JsonText.parse("""
            {
              "program_id": "%s",
              "name": "Harbor Room %s",
              "address": {"line1": "1 Harbor Way", "city": "Springfield", "region": "IL", "postal_code": "62701",
                          "country": "US"},
              "latitude": 39.7817,
              "longitude": -89.6501,
              "timezone": "America/Chicago",
              "spaces": "both",
              "capacity": 40,
              "accessibility": {"step_free_entrance": true, "hearing_loop": false},
              "contact": {"phone": "+1 217 555 0100", "email": "room@harbor.example.org",
                          "website": "https://harbor.example.org/room"},
              "animal_policy": {"emotional_support_animals": "ask_first",
                                "pets": {"species": ["dog"], "where": "outdoor", "leash_required": true,
                                         "max_weight_kg": 30.5, "fee": {"amount": 5.0, "currency": "USD", "per": "visit"},
                                         "water_available": true},
                                "allergy_notes": "The garden room is cleaned daily", "animal_free_room": true,
                                "verified_by": "Venue team"}
            }""".formatted(program.id(), ProgramFixtures.token()));
    }

    private static ObjectNode meeting() {
        return object("date", LocalDate.now().minusDays(1).toString(), "duration_minutes", 60, "mode", "virtual",
            "note", "Talked about sleep");
    }

    static String created(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
        return result.text("/id");
    }

    static ObjectNode object(Object... namesAndValues) {
        return MAPPER.valueToTree(ProgramFixtures.fields(namesAndValues));
    }

    private static int next() {
        return SEQUENCE.incrementAndGet();
    }
}
