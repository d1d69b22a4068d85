package org.kindred.api.checkins;

public enum Tag {
    small_victory,
    setback,
    gratitude,
    coping_strategy,
    attended_group,
    craving,
    other
}
