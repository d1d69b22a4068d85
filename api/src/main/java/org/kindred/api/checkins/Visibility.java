package org.kindred.api.checkins;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who may see a check-in besides its author: nobody, their mentor, or a group they belong to. */
public enum Visibility {
    @JsonProperty("private") private_,
    mentor,
    group;

    /** The word used in JSON and in the database ("private" is a Java keyword). */
    public String code() {
        return this == private_ ? "private" : name();
    }

    static Visibility ofCode(String code) {
        return code.equals("private") ? private_ : valueOf(code);
    }

    @Override
    public String toString() {
        return code();
    }
}
