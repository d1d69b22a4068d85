package org.kindred.api.mentors;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.programs.FocusArea;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class MentorRoutes {
    private final MentorService mentors;
    private final MatchService matches;

    public MentorRoutes(MentorService mentors, MatchService matches) {
        this.mentors = mentors;
        this.matches = matches;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/v1/mentors", this::list);
        routes.get("/v1/mentors/{mentor_id}", this::get);
        routes.patch("/v1/mentors/{mentor_id}", this::update);
        routes.get("/v1/programs/{program_id}/mentor-matches", this::matches);
    }

    private void list(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "limit", "cursor", "program_id", "language", "lived_experience", "mode", "accepting",
            "status", "updated_since");
        MentorFilter filter = new MentorFilter(caller.userId(), caller.admin(), query.id("program_id"),
            query.language("language"), query.enumValue("lived_experience", FocusArea.class),
            query.enumValue("mode", MentorMode.class), query.bool("accepting"),
            query.enumValue("status", MentorStatus.class), query.instant("updated_since"));
        Responses.ok(ctx, mentors.list(filter, query.page()));
    }

    private void get(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Responses.resource(ctx, mentors.get(caller, ctx.pathParam("mentor_id")));
    }

    private void update(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        JsonBody.MergePatch patch = JsonBody.mergePatch(ctx);
        Mentor mentor = mentors.update(caller, ctx.pathParam("mentor_id"), ctx.header("If-Match"),
            current -> patch.applyTo(current, MentorInput.class));
        Responses.resource(ctx, mentor);
    }

    private void matches(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query query = Query.of(ctx, "participant_id", "limit", "cursor");
        String participant = query.id("participant_id");
        if (participant == null) {
            participant = caller.userId();
        }
        Responses.ok(ctx, matches.matches(caller, ctx.pathParam("program_id"), participant, query.page()));
    }
}
