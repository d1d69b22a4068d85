package org.kindred.api.http;

/** {@code limit} (1-100) and the decoded {@code cursor} of a list request; {@code after} is null on page one. */
public record PageRequest(int limit, Cursor after) {

    /** Rows to fetch: one more than the page, to learn whether another page follows without counting. */
    public int fetchSize() {
        return limit + 1;
    }
}
