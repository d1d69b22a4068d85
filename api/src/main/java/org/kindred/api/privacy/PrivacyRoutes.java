package org.kindred.api.privacy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class PrivacyRoutes {
    private final PrivacyService privacy;

    public PrivacyRoutes(PrivacyService privacy) {
        this.privacy = privacy;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/v1/me/export", this::export);
        routes.delete("/v1/me", this::erase);
    }

    private void export(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.ok(ctx, privacy.export(caller));
    }

    private void erase(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        privacy.erase(caller, JsonBody.read(ctx, ErasureRequest.class));
        Responses.noContent(ctx);
    }
}
