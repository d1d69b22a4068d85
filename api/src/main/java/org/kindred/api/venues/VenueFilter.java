package org.kindred.api.venues;

import java.time.Instant;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Query;

/** The venue list's filters; null means "any". */
public record VenueFilter(
    String viewerId,
    boolean viewerIsAdmin,
    Near near,
    String text,
    Species species,
    Boolean esaAllowed,
    Boolean stepFree,
    Boolean animalFreeRoom,
    Integer minCapacity,
    Space space,
    String country,
    String programId,
    VenueStatus status,
    Instant updatedSince) {

    /** A search around a point: results are within the radius (default 25 km, at most 500). */
    public record Near(double latitude, double longitude, double radiusKm) {
        static final double DEFAULT_RADIUS_KM = 25;
        static final double MAX_RADIUS_KM = 500;

        /** {@code near=lat,lon} and {@code radius_km}, or null when there is no {@code near}; a radius alone is refused. */
        public static Near parse(Query query) {
            String near = query.text("near", 64);
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
            return new Near(latitude, longitude, radius == null ? DEFAULT_RADIUS_KM : radius);
        }
    }
}
