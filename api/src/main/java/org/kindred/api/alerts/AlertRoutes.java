package org.kindred.api.alerts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class AlertRoutes {
    private final AlertService alerts;

    public AlertRoutes(AlertService alerts) {
        this.alerts = alerts;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/v1/alerts", this::list);
        routes.post("/v1/alerts/{alert_id}/acknowledge", this::acknowledge);
    }

    private void list(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor", "acknowledged");
        Responses.ok(ctx, alerts.list(caller, query.bool("acknowledged"), query.page()));
    }

    private void acknowledge(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.ok(ctx, alerts.acknowledge(caller, ctx.pathParam("alert_id")));
    }
}
