package org.kindred.api.venues;

import org.kindred.api.http.Checks;

/** What a client may write about a venue: the body of a create, and the shape a PATCH is merged into. */
public record VenueInput(
    String programId,
    String name,
    String description,
    Address address,
    Double latitude,
    Double longitude,
    String timezone,
    Integer capacity,
    Space spaces,
    Accessibility accessibility,
    Contact contact,
    VenueStatus status,
    AnimalPolicy animalPolicy) {

    static VenueInput of(Venue venue) {
        return new VenueInput(venue.programId(), venue.name(), venue.description(), venue.address(), venue.latitude(),
            venue.longitude(), venue.timezone(), venue.capacity(), venue.spaces(), venue.accessibility(),
            venue.contact(), venue.status(), venue.animalPolicy());
    }

    /** Fills what a create may leave out: the venue starts active. */
    VenueInput forCreate() {
        return new VenueInput(programId, name, description, address, latitude, longitude, timezone, capacity, spaces,
            accessibility, contact, status == null ? VenueStatus.active : status, animalPolicy).withDefaults();
    }

    /**
     * Fills the nested objects a create or a patch may leave out or clear: no accessibility features and the
     * default animal policy. The status is not filled: clearing it is refused.
     */
    VenueInput withDefaults() {
        return new VenueInput(programId, name, description, address, latitude, longitude, timezone, capacity, spaces,
            accessibility == null ? Accessibility.NONE : accessibility.withDefaults(), contact, status,
            animalPolicy == null ? AnimalPolicy.DEFAULT : animalPolicy.withDefaults());
    }

    void validate() {
        Checks checks = new Checks()
            .text("program_id", programId, 64, false)
            .text("name", name, 200, true)
            .text("description", description, 5000, false)
            .required("address", address)
            .required("latitude", latitude)
            .range("latitude", latitude, -90, 90)
            .required("longitude", longitude)
            .range("longitude", longitude, -180, 180)
            .timezone("timezone", timezone, true)
            .range("capacity", capacity, 1, 100_000)
            .required("spaces", spaces)
            .required("status", status);
        if (address != null) {
            address.check(checks);
        }
        if (contact != null) {
            contact.check(checks);
        }
        animalPolicy.check(checks);
        checks.throwIfInvalid();
        animalPolicy.requireServiceAnimalsWelcome();
    }
}
