package org.kindred.api.venues;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class VenueRoutes {
    private final VenueService service;
    private final Idempotency idempotency;

    public VenueRoutes(VenueService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    public void addTo(RoutesConfig routes) {
        routes.post("/v1/venues", idempotency.wrap(this::create));
        routes.get("/v1/venues", this::list);
        routes.get("/v1/venues/{venue_id}", this::get);
        routes.patch("/v1/venues/{venue_id}", this::update);
        routes.delete("/v1/venues/{venue_id}", this::delete);
    }

    private void create(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Venue venue = service.create(caller, JsonBody.read(ctx, VenueInput.class));
        Responses.created(ctx, "/v1/venues/" + venue.id(), venue);
    }

    private void list(Context ctx) {
        Query query = Query.of(ctx, "limit", "cursor", "near", "radius_km", "q", "species", "esa_allowed", "step_free",
            "animal_free_room", "min_capacity", "space", "country", "program_id", "status", "updated_since");
        Optional<Principal> viewer = Authenticator.optional(ctx);
        VenueFilter filter = new VenueFilter(
            viewer.map(Principal::userId).orElse(null),
            viewer.map(Principal::admin).orElse(false),
            VenueFilter.Near.parse(query),
            query.search("q"),
            query.enumValue("species", Species.class),
            query.bool("esa_allowed"),
            query.bool("step_free"),
            query.bool("animal_free_room"),
            query.integer("min_capacity", 1, 100_000),
            query.enumValue("space", Space.class),
            query.country("country"),
            query.id("program_id"),
            query.enumValue("status", VenueStatus.class),
            query.instant("updated_since"));
        Responses.ok(ctx, service.list(filter, query.page()));
    }

    private void get(Context ctx) {
        Query.of(ctx);
        Responses.resource(ctx, service.get(Authenticator.optional(ctx), ctx.pathParam("venue_id")));
    }

    private void update(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        JsonBody.MergePatch patch = JsonBody.mergePatch(ctx);
        Venue venue = service.update(caller, ctx.pathParam("venue_id"), ctx.header("If-Match"),
            current -> patch.applyTo(current, VenueInput.class));
        Responses.resource(ctx, venue);
    }

    private void delete(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        service.delete(caller, ctx.pathParam("venue_id"), ctx.header("If-Match"));
        Responses.noContent(ctx);
    }
}
