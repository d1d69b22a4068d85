package org.kindred.api.progress;

import java.time.LocalDate;
import java.util.List;

/** A participant's progress in one program over a period. */
public record Progress(String participantId, String programId, LocalDate from, LocalDate to, List<WeekProgress> weeks,
                       int currentStreakWeeks, Who5Change who5) {
}
