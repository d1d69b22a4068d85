package org.kindred.api.db;

import com.github.f4b6a3.ulid.UlidCreator;

/**
 * Opaque, prefixed, time-ordered identifiers ({@code prg_01JD...}). The body is a monotonic ULID, so ids
 * made later sort later and keyset pagination can order by id. ulid-creator is used rather than
 * hand-rolled code because monotonicity within one millisecond is easy to get wrong.
 */
public final class Ids {
    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "_" + UlidCreator.getMonotonicUlid();
    }

    /** True when {@code id} has the given prefix and a well-formed ULID body. */
    public static boolean isWellFormed(String id, String prefix) {
        return id != null
            && id.length() == prefix.length() + 27
            && id.startsWith(prefix + "_")
            && com.github.f4b6a3.ulid.Ulid.isValid(id.substring(prefix.length() + 1));
    }
}
