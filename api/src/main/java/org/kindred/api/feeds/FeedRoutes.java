package org.kindred.api.feeds;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;

/** Public feeds in formats other software reads. */
public final class FeedRoutes {
    private final MeetingGuideFeed meetingGuide;

    public FeedRoutes(MeetingGuideFeed meetingGuide) {
        this.meetingGuide = meetingGuide;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/v1/feeds/meeting-guide.json", this::meetingGuide);
    }

    /** A JSON array, as the Meeting Guide format prescribes (the one body in this API that is not an object). */
    private void meetingGuide(Context ctx) {
        Query.of(ctx);
        ctx.header("Cache-Control", "public, max-age=300");
        Responses.ok(ctx, meetingGuide.meetings());
    }
}
