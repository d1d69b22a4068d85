package org.kindred.api.venues;

/** Where something is: inside, outside, or both. */
public enum Space {
    indoor,
    outdoor,
    both;

    /** True when a venue offering this space has {@code wanted}. */
    boolean offers(Space wanted) {
        return this == both || this == wanted;
    }
}
