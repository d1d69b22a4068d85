package org.kindred.api.progress;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class ProgressRoutes {
    private final ProgressService progress;

    public ProgressRoutes(ProgressService progress) {
        this.progress = progress;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/v1/participants/{user_id}/progress", this::progress);
    }

    private void progress(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "program_id", "from", "to");
        String programId = query.id("program_id");
        if (programId == null) {
            throw ApiException.invalid("program_id", "required", "is required: progress is per program");
        }
        Responses.ok(ctx, progress.progress(caller, ctx.pathParam("user_id"), programId, query.date("from"),
            query.date("to")));
    }
}
