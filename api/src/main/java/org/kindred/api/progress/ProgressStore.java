package org.kindred.api.progress;

import java.time.Instant;
import java.util.List;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;

final class ProgressStore {
    /** What progress is computed from: when, how the mood was, and the WHO-5 raw score if one was given. */
    record Point(Instant at, int mood, Integer who5Raw) {
    }

    private final Database db;

    ProgressStore(Database db) {
        this.db = db;
    }

    List<Point> points(String programId, String participantId) {
        return db.read(handle -> handle.createQuery("""
                SELECT created_at, mood, who5_raw FROM checkins
                WHERE program_id = :program AND participant_id = :participant ORDER BY created_at""")
            .bind("program", programId)
            .bind("participant", participantId)
            .map((rs, ctx) -> new Point(Rows.instant(rs, "created_at"), rs.getInt("mood"), Rows.nullableInt(rs, "who5_raw")))
            .list());
    }
}
