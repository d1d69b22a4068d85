package org.kindred.api.http;

import java.text.Normalizer;
import java.util.Locale;

/** URL-friendly names made from titles: lowercase ASCII letters and digits joined by single hyphens. */
public final class Slugs {
    public static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /** The slug of {@code name}, or {@code fallback} when the name has no ASCII letter or digit at all. */
    public static String of(String name, String fallback) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
