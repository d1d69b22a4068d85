package org.kindred.api.members;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.http.Json;
import org.kindred.api.programs.FocusArea;

public final class PreferencesStore {
    private static final TypeReference<List<FocusArea>> AREAS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final Database db;

    public PreferencesStore(Database db) {
        this.db = db;
    }

    public Optional<MatchPreferences> find(String memberId) {
        return db.read(handle -> handle.createQuery("SELECT * FROM participant_preferences WHERE member_id = :member")
            .bind("member", memberId)
            .map((rs, ctx) -> new MatchPreferences(Json.parse(rs.getString("lived_experience"), AREAS),
                Json.parse(rs.getString("languages"), STRINGS), MatchMode.valueOf(rs.getString("mode")),
                rs.getString("timezone")))
            .findOne());
    }

    /** A person's preferences in every program, for their data export. */
    List<ProgramPreferences> allOf(String userId) {
        return db.read(handle -> handle.createQuery("""
                SELECT m.program_id, p.* FROM participant_preferences p JOIN program_members m ON m.id = p.member_id
                WHERE m.user_id = :user ORDER BY m.program_id""")
            .bind("user", userId)
            .map((rs, ctx) -> new ProgramPreferences(rs.getString("program_id"),
                Json.parse(rs.getString("lived_experience"), AREAS), Json.parse(rs.getString("languages"), STRINGS),
                MatchMode.valueOf(rs.getString("mode")), rs.getString("timezone")))
            .list());
    }

    void save(Handle handle, String memberId, MatchPreferences preferences, Instant now) {
        handle.createUpdate("""
                INSERT INTO participant_preferences (member_id, lived_experience, languages, mode, timezone, updated_at)
                VALUES (:member, :areas, :languages, :mode, :timezone, :now)
                ON CONFLICT (member_id) DO UPDATE SET lived_experience = excluded.lived_experience,
                    languages = excluded.languages, mode = excluded.mode, timezone = excluded.timezone,
                    updated_at = excluded.updated_at""")
            .bind("member", memberId)
            .bind("areas", Json.text(preferences.livedExperience()))
            .bind("languages", Json.text(preferences.languages()))
            .bind("mode", preferences.mode().name())
            .bind("timezone", preferences.timezone())
            .bind("now", now.toEpochMilli())
            .execute();
    }
}
