package org.kindred.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The position after the last row of a page: the sort key values of that row, opaque to clients
 * (base64url). Decoding anything this server did not write is a 400.
 */
public record Cursor(List<String> values) {
    /** Longer than any cursor this server writes (about 80 characters). */
    public static final int MAX_LENGTH = 200;
    private static final String VERSION = "k1";
    private static final char SEPARATOR = '\u001f';

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(String... values) {
        return new Cursor(Arrays.asList(values));
    }

    public String value(int index) {
        return values.get(index);
    }

    public String encode() {
        String joined = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw malformed();
        }
        try {
            String joined = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(joined.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() < 2 || !parts.get(0).equals(VERSION)) {
                throw malformed();
            }
            return new Cursor(parts.subList(1, parts.size()));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    /** The value at {@code index}, or a 400 when this cursor was made by a different list. */
    public String require(int index, java.util.function.Predicate<String> wellFormed) {
        if (index >= values.size() || !wellFormed.test(values.get(index))) {
            throw malformed();
        }
        return values.get(index);
    }

    private static ApiException malformed() {
        return ApiException.invalid("cursor", "invalid_cursor",
            "is not a cursor from this list; pass the next_cursor of the previous page unchanged");
    }
}
