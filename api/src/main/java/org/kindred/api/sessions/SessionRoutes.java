package org.kindred.api.sessions;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class SessionRoutes {
    private static final String SESSION = "/v1/sessions/{session_id}";

    private final SessionService sessions;
    private final RsvpService rsvps;
    private final AttendanceService attendance;
    private final CalendarService calendars;

    public SessionRoutes(SessionService sessions, RsvpService rsvps, AttendanceService attendance,
                         CalendarService calendars) {
        this.sessions = sessions;
        this.rsvps = rsvps;
        this.attendance = attendance;
        this.calendars = calendars;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/v1/groups/{group_id}/sessions", this::list);
        routes.get("/v1/groups/{group_id}/calendar.ics", this::calendar);
        routes.get(SESSION, this::get);
        routes.patch(SESSION, this::update);
        routes.put(SESSION + "/rsvp", this::rsvp);
        routes.get(SESSION + "/rsvps", this::rsvps);
        routes.put(SESSION + "/attendance", this::recordAttendance);
        routes.get(SESSION + "/attendance", this::attendance);
    }

    private void list(Context ctx) {
        Query query = Query.of(ctx, "from", "to", "limit", "cursor");
        Responses.ok(ctx, sessions.list(Authenticator.optional(ctx), ctx.pathParam("group_id"), query.instant("from"),
            query.instant("to"), query.page()));
    }

    private void calendar(Context ctx) {
        Query.of(ctx);
        ctx.contentType("text/calendar; charset=utf-8")
            .result(calendars.ics(Authenticator.optional(ctx), ctx.pathParam("group_id")));
    }

    private void get(Context ctx) {
        Query.of(ctx);
        Responses.resource(ctx, sessions.get(Authenticator.optional(ctx), ctx.pathParam("session_id")));
    }

    private void update(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        JsonBody.MergePatch patch = JsonBody.mergePatch(ctx);
        Session session = sessions.update(caller, ctx.pathParam("session_id"), ctx.header("If-Match"),
            current -> patch.applyTo(current, SessionUpdate.class));
        Responses.resource(ctx, session);
    }

    private void rsvp(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.ok(ctx, rsvps.answer(caller, ctx.pathParam("session_id"), JsonBody.read(ctx, RsvpRequest.class)));
    }

    private void rsvps(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor");
        Responses.ok(ctx, rsvps.list(caller, ctx.pathParam("session_id"), query.page()));
    }

    private void recordAttendance(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.ok(ctx, attendance.record(caller, ctx.pathParam("session_id"), JsonBody.read(ctx, AttendanceUpdate.class)));
    }

    private void attendance(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.ok(ctx, attendance.list(caller, ctx.pathParam("session_id")));
    }
}
