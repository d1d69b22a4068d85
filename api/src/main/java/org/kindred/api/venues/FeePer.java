package org.kindred.api.venues;

public enum FeePer {
    visit,
    hour,
    day
}
