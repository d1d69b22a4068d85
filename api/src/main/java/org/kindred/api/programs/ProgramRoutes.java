package org.kindred.api.programs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.PageRequest;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class ProgramRoutes {
    private final ProgramService service;
    private final Idempotency idempotency;

    public ProgramRoutes(ProgramService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/v1/programs", idempotency.wrap(this::create));
        routes.get("/v1/programs", this::list);
        routes.get("/v1/programs/{program_id}", this::get);
        routes.patch("/v1/programs/{program_id}", this::update);
        routes.delete("/v1/programs/{program_id}", this::delete);
    }

    private void create(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Program program = service.create(caller, JsonBody.read(ctx, ProgramInput.class));
        Responses.created(ctx, "/v1/programs/" + program.id(), program);
    }

    private void list(Context ctx) {
        Query query = Query.of(ctx, "limit", "cursor", "q", "focus_area", "delivery_mode", "country", "status",
            "updated_since");
        PageRequest page = query.page();
        var viewer = Authenticator.optional(ctx);
        var filter = new ProgramStore.Filter(
            viewer.map(Principal::userId).orElse(null),
            viewer.map(Principal::admin).orElse(false),
            query.search("q"),
            query.enumValue("focus_area", FocusArea.class),
            query.enumValue("delivery_mode", DeliveryMode.class),
            query.country("country"),
            query.enumValue("status", ProgramStatus.class),
            query.instant("updated_since"));
        Responses.ok(ctx, service.list(viewer, filter, page));
    }

    private void get(Context ctx) {
        Query.of(ctx);
        Responses.resource(ctx, service.get(Authenticator.optional(ctx), ctx.pathParam("program_id")));
    }

    private void update(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        JsonBody.MergePatch patch = JsonBody.mergePatch(ctx);
        Program program = service.update(caller, ctx.pathParam("program_id"), ctx.header("If-Match"),
            current -> patch.applyTo(current, ProgramInput.class));
        Responses.resource(ctx, program);
    }

    private void delete(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        service.delete(caller, ctx.pathParam("program_id"), ctx.header("If-Match"));
        Responses.noContent(ctx);
    }
}
