package org.kindred.api.checkins;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.db.Sql;
import org.kindred.api.http.Json;
import org.kindred.api.http.PageRequest;

public final class EncouragementStore {
    private static final String SELECT = """
        SELECT e.*, u.display_name FROM encouragements e JOIN users u ON u.id = e.author_id
        """;

    private final Database db;

    public EncouragementStore(Database db) {
        this.db = db;
    }

    void insert(Handle handle, String id, String checkinId, String authorId, String message, Instant now) {
        handle.createUpdate("""
                INSERT INTO encouragements (id, checkin_id, author_id, message, created_at)
                VALUES (:id, :checkin, :author, :message, :now)""")
            .bind("id", id)
            .bind("checkin", checkinId)
            .bind("author", authorId)
            .bind("message", message)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    Encouragement find(Handle handle, String id) {
        return handle.createQuery(SELECT + " WHERE e.id = :id").bind("id", id).map((rs, ctx) -> encouragement(rs)).one();
    }

    List<Encouragement> list(String checkinId, boolean withHidden, PageRequest page) {
        return db.read(handle -> handle.createQuery(SELECT + """
                 WHERE e.checkin_id = :checkin AND (:hidden OR e.hidden = 0) AND (:after IS NULL OR e.id > :after)
                 ORDER BY e.id LIMIT :limit""")
            .bind("checkin", checkinId)
            .bind("hidden", withHidden)
            .bind("after", page.after() == null ? null : page.after().value(0))
            .bind("limit", page.fetchSize())
            .map((rs, ctx) -> encouragement(rs))
            .list());
    }

    boolean hide(Handle handle, String checkinId, String id) {
        return handle.createUpdate("UPDATE encouragements SET hidden = 1 WHERE id = :id AND checkin_id = :checkin")
            .bind("id", id)
            .bind("checkin", checkinId)
            .execute() == 1;
    }

    /** Visible encouragements per check-in, for the celebration list. */
    Map<String, Integer> counts(Handle handle, List<String> checkinIds) {
        if (checkinIds.isEmpty()) {
            return Map.of();
        }
        return handle.createQuery("SELECT checkin_id, count(*) AS n FROM encouragements WHERE hidden = 0 AND checkin_id IN "
                + Sql.IDS + " GROUP BY checkin_id")
            .bind("ids", Json.text(checkinIds))
            .reduceRows(new java.util.HashMap<String, Integer>(), (map, row) -> {
                map.put(row.getColumn("checkin_id", String.class), row.getColumn("n", Integer.class));
                return map;
            });
    }

    /** What a person wrote to others, and what others wrote to them: for their data export. */
    List<Encouragement> sentBy(String authorId) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE e.author_id = :author ORDER BY e.id")
            .bind("author", authorId)
            .map((rs, ctx) -> encouragement(rs))
            .list());
    }

    List<Encouragement> receivedBy(String participantId) {
        return db.read(handle -> handle.createQuery(SELECT + """
                 WHERE e.checkin_id IN (SELECT id FROM checkins WHERE participant_id = :participant) ORDER BY e.id""")
            .bind("participant", participantId)
            .map((rs, ctx) -> encouragement(rs))
            .list());
    }

    private static Encouragement encouragement(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Encouragement(rs.getString("id"), rs.getString("checkin_id"), rs.getString("display_name"),
            rs.getString("message"), rs.getBoolean("hidden"), Rows.instant(rs, "created_at"));
    }
}
