package org.kindred.api.access;

import java.util.Arrays;

/** The kinds of caller of the access table, in its column order, each relative to the owner of the target. */
enum Caller {
    ANONYMOUS("anon", "anonymous"),
    OWNER("own", "the owner"),
    PEER("peer", "another participant of the program"),
    MENTOR("mnt", "the owner's mentor"),
    OTHER_MENTOR("omnt", "another mentor of the program"),
    MEMBER("mem", "a member of the owner's group"),
    NON_MEMBER("nmem", "a participant who left the group"),
    FACILITATOR("fac", "the group's facilitator"),
    COORDINATOR("crd", "coordinator of the program"),
    OTHER_COORDINATOR("ocrd", "coordinator of another program"),
    ADMIN("adm", "admin");

    private final String column;
    private final String description;

    Caller(String column, String description) {
        this.column = column;
        this.description = description;
    }

    String column() {
        return column;
    }

    String description() {
        return description;
    }

    static Caller ofColumn(String column) {
        return Arrays.stream(values()).filter(c -> c.column.equals(column)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no caller column " + column));
    }
}
