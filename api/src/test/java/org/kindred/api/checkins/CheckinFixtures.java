package org.kindred.api.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/**
 * Programs, mentors, mentorships, groups and check-ins for the check-in, alert, progress, audit and privacy
 * tests, made over HTTP (roles are granted through the service, as ProgramFixtures does). {@link #world()}
 * builds one program with a person in every relation to a participant that the sharing rules care about.
 * Tokens are taken fresh where a test may have moved the server's clock past their fifteen minutes.
 */
public final class CheckinFixtures {
    /** Many sign-ins from one address and per account: tests that move the clock sign in again. */
    public static final Map<String, String> ENV =
        Map.of("KINDRED_RATE_LIMITS", "login_ip=100000/1h,login_account=100000/1h");

    public static final Map<String, Object> HOME_LINE = ProgramFixtures.fields("name", "Harbor Crisis Line",
        "phone", "988", "modality", "phone", "hours", "24/7", "country", "US");
    public static final Map<String, Object> ABROAD_LINE = ProgramFixtures.fields("name", "Northern Lights Line",
        "phone", "+1 866 555 0199", "modality", "phone", "hours", "24/7", "country", "CA");

    private final TestServer server;
    private final GroupFixtures groups;

    public CheckinFixtures(TestServer server) {
        this.server = server;
        this.groups = new GroupFixtures(server);
    }

    /** An active program with open enrollment and its coordinator. */
    public record Program(String id, Session coordinator) {
    }

    /**
     * One participant ({@code owner}) and everyone around them in one program, plus a second program with its
     * own coordinator. {@code mentor} mentors the owner now; {@code exMentor}'s mentorship ended,
     * {@code completedMentor}'s was completed, {@code continuingMentor}'s continues after completion;
     * {@code otherMentor} mentors {@code peer}. The owner, {@code member} and the facilitator are in
     * {@code groupId}; {@code leaver} joined it and left; {@code otherGroupMember} is in {@code otherGroupId}.
     */
    public record World(Program program, Program otherProgram, Session admin, Session owner, Session mentor,
                        String mentorshipId, Session exMentor, Session completedMentor, Session continuingMentor,
                        Session otherMentor, Session facilitator, Session member, Session leaver,
                        Session otherGroupMember, Session peer, String groupId, String otherGroupId) {
    }

    public World world() {
        Program program = program("Harbor Peer Circle", "Quiet River");
        Program other = program("Cedar Valley Circle", "Still Pond");
        Session owner = participant(program, "Green Fern");
        Session peer = participant(program, "Morning Lark");
        Session member = participant(program, "Blue Heron");
        Session leaver = participant(program, "Evening Wren");
        Session otherGroupMember = participant(program, "Tall Pine");
        Session mentor = mentor(program, "Steady Oak");
        Session exMentor = mentor(program, "Bright Harbor");
        Session completedMentor = mentor(program, "Quiet Lantern");
        Session continuingMentor = mentor(program, "Silver Birch");
        Session otherMentor = mentor(program, "Warm Hearth");
        Session facilitator = mentor(program, "Open Meadow");

        end(exMentor, mentorship(program, exMentor, owner));
        complete(completedMentor, mentorship(program, completedMentor, owner));
        String continuing = mentorship(program, continuingMentor, owner);
        complete(continuingMentor, continuing);
        agreeToContinue(continuingMentor, continuing);
        agreeToContinue(owner, continuing);
        String mentorshipId = mentorship(program, mentor, owner);
        mentorship(program, otherMentor, peer);

        String groupId = group(program, facilitator);
        String otherGroupId = group(program);
        join(owner, groupId);
        join(member, groupId);
        leave(leaver, groupId, join(leaver, groupId));
        join(otherGroupMember, otherGroupId);
        return new World(program, other, admin(), owner, mentor, mentorshipId, exMentor, completedMentor,
            continuingMentor, otherMentor, facilitator, member, leaver, otherGroupMember, peer, groupId, otherGroupId);
    }

    /** The server's admin, signed in now. */
    public Session admin() {
        return server.login(server.admin().email());
    }

    /** The same person signed in again, for a test that moved the clock past their token's lifetime. */
    public Session fresh(Session person) {
        return server.login(person.email());
    }

    /** An active US program in Chicago with open enrollment, a US crisis line and a Canadian one. */
    public Program program(String name, String coordinatorName) {
        Map<String, Object> body = ProgramFixtures.activeProgram(name, "open");
        body.put("crisis_lines", List.of(HOME_LINE, ABROAD_LINE));
        HttpResult created = admin().http().post("/v1/programs", ProgramFixtures.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("/id");
        return new Program(id, groups.person(id, coordinatorName, "coordinator"));
    }

    public Session person(String programId, String displayName, String role) {
        return groups.person(programId, displayName, role);
    }

    public Session participant(Program program, String displayName) {
        return person(program.id(), displayName, "participant");
    }

    /** A mentor of the program with room for five mentees. */
    public Session mentor(Program program, String displayName) {
        Session mentor = person(program.id(), displayName, "mentor");
        HttpResult patched = mentor.http().patch("/v1/mentors/" + mentorProfileId(program, mentor), "{\"capacity\": 5}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        return mentor;
    }

    public static String mentorProfileId(Program program, Session mentor) {
        HttpResult list = mentor.http().get("/v1/mentors?limit=100&program_id=" + program.id());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode profile : list.json().path("data")) {
            if (profile.path("user_id").asText().equals(mentor.userId())) {
                return profile.path("id").asText();
            }
        }
        throw new AssertionError("no mentor profile for " + mentor.userId() + " in " + list);
    }

    /** A mentorship the coordinator asked for and the mentor accepted; returns its id. */
    public String mentorship(Program program, Session mentor, Session participant) {
        HttpResult requested = program.coordinator().http().post("/v1/mentorships", ProgramFixtures.json(
            ProgramFixtures.fields("program_id", program.id(), "mentor_id", mentorProfileId(program, mentor),
                "participant_id", participant.userId())));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.text("/id");
        expectMentorship(postEmpty(mentor, "/v1/mentorships/" + id + "/accept"), "active");
        return id;
    }

    public static void end(Session mentor, String mentorshipId) {
        expectMentorship(mentor.http().post("/v1/mentorships/" + mentorshipId + "/end", "{\"reason\": \"mentor_request\"}"),
            "ended");
    }

    public static void complete(Session mentor, String mentorshipId) {
        expectMentorship(postEmpty(mentor, "/v1/mentorships/" + mentorshipId + "/complete"), "completed");
    }

    public static void agreeToContinue(Session person, String mentorshipId) {
        HttpResult agreed = postEmpty(person, "/v1/mentorships/" + mentorshipId + "/continue");
        assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
    }

    /** A POST without a body, such as accept or acknowledge. */
    public static HttpResult postEmpty(Session person, String path) {
        return person.http().send("POST", path, (String) null, null);
    }

    private static void expectMentorship(HttpResult result, String status) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.text("/status")).isEqualTo(status);
    }

    /** An open virtual group of the program; returns its id. */
    public String group(Program program, Session... facilitators) {
        List<String> ids = new ArrayList<>();
        for (Session facilitator : facilitators) {
            ids.add(facilitator.userId());
        }
        HttpResult created = program.coordinator().http().post("/v1/groups", GroupFixtures.body(program.id(),
            ProgramFixtures.json(ProgramFixtures.fields("facilitator_ids", ids))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/id");
    }

    /** Joins the open group; returns the membership id. */
    public static String join(Session person, String groupId) {
        return GroupFixtures.join(person, groupId).path("id").asText();
    }

    public static void leave(Session person, String groupId, String memberId) {
        HttpResult left = person.http().delete("/v1/groups/" + groupId + "/members/" + memberId);
        assertThat(left.status()).as(left.toString()).isEqualTo(204);
    }

    /** A check-in body: the program and mood 3, then the given fields (a null value removes one). */
    public static String body(String programId, Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program_id", programId);
        body.put("mood", 3);
        Map<String, Object> fields = ProgramFixtures.fields(namesAndValues);
        fields.forEach((name, value) -> {
            if (value == null) {
                body.remove(name);
            } else {
                body.put(name, value);
            }
        });
        return ProgramFixtures.json(body);
    }

    /** Checks in and returns the 201's body. */
    public static JsonNode checkin(Session participant, String body) {
        HttpResult created = participant.http().post("/v1/checkins", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    public static String checkinId(Session participant, String programId, Object... namesAndValues) {
        return checkin(participant, body(programId, namesAndValues)).path("id").asText();
    }

    /** Ids of every item of a list, following next_cursor to the end. */
    public static List<String> allIds(Http http, String path) {
        return ProgramFixtures.allIds(http, path);
    }

    /** The "field code" pairs of a problem's errors, whatever its status. */
    public static List<String> errors(HttpResult result) {
        List<String> errors = new ArrayList<>();
        result.json().path("errors").forEach(e -> errors.add(e.path("field").asText() + " " + e.path("code").asText()));
        return errors;
    }
}
