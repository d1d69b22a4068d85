package org.kindred.api.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code KINDRED_RATE_LIMITS} setting: {@code on} (the defaults), {@code off}, or a comma-separated
 * list of {@code name=count/period} overriding some defaults, e.g. {@code login_account=5/10m}.
 * Periods are a number and s, m or h.
 */
public record RateLimits(boolean enabled, Map<String, Limit> limits) {
    private static final Pattern ENTRY = Pattern.compile("([a-z_]+)=(\\d{1,6})/(\\d{1,6})([smh])");

    /** At most {@code count} events per {@code period}, refilled gradually. */
    public record Limit(int count, Duration period) {
    }

    public static final Map<String, Limit> DEFAULTS = defaults();

    public RateLimits {
        limits = Map.copyOf(limits);
    }

    public static RateLimits parse(String value) {
        if (value == null || value.isBlank() || value.equals("on")) {
            return new RateLimits(true, DEFAULTS);
        }
        if (value.equals("off")) {
            return new RateLimits(false, DEFAULTS);
        }
        Map<String, Limit> limits = new LinkedHashMap<>(DEFAULTS);
        for (String entry : value.split(",")) {
            Matcher m = ENTRY.matcher(entry.trim());
            if (!m.matches() || !DEFAULTS.containsKey(m.group(1)) || Integer.parseInt(m.group(2)) == 0
                || Integer.parseInt(m.group(3)) == 0) {
                throw new ConfigException("KINDRED_RATE_LIMITS: '" + entry.trim() + "' is not name=count/period"
                    + " with a count and period above zero; names: " + String.join(", ", DEFAULTS.keySet()));
            }
            limits.put(m.group(1), new Limit(Integer.parseInt(m.group(2)), period(m.group(3), m.group(4))));
        }
        return new RateLimits(true, limits);
    }

    private static Duration period(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static Map<String, Limit> defaults() {
        Map<String, Limit> limits = new LinkedHashMap<>();
        limits.put("login_account", new Limit(10, Duration.ofMinutes(15)));
        limits.put("login_ip", new Limit(50, Duration.ofMinutes(15)));
        limits.put("register_ip", new Limit(20, Duration.ofHours(1)));
        limits.put("refresh_ip", new Limit(120, Duration.ofMinutes(1)));
        limits.put("redeem_user", new Limit(10, Duration.ofMinutes(15)));
        limits.put("checkin_user", new Limit(120, Duration.ofHours(1)));
        return limits;
    }
}
