package org.kindred.api.progress;

import java.time.Instant;

/** The first and latest WHO-5 percentages in the period; a change of 10 points or more is meaningful. */
public record Who5Change(Instant firstAt, int first, Instant latestAt, int latest, int change, boolean meaningful) {
}
