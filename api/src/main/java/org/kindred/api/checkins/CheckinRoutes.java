package org.kindred.api.checkins;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class CheckinRoutes {
    private static final String CHECKIN = "/v1/checkins/{checkin_id}";

    private final CheckinService service;
    private final Idempotency idempotency;

    public CheckinRoutes(CheckinService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/v1/checkins", idempotency.wrap(this::create));
        routes.get("/v1/checkins", this::list);
        routes.get(CHECKIN, this::get);
        routes.patch(CHECKIN, this::update);
        routes.delete(CHECKIN, this::delete);
        routes.post(CHECKIN + "/encouragements", idempotency.wrap(this::encourage));
        routes.get(CHECKIN + "/encouragements", this::encouragements);
        routes.post(CHECKIN + "/encouragements/{encouragement_id}/hide", this::hide);
        routes.get("/v1/programs/{program_id}/celebrations", this::celebrations);
    }

    private void create(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Checkin checkin = service.create(caller, JsonBody.read(ctx, CheckinInput.class));
        Responses.created(ctx, "/v1/checkins/" + checkin.id(), checkin);
    }

    private void list(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor", "participant_id", "group_id", "since");
        Responses.ok(ctx, service.list(new CheckinFilter(caller.userId(), query.id("participant_id"),
            query.id("group_id"), query.instant("since")), query.page()));
    }

    private void get(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.resource(ctx, service.get(caller, ctx.pathParam("checkin_id")));
    }

    private void update(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        JsonBody.MergePatch patch = JsonBody.mergePatch(ctx);
        Checkin checkin = service.update(caller, ctx.pathParam("checkin_id"), ctx.header("If-Match"),
            current -> patch.applyTo(current, CheckinUpdate.class));
        Responses.resource(ctx, checkin);
    }

    private void delete(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        service.delete(caller, ctx.pathParam("checkin_id"), ctx.header("If-Match"));
        Responses.noContent(ctx);
    }

    private void encourage(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        String checkinId = ctx.pathParam("checkin_id");
        Encouragement encouragement = service.encourage(caller, checkinId, JsonBody.read(ctx, EncouragementInput.class));
        Responses.created(ctx, "/v1/checkins/" + checkinId + "/encouragements", encouragement);
    }

    private void encouragements(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor");
        Responses.ok(ctx, service.encouragements(caller, ctx.pathParam("checkin_id"), query.page()));
    }

    private void hide(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.ok(ctx, service.hide(caller, ctx.pathParam("checkin_id"), ctx.pathParam("encouragement_id")));
    }

    private void celebrations(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor");
        Responses.ok(ctx, service.celebrations(caller, ctx.pathParam("program_id"), query.page()));
    }
}
