package org.kindred.api.venues;

public enum Species {
    dog,
    cat,
    other
}
