package org.kindred.api.checkins;

public enum Phq4Band {
    none,
    mild,
    moderate,
    severe
}
