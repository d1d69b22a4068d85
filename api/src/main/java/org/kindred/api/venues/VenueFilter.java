package org.kindred.api.venues;

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
    VenueStatus status) {

    /** A search around a point: results are within the radius and ordered by distance. */
    public record Near(double latitude, double longitude, double radiusKm) {
    }
}
