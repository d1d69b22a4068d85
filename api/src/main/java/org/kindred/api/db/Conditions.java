package org.kindred.api.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The WHERE clause of a filtered list, built one condition at a time together with the values it binds. */
public final class Conditions {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> binds = new HashMap<>();

    public Conditions add(String clause) {
        clauses.add(clause);
        return this;
    }

    public Conditions bind(String name, Object value) {
        binds.put(name, value);
        return this;
    }

    /** {@code column = :name}, unless the value is null ("any"). */
    public Conditions equal(String column, String name, Object value) {
        return value == null ? this : add(column + " = :" + name).bind(name, value);
    }

    /** {@code column} (0 or 1) is the wanted flag, unless it is null. */
    public Conditions flag(String column, Boolean wanted) {
        return wanted == null ? this : add(column + (wanted ? " = 1" : " = 0"));
    }

    /**
     * The JSON array of language tags in {@code column} holds {@code tag} or a narrower tag of it (es finds es-MX),
     * ignoring case, unless the tag is null. The tag must be a checked language tag: it goes into a LIKE.
     */
    public Conditions speaks(String column, String tag) {
        return tag == null ? this : add("EXISTS (SELECT 1 FROM json_each(" + column + ") WHERE lower(value) = lower(:language)"
            + " OR lower(value) LIKE lower(:language) || '-%')").bind("language", tag);
    }

    /**
     * Rows written at or after {@code since}, unless it is null. Inclusive, so a sync that resumes from the time
     * of a row it has seen also sees every other row of that same millisecond.
     */
    public Conditions updatedSince(String column, Instant since) {
        return since == null ? this : add(column + " >= :updated_since").bind("updated_since", since.toEpochMilli());
    }

    public Map<String, Object> binds() {
        return binds;
    }

    public String sql() {
        return String.join("\n AND ", clauses);
    }
}
