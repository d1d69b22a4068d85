package org.kindred.api.http;

import java.util.List;
import java.util.function.Function;

/** The list envelope: {@code {"data": [...], "has_more": ..., "next_cursor": ...}}. */
public record Page<T>(List<T> data, boolean hasMore, String nextCursor) {

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if present, only
     * signals that more follow.
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, Function<T, Cursor> cursorOf) {
        if (rows.size() <= request.limit()) {
            return new Page<>(List.copyOf(rows), false, null);
        }
        List<T> data = List.copyOf(rows.subList(0, request.limit()));
        return new Page<>(data, true, cursorOf.apply(data.get(data.size() - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), hasMore, nextCursor);
    }
}
