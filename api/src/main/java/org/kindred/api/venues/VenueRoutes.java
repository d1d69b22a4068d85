package org.kindred.api.venues;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.JsonBody;
import org.kindred.api.http.Query;
import org.kindred.api.http.Responses;
import org.kindred.api.idempotency.Idempotency;
import org.kindred.api.security.Authenticator;
import org.kindred.api.security.Principal;

public final class VenueRoutes {
    static final double DEFAULT_RADIUS_KM = 25;
    static final double MAX_RADIUS_KM = 500;

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
            "animal_free_room", "min_capacity", "space", "country", "program_id", "status");
        Optional<Principal> viewer = Authenticator.optional(ctx);
        VenueFilter filter = new VenueFilter(
            viewer.map(Principal::userId).orElse(null),
            viewer.map(Principal::admin).orElse(false),
            near(query),
            query.search("q"),
            query.enumValue("species", Species.class),
            query.bool("esa_allowed"),
            query.bool("step_free"),
            query.bool("animal_free_room"),
            query.integer("min_capacity", 1, 100_000),
            query.enumValue("space", Space.class),
            query.country("country"),
            query.text("program_id"),
            query.enumValue("status", VenueStatus.class));
        Responses.ok(ctx, service.list(filter, query.page()));
    }

    private void get(Context ctx) {
        Query.of(ctx);
        Responses.resource(ctx, service.get(Authenticator.optional(ctx), ctx.pathParam("venue_id")));
    }

    private void update(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        Venue venue = service.update(caller, ctx.pathParam("venue_id"), ctx.header("If-Match"),
            current -> JsonBody.mergePatch(ctx, current, VenueInput.class));
        Responses.resource(ctx, venue);
    }

    private void delete(Context ctx) {
        Principal caller = Authenticator.required(ctx);
        Query.of(ctx);
        service.delete(caller, ctx.pathParam("venue_id"), ctx.header("If-Match"));
        Responses.noContent(ctx);
    }

    /** {@code near=lat,lon} and {@code radius_km}; a radius without a centre is refused. */
    static VenueFilter.Near near(Query query) {
        String near = query.text("near");
        Double radius = query.decimal("radius_km", 0.001, MAX_RADIUS_KM);
        if (near == null) {
            if (radius != null) {
                throw ApiException.invalid("radius_km", "requires", "needs near=latitude,longitude");
            }
            return null;
        }
        String[] parts = near.split(",", -1);
        Double latitude = parts.length == 2 ? Query.parseDecimal(parts[0].trim()) : null;
        Double longitude = parts.length == 2 ? Query.parseDecimal(parts[1].trim()) : null;
        if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            throw ApiException.invalid("near", "invalid_format",
                "must be latitude,longitude in decimal degrees, latitude -90 to 90 and longitude -180 to 180, like 41.88,-87.63");
        }
        return new VenueFilter.Near(latitude, longitude, radius == null ? DEFAULT_RADIUS_KM : radius);
    }
}
