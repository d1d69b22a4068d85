package org.kindred.api.access;

import static org.kindred.api.programs.ProgramFixtures.encode;
import static org.kindred.api.programs.ProgramFixtures.fields;
import static org.kindred.api.programs.ProgramFixtures.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kindred.api.checkins.CheckinFixtures;
import org.kindred.api.groups.GroupFixtures;
import org.kindred.api.programs.ProgramFixtures;
import org.kindred.api.testing.HttpResult;
import org.kindred.api.testing.JsonText;
import org.kindred.api.testing.TestServer;

/**
 * The request each line of the access table sends, per caller: a realistic body, real ids of the owner's side,
 * a fresh target where the request uses one up, and a read-back by someone who may see the target.
 */
final class Probes {
    static final String PREFERENCES = json(fields("lived_experience", List.of("anxiety", "grief"),
        "languages", List.of("en"), "mode", "virtual", "timezone", "America/Chicago"));
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** One request: what to send, who reads the target back (null: nothing to compare), what to do after. */
    record Probe(String method, String path, String body, Caller reader, String readPath,
                 Map<String, List<AccessWorld.Secret>> secrets, Consumer<HttpResult> after) {
        static Probe of(String method, String path) {
            return new Probe(method, path, null, null, null, Map.of(), result -> { });
        }

        Probe body(String json) {
            return new Probe(method, path, json, reader, readPath, secrets, after);
        }

        Probe readBack(Caller as, String pathToRead) {
            return new Probe(method, path, body, as, pathToRead, secrets, after);
        }

        /** The values of a secret of the table that are this target's, where they differ from the world's. */
        Probe secret(String name, AccessWorld.Secret... values) {
            Map<String, List<AccessWorld.Secret>> more = new LinkedHashMap<>(secrets);
            more.put(name, List.of(values));
            return new Probe(method, path, body, reader, readPath, more, after);
        }

        /** Puts back what the cell used up or changed; gets the response (null when the request failed). */
        Probe after(Consumer<HttpResult> next) {
            return new Probe(method, path, body, reader, readPath, secrets, next);
        }

        Probe after(Runnable next) {
            return after(result -> next.run());
        }

        String contentType() {
            if (body == null) {
                return null;
            }
            return method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
        }
    }

    private final AccessWorld w;
    private final Map<String, Function<Caller, Probe>> byKey = new LinkedHashMap<>();

    /** Registers the requests; none of them touches the world until {@link #make} runs it. */
    Probes(AccessWorld world) {
        this.w = world;
        system();
        auth();
        programs();
        members();
        venues();
        groups();
        sessions();
        mentors();
        mentorships();
        checkins();
        safety();
    }

    Set<String> keys() {
        return byKey.keySet();
    }

    Probe make(String key, Caller caller) {
        Function<Caller, Probe> factory = byKey.get(key);
        if (factory == null) {
            throw new IllegalArgumentException("no request for " + key + " in Probes");
        }
        return factory.apply(caller);
    }

    static String meeting(String note) {
        return json(fields("date", AccessWorld.yesterday().toString(), "duration_minutes", 45, "mode", "virtual",
            "note", note));
    }

    private void on(String key, Function<Caller, Probe> factory) {
        if (byKey.put(key, factory) != null) {
            throw new IllegalStateException("two requests for " + key);
        }
    }

    private static Probe get(String path) {
        return Probe.of("GET", path);
    }

    private static Probe post(String path, String body) {
        return Probe.of("POST", path).body(body);
    }

    private static Probe put(String path, String body) {
        return Probe.of("PUT", path).body(body);
    }

    private static Probe patch(String path, String body) {
        return Probe.of("PATCH", path).body(body);
    }

    private static Probe delete(String path) {
        return Probe.of("DELETE", path);
    }

    private static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    }

    private String program() {
        return "/v1/programs/" + w.programId;
    }

    private String group() {
        return "/v1/groups/" + w.groupId;
    }

    private String mentorship() {
        return "/v1/mentorships/" + w.mentorshipId();
    }

    // ---- lines

    private void system() {
        for (String path : List.of("/health", "/ready", "/openapi.yaml", "/openapi.json", "/docs", "/.well-known/jwks.json")) {
            on("GET " + path, c -> get(path));
        }
    }

    private void auth() {
        on("POST /v1/auth/token", c -> post("/v1/auth/token",
            json(fields("email", w.accountOf(c).email(), "password", TestServer.PASSWORD))));
        on("POST /v1/auth/refresh", c -> post("/v1/auth/refresh",
            json(fields("refresh_token", w.server().login(w.accountOf(c).email()).refreshToken()))));
        on("POST /v1/auth/logout", c -> post("/v1/auth/logout",
            json(fields("refresh_token", w.server().login(w.accountOf(c).email()).refreshToken()))));
        on("POST /v1/auth/register", c -> post("/v1/auth/register", json(fields("email",
            unique("registered") + "@test.kindred.dev", "password", TestServer.PASSWORD, "display_name", "Calm Brook"))));
        on("GET /v1/me", c -> get("/v1/me"));
        on("PATCH /v1/me", c -> patch("/v1/me", json(fields("display_name", w.displayName(c))))
            .readBack(Caller.OWNER, "/v1/me"));
        on("DELETE /v1/me", c -> delete("/v1/me").body(json(fields("password", TestServer.PASSWORD)))
            .readBack(Caller.ADMIN, "/v1/users?email=" + encode(w.accountOf(c == Caller.ANONYMOUS ? Caller.OWNER : c).email())));
        on("GET /v1/users", c -> get("/v1/users?limit=100"));
        on("GET /v1/me/export", c -> get("/v1/me/export"));
    }

    private void programs() {
        on("POST /v1/programs", c -> {
            Map<String, Object> body = ProgramFixtures.program("Quiet Harbor");
            return post("/v1/programs", json(body))
                .readBack(Caller.ADMIN, "/v1/programs?limit=100&q=" + encode((String) body.get("name")));
        });
        on("GET /v1/programs", c -> get("/v1/programs?limit=100"));
        on("GET /v1/programs/{program_id}", c -> get(program()));
        on("GET /v1/programs/{program_id} [draft]", c -> get("/v1/programs/" + w.draftProgramId));
        on("PATCH /v1/programs/{program_id}", c -> patch(program(),
            json(fields("description", "A weekly circle for peers finding their feet again")))
            .readBack(Caller.COORDINATOR, program()));
        on("DELETE /v1/programs/{program_id}", c -> delete(program()).readBack(Caller.ADMIN, program()));
        on("DELETE /v1/programs/{program_id} [empty]", c -> {
            String path = "/v1/programs/" + w.freshEmptyDraftProgram();
            return delete(path).readBack(Caller.ADMIN, path);
        });
    }

    private void members() {
        String members = "/members";
        on("POST /v1/programs/{program_id}/members", c -> post(program() + members,
            json(fields("user_id", w.freshAccount("Calm Brook").id(), "role", "participant")))
            .readBack(Caller.ADMIN, program() + members + "?limit=100&role=participant"));
        on("GET /v1/programs/{program_id}/members", c -> get(program() + members + "?limit=100"));
        on("GET /v1/programs/{program_id}/members/{member_id}", c -> get(program() + members + "/" + w.ownerMemberId));
        on("PATCH /v1/programs/{program_id}/members/{member_id}", c -> {
            String path = program() + members + "/" + w.ownerMemberId;
            return patch(path, json(fields("enrollment_status", "completed"))).readBack(Caller.COORDINATOR, path);
        });
        on("DELETE /v1/programs/{program_id}/members/{member_id}", c -> {
            String id = w.freshOwnerMentorRole();
            String path = program() + members + "/" + id;
            return delete(path).readBack(Caller.COORDINATOR, path).after(() -> w.removeMembershipIfThere(id));
        });
        on("POST /v1/programs/{program_id}/enrollments", c -> post(program() + "/enrollments", null)
            .readBack(Caller.ADMIN, program() + members + "?limit=100")
            .after(result -> w.undoIfCreated(result, program() + members + "/")));
        on("GET /v1/programs/{program_id}/participants", c -> get(program() + "/participants?limit=100"));
        on("POST /v1/programs/{program_id}/invitations", c -> post(program() + "/invitations",
            json(fields("role", "participant"))).readBack(Caller.COORDINATOR, program() + "/invitations?limit=100"));
        on("GET /v1/programs/{program_id}/invitations", c -> get(program() + "/invitations?limit=100"));
        on("GET /v1/programs/{program_id}/invitations/{invitation_id}",
            c -> get(program() + "/invitations/" + w.invitationId));
        on("DELETE /v1/programs/{program_id}/invitations/{invitation_id}", c -> {
            String path = program() + "/invitations/" + w.freshInvitation();
            return delete(path).readBack(Caller.COORDINATOR, path);
        });
        on("POST /v1/invitations/redeem", c -> {
            AccessWorld.Code code = w.freshInviteOnlyCode();
            return post("/v1/invitations/redeem", json(fields("code", code.code())))
                .readBack(Caller.ADMIN, code.invitationPath());
        });
    }

    private void venues() {
        on("POST /v1/venues", c -> post("/v1/venues", JsonText.merge(GroupFixtures.PLAIN_VENUE,
            json(fields("program_id", w.programId, "name", unique("Cedar Hall ")))))
            .readBack(Caller.ADMIN, "/v1/venues?limit=100&program_id=" + w.programId));
        on("GET /v1/venues", c -> get("/v1/venues?limit=100&program_id=" + w.programId));
        on("GET /v1/venues/{venue_id}", c -> get("/v1/venues/" + w.venueId));
        on("GET /v1/venues/{venue_id} [closed]", c -> get("/v1/venues/" + w.closedVenueId));
        on("GET /v1/venues/{venue_id} [draft]", c -> get("/v1/venues/" + w.draftVenueId));
        on("PATCH /v1/venues/{venue_id}", c -> patch("/v1/venues/" + w.venueId,
            json(fields("description", "A quiet room on the second floor"))).readBack(Caller.ADMIN, "/v1/venues/" + w.venueId));
        on("DELETE /v1/venues/{venue_id}", c -> {
            String path = "/v1/venues/" + w.venue("{}");
            return delete(path).readBack(Caller.ADMIN, path);
        });
    }

    private void groups() {
        on("POST /v1/groups", c -> post("/v1/groups", GroupFixtures.body(w.programId, "{}"))
            .readBack(Caller.ADMIN, "/v1/groups?limit=100&program_id=" + w.programId));
        on("GET /v1/groups", c -> get("/v1/groups?limit=100&program_id=" + w.programId));
        on("GET /v1/groups [archived]", c -> get("/v1/groups?limit=100&program_id=" + w.programId));
        on("GET /v1/groups/{group_id}", c -> get(group()));
        on("GET /v1/groups/{group_id} [archived]", c -> get("/v1/groups/" + w.archivedGroupId)
            .secret("conference", new AccessWorld.Secret("the archived group's conference URL", w.archivedConferenceUrl)));
        on("PATCH /v1/groups/{group_id}", c -> patch(group(), json(fields("description", "An hour of peer support")))
            .readBack(Caller.COORDINATOR, group()));
        on("DELETE /v1/groups/{group_id}", c -> {
            String path = "/v1/groups/" + w.freshGroup();
            return delete(path).readBack(Caller.ADMIN, path);
        });
        on("POST /v1/groups/{group_id}/members", c -> post(group() + "/members", null)
            .readBack(Caller.COORDINATOR, group() + "/members?limit=100")
            .after(result -> w.undoIfCreated(result, group() + "/members/")));
        on("GET /v1/groups/{group_id}/members", c -> get(group() + "/members?limit=100"));
        on("GET /v1/groups/{group_id}/members/{member_id}", c -> get(group() + "/members/" + w.ownerGroupMemberId()));
        on("DELETE /v1/groups/{group_id}/members/{member_id}", c -> {
            String path = group() + "/members/" + w.ownerGroupMemberId();
            return delete(path).readBack(Caller.COORDINATOR, path).after(w::restoreOwnerGroupMembership);
        });
        on("POST /v1/groups/{group_id}/members/{member_id}/approve", c -> {
            String path = group() + "/members/" + w.freshPendingMember();
            return post(path + "/approve", null).readBack(Caller.COORDINATOR, path);
        });
    }

    private void sessions() {
        String future = "/v1/sessions/" + "%s";
        on("GET /v1/groups/{group_id}/sessions", c -> get(group() + "/sessions"));
        on("GET /v1/groups/{group_id}/sessions [archived]", c -> get("/v1/groups/" + w.archivedGroupId + "/sessions"));
        on("GET /v1/groups/{group_id}/calendar.ics", c -> get(group() + "/calendar.ics"));
        on("GET /v1/sessions/{session_id}", c -> get(future.formatted(w.futureSessionId)));
        on("PATCH /v1/sessions/{session_id}", c -> patch(future.formatted(w.futureSessionId),
            json(fields("note", "We start ten minutes late this week")))
            .readBack(Caller.COORDINATOR, future.formatted(w.futureSessionId)));
        on("PUT /v1/sessions/{session_id}/rsvp", c -> put(future.formatted(w.futureSessionId) + "/rsvp",
            json(fields("status", "going", "attendance_mode", "online")))
            .readBack(Caller.COORDINATOR, future.formatted(w.futureSessionId) + "/rsvps?limit=100"));
        on("GET /v1/sessions/{session_id}/rsvps", c -> get(future.formatted(w.futureSessionId) + "/rsvps?limit=100"));
        on("PUT /v1/sessions/{session_id}/attendance [past]", c -> put(future.formatted(w.pastSessionId) + "/attendance",
            json(fields("records", List.of(fields("user_id", w.owner().userId(), "status", "attended")))))
            .readBack(Caller.COORDINATOR, future.formatted(w.pastSessionId) + "/attendance"));
        on("GET /v1/sessions/{session_id}/attendance [past]", c -> get(future.formatted(w.pastSessionId) + "/attendance"));
        on("GET /v1/feeds/meeting-guide.json", c -> get("/v1/feeds/meeting-guide.json"));
    }

    private void mentors() {
        on("GET /v1/programs/{program_id}/members/{member_id}/preferences", c -> get(w.preferencesPath()));
        on("PUT /v1/programs/{program_id}/members/{member_id}/preferences", c -> put(w.preferencesPath(), PREFERENCES)
            .readBack(Caller.OWNER, w.preferencesPath()));
        on("GET /v1/mentors", c -> get("/v1/mentors?limit=100"));
        on("GET /v1/mentors [withdrawn]", c -> get("/v1/mentors?limit=100&program_id=" + w.programId));
        on("GET /v1/mentors/{mentor_id}", c -> get("/v1/mentors/" + w.mentorProfileId));
        on("GET /v1/mentors/{mentor_id} [withdrawn]", c -> get("/v1/mentors/" + w.withdrawnMentorProfileId));
        on("PATCH /v1/mentors/{mentor_id}", c -> patch("/v1/mentors/" + w.mentorProfileId,
            json(fields("bio", "I listen first, then we plan the week together.")))
            .readBack(Caller.MENTOR, "/v1/mentors/" + w.mentorProfileId));
        on("GET /v1/programs/{program_id}/mentor-matches",
            c -> get(program() + "/mentor-matches?participant_id=" + w.owner().userId()));
    }

    private void mentorships() {
        on("POST /v1/mentorships", c -> post("/v1/mentorships", json(fields("program_id", w.programId,
            "mentor_id", w.otherMentorProfileId, "participant_id", w.owner().userId())))
            .readBack(Caller.COORDINATOR, "/v1/mentorships?limit=100&program_id=" + w.programId));
        on("GET /v1/mentorships", c -> get("/v1/mentorships?limit=100"));
        on("GET /v1/mentorships [continuing]", c -> get("/v1/mentorships?limit=100"));
        on("GET /v1/mentorships/{mentorship_id}", c -> get(mentorship()));
        on("GET /v1/mentorships/{mentorship_id} [continuing]", c -> get("/v1/mentorships/" + w.continuingMentorshipId));
        on("POST /v1/mentorships/{mentorship_id}/accept", c -> transition(w.freshMentorshipRequest(), "accept", null));
        on("POST /v1/mentorships/{mentorship_id}/decline", c -> transition(w.freshMentorshipRequest(), "decline",
            json(fields("reason", "not_a_good_fit"))));
        on("POST /v1/mentorships/{mentorship_id}/end", c -> transition(w.mentorshipId(), "end",
            json(fields("reason", "goals_met"))));
        on("POST /v1/mentorships/{mentorship_id}/complete", c -> transition(w.mentorshipId(), "complete", null));
        on("POST /v1/mentorships/{mentorship_id}/continue", c -> transition(w.freshCompletedMentorship(), "continue", null));
        on("POST /v1/mentorships/{mentorship_id}/meetings", c -> post(mentorship() + "/meetings",
            meeting("Walked and talked by the river")).readBack(Caller.OWNER, mentorship() + "/meetings?limit=100"));
        on("GET /v1/mentorships/{mentorship_id}/meetings", c -> get(mentorship() + "/meetings?limit=100"));
        on("GET /v1/mentorships/{mentorship_id}/meetings/{meeting_id}",
            c -> get(mentorship() + "/meetings/" + w.meetingId()));
    }

    private Probe transition(String id, String action, String body) {
        String path = "/v1/mentorships/" + id;
        return post(path + "/" + action, body).readBack(Caller.OWNER, path).after(w::restoreOwnerMentorship);
    }

    private void checkins() {
        on("POST /v1/checkins", c -> {
            Caller author = c == Caller.ANONYMOUS ? Caller.OWNER : c;
            return post("/v1/checkins", CheckinFixtures.body(w.programId, "note", "Checking in after lunch"))
                .readBack(author, "/v1/checkins?limit=100&participant_id=" + w.accountOf(author).userId());
        });
        on("GET /v1/checkins", c -> get("/v1/checkins?limit=100"));
        on("GET /v1/checkins/{checkin_id} [private]", c -> get("/v1/checkins/" + w.privateCheckinId)
            .secret("note", w.notes().get(0)));
        on("GET /v1/checkins/{checkin_id} [mentor]", c -> get("/v1/checkins/" + w.mentorCheckinId)
            .secret("note", w.notes().get(1)));
        on("GET /v1/checkins/{checkin_id} [group]", c -> get("/v1/checkins/" + w.groupCheckinId)
            .secret("note", w.notes().get(2)));
        on("PATCH /v1/checkins/{checkin_id} [group]", c -> patch("/v1/checkins/" + w.groupCheckinId,
            json(fields("mood", 4))).readBack(Caller.OWNER, "/v1/checkins/" + w.groupCheckinId));
        on("DELETE /v1/checkins/{checkin_id} [group]", c -> {
            String path = "/v1/checkins/" + w.freshGroupCheckin();
            return delete(path).readBack(Caller.OWNER, path);
        });
        String words = json(fields("message", "Proud of you for going"));
        on("POST /v1/checkins/{checkin_id}/encouragements [mentor]", c -> post("/v1/checkins/" + w.mentorCheckinId
            + "/encouragements", words).readBack(Caller.OWNER, "/v1/checkins/" + w.mentorCheckinId + "/encouragements?limit=100"));
        on("POST /v1/checkins/{checkin_id}/encouragements [group]", c -> post("/v1/checkins/" + w.groupCheckinId
            + "/encouragements", words).readBack(Caller.OWNER, "/v1/checkins/" + w.groupCheckinId + "/encouragements?limit=100"));
        on("GET /v1/checkins/{checkin_id}/encouragements [group]",
            c -> get("/v1/checkins/" + w.groupCheckinId + "/encouragements?limit=100"));
        on("POST /v1/checkins/{checkin_id}/encouragements/{encouragement_id}/hide [group]", c -> {
            String list = "/v1/checkins/" + w.groupCheckinId + "/encouragements";
            return post(list + "/" + w.freshEncouragement() + "/hide", null).readBack(Caller.OWNER, list + "?limit=100");
        });
        on("GET /v1/programs/{program_id}/celebrations", c -> get(program() + "/celebrations?limit=100"));
    }

    private void safety() {
        on("GET /v1/alerts", c -> get("/v1/alerts?limit=100"));
        on("POST /v1/alerts/{alert_id}/acknowledge", c -> post("/v1/alerts/" + w.alertId + "/acknowledge", null)
            .readBack(Caller.COORDINATOR, "/v1/alerts?limit=100"));
        on("GET /v1/participants/{user_id}/progress",
            c -> get("/v1/participants/" + w.owner().userId() + "/progress?program_id=" + w.programId));
        on("GET /v1/audit", c -> get("/v1/audit?limit=100"));
    }
}
