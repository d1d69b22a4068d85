package org.kindred.api.programs;

/**
 * What a program focuses on; mentors' lived-experience areas use the same words. New values may be added
 * (a compatible change); clients must tolerate ones they do not know.
 */
public enum FocusArea {
    anxiety,
    depression,
    grief,
    trauma,
    substance_use,
    bipolar,
    eating_disorders,
    psychosis,
    self_harm,
    loneliness,
    stress,
    perinatal,
    caregiving,
    general_wellbeing
}
