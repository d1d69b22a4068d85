package org.kindred.api.mentors;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class MentorshipRoutes {
    private static final String MENTORSHIP = "/v1/mentorships/{mentorship_id}";

    private final MentorshipService service;
    private final Idempotency idempotency;

    public MentorshipRoutes(MentorshipService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/v1/mentorships", idempotency.wrap(this::request));
        routes.get("/v1/mentorships", this::list);
        routes.get(MENTORSHIP, this::get);
        routes.post(MENTORSHIP + "/accept", ctx -> act(ctx, (caller, id) -> service.accept(caller, id)));
        routes.post(MENTORSHIP + "/decline", ctx -> act(ctx, (caller, id) ->
            service.decline(caller, id, JsonBody.read(ctx, DeclineRequest.class))));
        routes.post(MENTORSHIP + "/end", ctx -> act(ctx, (caller, id) ->
            service.end(caller, id, JsonBody.read(ctx, EndRequest.class))));
        routes.post(MENTORSHIP + "/complete", ctx -> act(ctx, (caller, id) -> service.complete(caller, id)));
        routes.post(MENTORSHIP + "/continue", ctx -> act(ctx, (caller, id) -> service.continueAfterCompletion(caller, id)));
        routes.post(MENTORSHIP + "/meetings", idempotency.wrap(this::logMeeting));
        routes.get(MENTORSHIP + "/meetings", this::meetings);
        routes.get(MENTORSHIP + "/meetings/{meeting_id}", this::meeting);
    }

    private interface Action {
        Mentorship apply(Principal caller, String id);
    }

    private void act(Context ctx, Action action) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.ok(ctx, action.apply(caller, ctx.pathParam("mentorship_id")));
    }

    private void request(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Mentorship mentorship = service.request(caller, JsonBody.read(ctx, MentorshipRequest.class));
        Responses.created(ctx, "/v1/mentorships/" + mentorship.id(), mentorship);
    }

    private void list(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor", "program_id", "status", "as");
        MentorshipFilter filter = new MentorshipFilter(caller.userId(), caller.admin(), query.id("program_id"),
            query.enumValue("status", MentorshipStatus.class), query.enumValue("as", MentorshipFilter.Side.class));
        Responses.ok(ctx, service.list(filter, query.page()));
    }

    private void get(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.resource(ctx, service.get(caller, ctx.pathParam("mentorship_id")));
    }

    private void logMeeting(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        String id = ctx.pathParam("mentorship_id");
        Meeting meeting = service.logMeeting(caller, id, JsonBody.read(ctx, MeetingInput.class));
        Responses.created(ctx, "/v1/mentorships/" + id + "/meetings/" + meeting.id(), meeting);
    }

    private void meeting(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.resource(ctx, service.meeting(caller, ctx.pathParam("mentorship_id"), ctx.pathParam("meeting_id")));
    }

    private void meetings(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor");
        Responses.ok(ctx, service.meetings(caller, ctx.pathParam("mentorship_id"), query.page()));
    }
}
