package org.kindred.api.venues;

import java.time.Instant;
import org.kindred.api.http.ReusableJson;

/** A place where groups meet. {@code distance_km} is set only in results of a search near a point. */
@ReusableJson
public record Venue(
    String id,
    String programId,
    String name,
    String description,
    Address address,
    double latitude,
    double longitude,
    String timezone,
    Integer capacity,
    Space spaces,
    Accessibility accessibility,
    Contact contact,
    VenueStatus status,
    AnimalPolicy animalPolicy,
    Instant createdAt,
    Instant updatedAt,
    Double distanceKm) {

    Venue withDistance(Double distanceKm) {
        return new Venue(id, programId, name, description, address, latitude, longitude, timezone, capacity, spaces,
            accessibility, contact, status, animalPolicy, createdAt, updatedAt, distanceKm);
    }
}
