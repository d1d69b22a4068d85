package org.kindred.api.checkins;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Conditions;
import org.kindred.api.db.Database;
import org.kindred.api.db.PageKey;
import org.kindred.api.db.ReadCache;
import org.kindred.api.db.Rows;
import org.kindred.api.db.Sql;
import org.kindred.api.http.Json;
import org.kindred.api.http.PageRequest;

/**
 * Check-ins and who may see them. {@link #VISIBLE} is the one sharing rule: the author; the author's mentor
 * while their mentorship in that program is active or continuing; current members and facilitators of the
 * group it was shared with, while the author is a member too.
 */
public final class CheckinStore {
    private static final TypeReference<List<Tag>> TAGS = new TypeReference<>() { };
    private static final TypeReference<List<Integer>> ANSWERS = new TypeReference<>() { };
    private static final String SELECT = """
        SELECT c.*, u.display_name FROM checkins c JOIN users u ON u.id = c.participant_id
        """;
    static final String VISIBLE = """
        (c.participant_id = :viewer
         OR (c.visibility = 'mentor' AND EXISTS (
                SELECT 1 FROM mentorships ms
                 WHERE ms.participant_id = c.participant_id AND ms.program_id = c.program_id
                   AND ms.mentor_user_id = :viewer AND ms.status IN ('active', 'continuing')))
         OR (c.visibility = 'group' AND EXISTS (
                SELECT 1 FROM group_members author
                 WHERE author.group_id = c.group_id AND author.user_id = c.participant_id AND author.status = 'active')
             AND (EXISTS (SELECT 1 FROM group_members gm
                           WHERE gm.group_id = c.group_id AND gm.user_id = :viewer AND gm.status = 'active')
                  OR EXISTS (SELECT 1 FROM group_facilitators f WHERE f.group_id = c.group_id AND f.user_id = :viewer))))""";

    private static final int CHECKINS_KEPT = 5_000;
    private static final int PAGES_KEPT = 2_000;
    /** {@link #newestVisibleSql} by its conditions: one for each combination of filters the code can add. */
    private static final Map<String, String> NEWEST_VISIBLE = new ConcurrentHashMap<>();

    private final Database db;
    private final ReadCache<String, Checkin> kept;
    private final ReadCache<PageKey, List<String>> keptPages;

    public CheckinStore(Database db) {
        this.db = db;
        this.kept = new ReadCache<>(db, CHECKINS_KEPT, Set.of("checkins"));
        this.keptPages = new ReadCache<>(db, PAGES_KEPT, Set.of("checkins"));
    }

    void insert(Handle handle, Checkin c) {
        handle.createUpdate("""
                INSERT INTO checkins (id, program_id, participant_id, mood, energy, tags, note, who5, who5_raw, phq4,
                    visibility, group_id, in_crisis, safety_level, created_at, updated_at)
                VALUES (:id, :program, :participant, :mood, :energy, :tags, :note, :who5, :who5_raw, :phq4, :visibility,
                    :group, :crisis, :safety, :now, :now)""")
            .bind("id", c.id())
            .bind("program", c.programId())
            .bind("participant", c.participantId())
            .bind("mood", c.mood())
            .bind("energy", c.energy())
            .bind("tags", Json.text(c.tags()))
            .bind("note", c.note())
            .bind("who5", c.who5() == null ? null : Json.text(c.who5()))
            .bind("who5_raw", c.who5Score() == null ? null : c.who5Score().raw())
            .bind("phq4", c.phq4() == null ? null : Json.text(c.phq4()))
            .bind("visibility", c.visibility().code())
            .bind("group", c.groupId())
            .bind("crisis", c.inCrisis())
            .bind("safety", c.safety() == null ? null : c.safety().level().name())
            .bind("now", c.createdAt().toEpochMilli())
            .execute();
    }

    void update(Handle handle, String id, CheckinUpdate u, Instant now) {
        handle.createUpdate("""
                UPDATE checkins SET mood = :mood, energy = :energy, tags = :tags, note = :note, visibility = :visibility,
                    group_id = :group, updated_at = :now
                WHERE id = :id""")
            .bind("id", id)
            .bind("mood", u.mood())
            .bind("energy", u.energy())
            .bind("tags", Json.text(u.tags()))
            .bind("note", u.note())
            .bind("visibility", u.visibility().code())
            .bind("group", u.groupId())
            .bind("now", now.toEpochMilli())
            .execute();
    }

    void delete(Handle handle, String id) {
        handle.createUpdate("DELETE FROM checkins WHERE id = :id").bind("id", id).execute();
    }

    /** The check-in if the viewer may see it; nothing tells an outsider it exists. */
    Optional<Checkin> findVisible(Handle handle, String id, String viewerId) {
        return handle.createQuery(SELECT + " WHERE c.id = :id AND " + VISIBLE)
            .bind("id", id)
            .bind("viewer", viewerId)
            .map((rs, ctx) -> checkin(rs))
            .findOne();
    }

    Optional<Checkin> findVisible(String id, String viewerId) {
        return db.read(handle -> findVisible(handle, id, viewerId));
    }

    /**
     * The viewer's own check-in, mostly from memory. Its author always sees a check-in, so this needs no part of
     * {@link #VISIBLE} but the first; anyone else's is left to {@link #findVisible}.
     */
    Optional<Checkin> findOwn(String id, String viewerId) {
        return kept.getAll(List.of(id), this::byIds).stream()
            .filter(checkin -> checkin.participantId().equals(viewerId))
            .findFirst();
    }

    /** Newest first. */
    List<Checkin> list(CheckinFilter filter, PageRequest page) {
        Conditions where = new Conditions()
            .equal("c.participant_id", "participant", filter.participantId())
            .equal("c.group_id", "group", filter.groupId());
        if (filter.since() != null) {
            where.add("c.created_at >= :since").bind("since", filter.since().toEpochMilli());
        }
        return newestVisible(filter.viewerId(), where, page);
    }

    List<Checkin> allOf(String participantId) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE c.participant_id = :participant ORDER BY c.id")
            .bind("participant", participantId)
            .map((rs, ctx) -> checkin(rs))
            .list());
    }

    /** The latest WHO-5 raw score the participant gave in the program before now, if any. */
    Optional<Integer> latestWho5(Handle handle, String programId, String participantId) {
        return handle.createQuery("""
                SELECT who5_raw FROM checkins
                WHERE program_id = :program AND participant_id = :participant AND who5_raw IS NOT NULL
                ORDER BY id DESC LIMIT 1""")
            .bind("program", programId)
            .bind("participant", participantId)
            .mapTo(Integer.class)
            .findOne();
    }

    /** Group-shared small victories in the program that the viewer may see, newest first. */
    List<Checkin> celebrations(String programId, String viewerId, PageRequest page) {
        Conditions where = new Conditions()
            .equal("c.program_id", "program", programId)
            .add("c.visibility = 'group'")
            .add("EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = 'small_victory')");
        return newestVisible(viewerId, where, page);
    }

    /**
     * A page of the check-ins {@link #VISIBLE} lets the viewer see that also meet {@code conditions}, newest first,
     * written as the rule's three ways in (own, as mentor, as group member) so that each walks an index from the
     * newest row and stops at the page size: a list costs the same whether the table holds a thousand rows or
     * millions, where one query with the rule as an OR would scan the table for a viewer who sees few. Only the
     * conditions in use are written out: {@code (:x IS NULL OR ...)} for absent filters made SQLite's work
     * several times larger. The ways in pass ids, not rows (joining whole rows cost more than finding them), and
     * the page's rows are then read by id, mostly from memory. The ids are kept too, until a write that may change
     * them: an app that shows a list keeps asking for its first page.
     */
    private List<Checkin> newestVisible(String viewerId, Conditions where, PageRequest page) {
        if (page.after() != null) {
            where.add("c.id < :after").bind("after", page.after().value(0));
        }
        where.bind("viewer", viewerId).bind("limit", page.fetchSize());
        return kept.getAll(keptPages.get(new PageKey(where.sql(), where.binds()), this::pageIds), this::byIds);
    }

    /** The ids of a page of {@link #newestVisible}; the key's query is the conditions its SQL is built from. */
    private List<String> pageIds(PageKey page) {
        return List.copyOf(db.read(handle -> handle.createQuery(NEWEST_VISIBLE.computeIfAbsent(page.query(),
                CheckinStore::newestVisibleSql))
            .bindMap(page.binds())
            .mapTo(String.class)
            .list()));
    }

    private Map<String, Checkin> byIds(List<String> ids) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE c.id IN " + Sql.IDS)
            .bind("ids", Json.text(ids))
            .map((rs, ctx) -> checkin(rs))
            .collectToMap(Checkin::id, Function.identity()));
    }

    static String newestVisibleSql(String conditions) {
        String page = (conditions.isEmpty() ? "" : "\n AND " + conditions) + " ORDER BY c.id DESC LIMIT :limit";
        return """
            SELECT id FROM (
                SELECT * FROM (SELECT c.id FROM checkins c WHERE c.participant_id = :viewer %1$s)
                UNION
                SELECT * FROM (
                    SELECT c.id FROM mentorships ms
                      JOIN checkins c ON c.participant_id = ms.participant_id AND c.program_id = ms.program_id
                     WHERE ms.mentor_user_id = :viewer AND ms.status IN ('active', 'continuing')
                       AND c.visibility = 'mentor' AND c.participant_id <> :viewer %1$s)
                UNION
                SELECT * FROM (
                    SELECT c.id FROM (SELECT gm.group_id FROM group_members gm WHERE gm.user_id = :viewer AND gm.status = 'active'
                                     UNION SELECT f.group_id FROM group_facilitators f WHERE f.user_id = :viewer) mine
                      JOIN checkins c ON c.group_id = mine.group_id
                     WHERE c.visibility = 'group' AND c.participant_id <> :viewer
                       AND EXISTS (SELECT 1 FROM group_members author WHERE author.group_id = c.group_id
                                      AND author.user_id = c.participant_id AND author.status = 'active') %1$s)
            ) ORDER BY id DESC LIMIT :limit""".formatted(page);
    }

    private static Checkin checkin(ResultSet rs) throws SQLException {
        String who5 = rs.getString("who5");
        String phq4 = rs.getString("phq4");
        List<Integer> who5Answers = who5 == null ? null : Json.parse(who5, ANSWERS);
        List<Integer> phq4Answers = phq4 == null ? null : Json.parse(phq4, ANSWERS);
        return new Checkin(rs.getString("id"), rs.getString("program_id"), rs.getString("participant_id"),
            rs.getString("display_name"), rs.getInt("mood"), Rows.nullableInt(rs, "energy"),
            Json.parse(rs.getString("tags"), TAGS), rs.getString("note"), who5Answers,
            who5Answers == null ? null : Who5Score.of(who5Answers), phq4Answers,
            phq4Answers == null ? null : Phq4Score.of(phq4Answers), Visibility.ofCode(rs.getString("visibility")),
            rs.getString("group_id"), rs.getBoolean("in_crisis"), null, Rows.instant(rs, "created_at"),
            Rows.instant(rs, "updated_at"));
    }
}
