package org.kindred.api.db;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What picks the rows of a list's page: the query's text (or what its text is built from) and the values bound to
 * it. The same key finds the same rows until a write, which is what lets a {@link ReadCache} keep pages.
 */
public record PageKey(String query, Map<String, Object> binds) {
    public PageKey {
        binds = Collections.unmodifiableMap(new HashMap<>(binds)); // a null is a bound value too (an anonymous viewer)
    }
}
