package org.kindred.api.http;

import java.net.URI;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects field errors for one request so the client learns everything wrong at once. Each method
 * ignores a null value unless it says "required"; {@link #throwIfInvalid()} ends the check.
 */
public final class Checks {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{1,30}$");
    private static final Pattern CLOCK_TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    /** Offsets (Etc/GMT+5) and the old country aliases kept only for compatibility (US/Eastern, Canada/Atlantic). */
    private static final List<String> LEGACY_ZONE_PREFIXES =
        List.of("Etc/GMT", "SystemV/", "US/", "Canada/", "Brazil/", "Mexico/", "Chile/");

    private final List<FieldError> errors = new ArrayList<>();

    public Checks required(String field, Object value) {
        if (value == null) {
            add(field, "required", "is required");
        }
        return this;
    }

    /** Text of 1 to {@code max} characters with no control characters; blank text counts as missing. */
    public Checks text(String field, String value, int max, boolean required) {
        if (value == null) {
            return required ? required(field, null) : this;
        }
        if (value.isBlank()) {
            add(field, required ? "required" : "too_short", "must not be blank");
        } else if (value.codePointCount(0, value.length()) > max) {
            add(field, "too_long", "must be at most " + max + " characters");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            add(field, "invalid_format", "must not contain control characters");
        }
        return this;
    }

    public Checks range(String field, Number value, long min, long max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            add(field, "out_of_range", "must be between " + min + " and " + max);
        }
        return this;
    }

    public Checks email(String field, String value, boolean required) {
        text(field, value, 254, required);
        if (value != null && !value.isBlank() && !EMAIL.matcher(value).matches()) {
            add(field, "invalid_format", "must be an email address");
        }
        return this;
    }

    public Checks slug(String field, String value) {
        text(field, value, 80, false);
        if (value != null && !value.isBlank() && !SLUG.matcher(value).matches()) {
            add(field, "invalid_format", "must be lowercase letters and digits separated by single hyphens");
        }
        return this;
    }

    public Checks url(String field, String value) {
        text(field, value, 2000, false);
        if (value != null && !value.isBlank() && !isWebUrl(value)) {
            add(field, "invalid_format", "must be an absolute http or https URL");
        }
        return this;
    }

    public Checks phone(String field, String value) {
        if (value != null && !PHONE.matcher(value).matches()) {
            add(field, "invalid_format", "must be a phone number of digits, spaces, hyphens and parentheses, optionally starting with +");
        }
        return this;
    }

    public Checks country(String field, String value, boolean required) {
        if (value == null) {
            return required ? required(field, null) : this;
        }
        if (!isCountry(value)) {
            add(field, "invalid_value", "must be an ISO 3166-1 alpha-2 country code in capitals, like US or DE");
        }
        return this;
    }

    public Checks timezone(String field, String value, boolean required) {
        if (value == null) {
            return required ? required(field, null) : this;
        }
        if (!isIanaName(value)) {
            add(field, "invalid_value", "must be an IANA time zone name, like America/Chicago");
        }
        return this;
    }

    /** Every item a BCP 47 language tag such as en, es or pt-BR. */
    public Checks languageTags(String field, List<String> tags) {
        if (tags != null) {
            for (int i = 0; i < tags.size(); i++) {
                check(isLanguageTag(tags.get(i)), field + "[" + i + "]", "invalid_value",
                    "must be a BCP 47 language tag, like en, es or pt-BR");
            }
        }
        return this;
    }

    /** A list of at most {@code max} items without duplicates; null items are refused. */
    public Checks list(String field, Collection<?> values, int max) {
        if (values == null) {
            return this;
        }
        if (values.size() > max) {
            add(field, "too_long", "must have at most " + max + " items");
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            add(field, "invalid_value", "must not contain null");
        } else if (new HashSet<>(values).size() != values.size()) {
            add(field, "duplicate", "must not repeat an item");
        }
        return this;
    }

    public Checks check(boolean ok, String field, String code, String message) {
        if (!ok) {
            add(field, code, message);
        }
        return this;
    }

    public void add(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            String detail = first.field() + " " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
            throw new ApiException(ErrorCode.validation_failed, detail, errors);
        }
    }

    public static boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }

    /** A wall-clock time written HH:MM (00:00 to 23:59), or null for anything else. */
    public static LocalTime clockTime(String text) {
        if (text == null || !CLOCK_TIME.matcher(text).matches()) {
            return null;
        }
        return LocalTime.of(Integer.parseInt(text.substring(0, 2)), Integer.parseInt(text.substring(3)));
    }

    /** A region name such as Europe/Berlin, or UTC; never an offset such as Etc/GMT+5 or a legacy alias. */
    public static boolean isIanaName(String zone) {
        if (zone.equals("UTC")) {
            return true;
        }
        return ZONES.contains(zone) && zone.contains("/")
            && LEGACY_ZONE_PREFIXES.stream().noneMatch(zone::startsWith);
    }

    public static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return !locale.getLanguage().isEmpty() && locale.toLanguageTag().equalsIgnoreCase(tag);
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
