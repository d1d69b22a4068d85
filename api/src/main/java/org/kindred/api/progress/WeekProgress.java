package org.kindred.api.progress;

/** One ISO week (e.g. 2026-W47) in the program's time zone: how many check-ins and their average mood. */
public record WeekProgress(String week, int checkins, Double averageMood) {
}
