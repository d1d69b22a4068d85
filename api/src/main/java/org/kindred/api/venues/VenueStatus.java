package org.kindred.api.venues;

public enum VenueStatus {
    active,
    closed
}
