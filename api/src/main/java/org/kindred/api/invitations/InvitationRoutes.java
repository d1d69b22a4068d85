package org.kindred.api.invitations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.members.Member;
import org.kindred.api.members.MemberRoutes;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class InvitationRoutes {
    private static final String INVITATIONS = "/v1/programs/{program_id}/invitations";

    private final InvitationService service;
    private final Idempotency idempotency;

    public InvitationRoutes(InvitationService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    public void addTo(RoutesConfig routes) {
        routes.post(INVITATIONS, idempotency.wrap(this::create));
        routes.get(INVITATIONS, this::list);
        routes.get(INVITATIONS + "/{invitation_id}", this::get);
        routes.delete(INVITATIONS + "/{invitation_id}", this::revoke);
        routes.post("/v1/invitations/redeem", idempotency.wrap(this::redeem));
    }

    private void create(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        String programId = ctx.pathParam("program_id");
        Invitation invitation = service.create(caller, programId, JsonBody.read(ctx, InvitationInput.class));
        Responses.created(ctx, "/v1/programs/" + programId + "/invitations/" + invitation.id(), invitation);
    }

    private void list(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor");
        Responses.ok(ctx, service.list(caller, ctx.pathParam("program_id"), query.page()));
    }

    private void get(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.resource(ctx, service.get(caller, ctx.pathParam("program_id"), ctx.pathParam("invitation_id")));
    }

    private void revoke(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        service.revoke(caller, ctx.pathParam("program_id"), ctx.pathParam("invitation_id"), ctx.header("If-Match"));
        Responses.noContent(ctx);
    }

    private void redeem(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Member member = service.redeem(caller, JsonBody.read(ctx, RedeemRequest.class));
        Responses.created(ctx, MemberRoutes.location(member), member);
    }
}
