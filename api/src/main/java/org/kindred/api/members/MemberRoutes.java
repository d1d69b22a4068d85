package org.kindred.api.members;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;
import org.kindred.api.security.Role;

public final class MemberRoutes {
    private static final String MEMBERS = "/v1/programs/{program_id}/members";

    private final MemberService service;
    private final Idempotency idempotency;

    public MemberRoutes(MemberService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    public void addTo(RoutesConfig routes) {
        routes.post(MEMBERS, idempotency.wrap(this::add));
        routes.get(MEMBERS, this::list);
        routes.get(MEMBERS + "/{member_id}", this::get);
        routes.patch(MEMBERS + "/{member_id}", this::update);
        routes.delete(MEMBERS + "/{member_id}", this::remove);
        routes.get(MEMBERS + "/{member_id}/preferences", this::preferences);
        routes.put(MEMBERS + "/{member_id}/preferences", this::setPreferences);
        routes.post("/v1/programs/{program_id}/enrollments", idempotency.wrap(this::enroll));
        routes.get("/v1/programs/{program_id}/participants", this::participants);
    }

    private void add(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Member member = service.add(caller, ctx.pathParam("program_id"), JsonBody.read(ctx, MemberInput.class));
        Responses.created(ctx, location(member), member);
    }

    private void enroll(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Member member = service.enroll(caller, ctx.pathParam("program_id"));
        Responses.created(ctx, location(member), member);
    }

    private void list(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor", "role", "enrollment_status");
        Responses.ok(ctx, service.list(caller, ctx.pathParam("program_id"), query.enumValue("role", Role.class),
            query.enumValue("enrollment_status", EnrollmentStatus.class), query.page()));
    }

    private void participants(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor", "enrollment_status");
        Responses.ok(ctx, service.participants(caller, ctx.pathParam("program_id"),
            query.enumValue("enrollment_status", EnrollmentStatus.class), query.page()));
    }

    private void get(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.resource(ctx, service.get(caller, ctx.pathParam("program_id"), ctx.pathParam("member_id")));
    }

    private void update(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        JsonBody.MergePatch patch = JsonBody.mergePatch(ctx);
        Member member = service.update(caller, ctx.pathParam("program_id"), ctx.pathParam("member_id"),
            ctx.header("If-Match"), current -> patch.applyTo(current, MemberUpdate.class));
        Responses.resource(ctx, member);
    }

    private void remove(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        service.remove(caller, ctx.pathParam("program_id"), ctx.pathParam("member_id"), ctx.header("If-Match"));
        Responses.noContent(ctx);
    }

    private void preferences(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.resource(ctx, service.preferences(caller, ctx.pathParam("program_id"), ctx.pathParam("member_id")));
    }

    private void setPreferences(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.ok(ctx, service.setPreferences(caller, ctx.pathParam("program_id"), ctx.pathParam("member_id"),
            JsonBody.read(ctx, MatchPreferences.class)));
    }

    public static String location(Member member) {
        return "/v1/programs/" + member.programId() + "/members/" + member.id();
    }
}
