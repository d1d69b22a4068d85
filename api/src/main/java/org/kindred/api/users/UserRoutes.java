package org.kindred.api.users;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class UserRoutes {
    private final UserService service;

    public UserRoutes(UserService service) {
        this.service = service;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/v1/me", this::me);
        routes.patch("/v1/me", this::updateMe);
        routes.get("/v1/users", this::list);
    }

    private void me(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.resource(ctx, service.me(caller));
    }

    private void updateMe(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        JsonBody.MergePatch patch = JsonBody.mergePatch(ctx);
        Me me = service.update(caller, ctx.header("If-Match"), current -> patch.applyTo(current, MeUpdate.class));
        Responses.resource(ctx, me);
    }

    private void list(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor", "email");
        Responses.ok(ctx, service.list(caller, query.text("email", 254), query.page()));
    }
}
