package org.kindred.api.mentors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.grant;
import static org.kindred.api.programs.ProgramFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.Http;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.Session;
import org.kindred.api.testing.TestServer;

/** Programs with a coordinator, mentors with a profile, enrolled participants and mentorships, all over HTTP. */
final class MentorFixtures {
    private final TestServer server;

    MentorFixtures(TestServer server) {
        this.server = server;
    }

    /** An active program with open enrollment and its coordinator. */
    record Circle(String id, Session coordinator) {
        String path(String rest) {
            return "/v1/programs/" + id + rest;
        }
    }

    /** A mentor profile and the person behind it; {@code memberId} is their mentor membership. */
    record MentorRef(String id, Session person, String memberId) {
    }

    /** An enrolled participant and their participant membership. */
    record Participant(Session person, String memberId) {
        String userId() {
            return person.userId();
        }

        Http http() {
            return person.http();
        }
    }

    Circle circle() {
        String id = ProgramFixtures.active(server, "open");
        Session coordinator = server.newUser("Steady Oak");
        grant(server, id, coordinator, "coordinator");
        return new Circle(id, coordinator);
    }

    /** A profile with room for three, in UTC, speaking English, meeting either way, with lived anxiety. */
    static Map<String, Object> profile() {
        return fields("bio", "I listen first.", "lived_experience", List.of("anxiety"), "languages", List.of("en"),
            "modes", List.of("in_person", "virtual"), "timezone", "UTC", "capacity", 3);
    }

    static Map<String, Object> profile(Object... changes) {
        Map<String, Object> profile = new LinkedHashMap<>(profile());
        profile.putAll(fields(changes));
        return profile;
    }

    /** A new person made a mentor of the program, with {@link #profile()} changed by {@code changes}. */
    MentorRef mentor(Circle circle, String name, Object... changes) {
        Session person = server.newUser(name);
        String memberId = grant(server, circle.id(), person, "mentor");
        String id = profileId(circle, person);
        HttpResult patched = person.http().patch("/v1/mentors/" + id, json(profile(changes)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        return new MentorRef(id, person, memberId);
    }

    /** The mentor profile made when {@code person} was given the mentor role. */
    static String profileId(Circle circle, Session person) {
        HttpResult list = circle.coordinator().http().get("/v1/mentors?limit=100&program_id=" + circle.id());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        for (JsonNode mentor : list.json().path("data")) {
            if (mentor.path("user_id").asText().equals(person.userId())) {
                return mentor.path("id").asText();
            }
        }
        throw new AssertionError("no mentor profile for " + person.userId() + " in " + list);
    }

    Participant participant(Circle circle, String name) {
        Session person = server.newUser(name);
        HttpResult enrolled = person.http().post(circle.path("/enrollments"), null);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        return new Participant(person, enrolled.text("/id"));
    }

    static HttpResult request(Session caller, Circle circle, MentorRef mentor, String participantId) {
        return caller.http().post("/v1/mentorships",
            json(fields("program_id", circle.id(), "mentor_id", mentor.id(), "participant_id", participantId)));
    }

    /** The participant asks the mentor; returns the new mentorship's id. */
    static String requested(Circle circle, MentorRef mentor, Participant participant) {
        HttpResult created = request(participant.person(), circle, mentor, participant.userId());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/id");
    }

    static String active(Circle circle, MentorRef mentor, Participant participant) {
        String id = requested(circle, mentor, participant);
        expect(act(mentor.person(), id, "accept"), "active");
        return id;
    }

    static String completed(Circle circle, MentorRef mentor, Participant participant) {
        String id = active(circle, mentor, participant);
        expect(act(mentor.person(), id, "complete"), "completed");
        return id;
    }

    static String continuing(Circle circle, MentorRef mentor, Participant participant) {
        String id = completed(circle, mentor, participant);
        expect(act(mentor.person(), id, "continue"), "completed");
        expect(act(participant.person(), id, "continue"), "continuing");
        return id;
    }

    /** accept, complete or continue: actions without a body. */
    static HttpResult act(Session caller, String mentorshipId, String action) {
        return caller.http().post("/v1/mentorships/" + mentorshipId + "/" + action, null);
    }

    static HttpResult decline(Session caller, String mentorshipId, String reason) {
        return caller.http().post("/v1/mentorships/" + mentorshipId + "/decline", json(fields("reason", reason)));
    }

    static HttpResult end(Session caller, String mentorshipId, String reason) {
        return caller.http().post("/v1/mentorships/" + mentorshipId + "/end", json(fields("reason", reason)));
    }

    static HttpResult meeting(Session caller, String mentorshipId, String note) {
        return caller.http().post("/v1/mentorships/" + mentorshipId + "/meetings", json(fields("date",
            LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "duration_minutes", 45,
            "mode", "virtual", "note", note)));
    }

    static JsonNode expect(HttpResult result, String status) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.text("/status")).isEqualTo(status);
        return result.json();
    }

    static JsonNode read(Session reader, String path) {
        HttpResult result = reader.http().get(path);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result.json();
    }

    static String status(Session reader, String mentorshipId) {
        return read(reader, "/v1/mentorships/" + mentorshipId).path("status").asText();
    }

    /** The ids of one page of a list, after checking it is a 200. */
    static List<String> ids(HttpResult list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("data").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
