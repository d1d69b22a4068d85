package org.kindred.api.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Query parameters of one route. The route names the parameters it accepts; any other, or one given
 * twice, is a 400 rather than being silently ignored, so a typo in a filter never returns unfiltered data.
 */
public final class Query {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** Ids are at most 42 characters; a filter or path takes up to 64, as request bodies do; longer names nothing. */
    public static final int MAX_ID_LENGTH = 64;

    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,10}(\\.\\d{1,15})?");

    private final Map<String, List<String>> params;

    private Query(Map<String, List<String>> params) {
        this.params = params;
    }

    public static Query of(Context ctx, String... accepted) {
        Map<String, List<String>> params = ctx.queryParamMap();
        Set<String> allowed = Set.of(accepted);
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (!allowed.contains(param.getKey())) {
                throw ApiException.invalid(param.getKey(), "unknown_parameter", allowed.isEmpty()
                    ? "is not accepted here; this operation takes no query parameters"
                    : "is not accepted here; accepted: " + String.join(", ", sorted(allowed)));
            }
            if (param.getValue().size() > 1) {
                throw ApiException.invalid(param.getKey(), "repeated_parameter", "must be given at most once");
            }
        }
        return new Query(params);
    }

    /** The {@code limit} and {@code cursor} of a list request. */
    public PageRequest page() {
        Integer limit = integer("limit", 1, MAX_LIMIT);
        String cursor = text("cursor");
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor == null ? null : Cursor.decode(cursor));
    }

    public String text(String name) {
        List<String> values = params.get(name);
        return values == null ? null : values.get(0);
    }

    /** Text of at most {@code maxLength} characters; longer is a 400 rather than a search for what cannot exist. */
    public String text(String name, int maxLength) {
        String value = text(name);
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            throw ApiException.invalid(name, "too_long", "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** An id to filter by, such as {@code program_id}. */
    public String id(String name) {
        return text(name, MAX_ID_LENGTH);
    }

    /** Every path parameter is an id, held to the same limit as an id filter (a before-matched handler). */
    public static void limitPathIds(Context ctx) {
        ctx.pathParamMap().forEach((name, value) -> {
            if (value.codePointCount(0, value.length()) > MAX_ID_LENGTH) {
                throw ApiException.invalid(name, "too_long", "must be at most " + MAX_ID_LENGTH + " characters");
            }
        });
    }

    /** A free-text filter: trimmed, 1 to 200 characters, no control characters (a NUL broke the full-text query). */
    public String search(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > 200) {
            throw ApiException.invalid(name, "out_of_range", "must be 1 to 200 characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid(name, "invalid_format", "must not contain control characters");
        }
        return trimmed;
    }

    /** An ISO 3166-1 alpha-2 country code. */
    public String country(String name) {
        String value = text(name);
        if (value != null && !Checks.isCountry(value)) {
            throw ApiException.invalid(name, "invalid_value", "must be an ISO 3166-1 alpha-2 country code in capitals, like US");
        }
        return value;
    }

    /** A BCP 47 language tag such as es or pt-BR. */
    public String language(String name) {
        String value = text(name);
        if (value != null && !Checks.isLanguageTag(value)) {
            throw ApiException.invalid(name, "invalid_value", "must be a BCP 47 language tag, like en, es or pt-BR");
        }
        return value;
    }

    public Integer integer(String name, int min, int max) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw ApiException.invalid(name, "out_of_range", "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "wrong_type", "must be an integer between " + min + " and " + max);
        }
    }

    /** A plain decimal number ({@code 12}, {@code -3.5}) within [min, max]. */
    public Double decimal(String name, double min, double max) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        Double number = parseDecimal(value);
        if (number == null) {
            throw ApiException.invalid(name, "wrong_type", "must be a number between " + min + " and " + max);
        }
        if (number < min || number > max) {
            throw ApiException.invalid(name, "out_of_range", "must be between " + min + " and " + max);
        }
        return number;
    }

    /** A plain decimal number, or null for anything else (exponents, hex, NaN, suffixes like 1d). */
    public static Double parseDecimal(String text) {
        return DECIMAL.matcher(text).matches() ? Double.valueOf(text) : null;
    }

    public Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(name, "wrong_type", "must be true or false");
        };
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ApiException.invalid(name, "invalid_value", "must be one of: "
            + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    public Instant instant(String name) {
        return parsed(name, Json.TIMESTAMP_FORM, Instant::parse,
            "must be an RFC 3339 timestamp in UTC, like 2026-11-27T20:50:25Z");
    }

    /** A calendar date YYYY-MM-DD. */
    public LocalDate date(String name) {
        return parsed(name, Json.DATE_FORM, LocalDate::parse, "must be a date YYYY-MM-DD");
    }

    private <T> T parsed(String name, Pattern form, Function<String, T> parse, String expected) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            if (form.matcher(value).matches()) {
                return parse.apply(value);
            }
        } catch (DateTimeParseException e) {
            // refused below, like a value out of form
        }
        throw ApiException.invalid(name, "wrong_type", expected);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
