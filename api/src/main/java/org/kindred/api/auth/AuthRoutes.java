package org.kindred.api.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.users.Me;
import org.kindred.api.users.RegisterRequest;
import org.kindred.api.users.UserService;

public final class AuthRoutes {
    private final AuthService auth;
    private final UserService users;
    private final Idempotency idempotency;

    public AuthRoutes(AuthService auth, UserService users, Idempotency idempotency) {
        this.auth = auth;
        this.users = users;
        this.idempotency = idempotency;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/v1/auth/token", this::token);
        routes.post("/v1/auth/refresh", this::refresh);
        routes.post("/v1/auth/logout", this::logout);
        routes.post("/v1/auth/register", idempotency.wrap(this::register));
    }

    private void token(Context ctx) {
        Query.of(ctx);
        Responses.ok(ctx, auth.login(JsonBody.read(ctx, TokenRequest.class), ctx.ip()));
    }

    private void refresh(Context ctx) {
        Query.of(ctx);
        Responses.ok(ctx, auth.refresh(JsonBody.read(ctx, RefreshRequest.class), ctx.ip()));
    }

    private void logout(Context ctx) {
        Query.of(ctx);
        auth.logout(JsonBody.read(ctx, RefreshRequest.class), ctx.ip());
        Responses.noContent(ctx);
    }

    private void register(Context ctx) {
        Query.of(ctx);
        Me me = users.register(JsonBody.read(ctx, RegisterRequest.class), ctx.ip());
        Responses.created(ctx, "/v1/me", me);
    }
}
