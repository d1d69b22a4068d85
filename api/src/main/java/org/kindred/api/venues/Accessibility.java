package org.kindred.api.venues;

/** What a venue offers people with disabilities; a missing answer counts as "no". */
public record Accessibility(Boolean stepFreeEntrance, Boolean accessibleRestroom, Boolean accessibleParking,
                            Boolean hearingLoop) {
    static final Accessibility NONE = new Accessibility(false, false, false, false);

    Accessibility withDefaults() {
        return new Accessibility(Boolean.TRUE.equals(stepFreeEntrance), Boolean.TRUE.equals(accessibleRestroom),
            Boolean.TRUE.equals(accessibleParking), Boolean.TRUE.equals(hearingLoop));
    }
}
