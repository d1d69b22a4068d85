package org.kindred.api.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class AuditRoutes {
    private final AuditTrail audit;

    public AuditRoutes(AuditTrail audit) {
        this.audit = audit;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/v1/audit", this::list);
    }

    private void list(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor", "actor_id", "subject_id", "action", "since", "until");
        AuditFilter filter = new AuditFilter(query.id("actor_id"), query.id("subject_id"),
            query.enumValue("action", AuditAction.class), query.instant("since"), query.instant("until"));
        Responses.ok(ctx, audit.list(caller, filter, query.page()));
    }
}
