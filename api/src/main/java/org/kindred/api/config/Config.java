package org.kindred.api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kindred.api.db.Durability;

/**
 * Start-up settings: environment variables, each overridable by a command-line flag. Every value is
 * checked here, so a bad one stops start-up with one line naming the setting.
 */
public record Config(
    int port,
    Path database,
    Path keysDirectory,
    String baseUrl,
    RateLimits rateLimits,
    Durability durability,
    List<String> corsOrigins,
    Optional<AdminBootstrap> adminBootstrap,
    boolean demo) {

    /** {@code KINDRED_ADMIN_EMAIL} and {@code KINDRED_ADMIN_PASSWORD}: the first admin, made when none exists. */
    public record AdminBootstrap(String email, String password) {
        @Override
        public String toString() {
            return "AdminBootstrap[email=" + email + "]";
        }
    }

    private static final int MAX_BASE_URL_LENGTH = 200;
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

    private static final List<Setting> SETTINGS = List.of(
        new Setting("KINDRED_PORT", "--port", "8080", "TCP port to listen on (0 picks a free one)"),
        new Setting("KINDRED_DB", "--db", "./kindred.db", "SQLite database file (./kindred-demo.db with --demo)"),
        new Setting("KINDRED_KEYS", "--keys", "./kindred-keys", "directory of the token signing keys, created on first start"),
        new Setting("KINDRED_BASE_URL", "--base-url", "http://localhost:<port>", "public URL of the API, used as token issuer and in links"),
        new Setting("KINDRED_RATE_LIMITS", "--rate-limits", "on", "on, off, or overrides such as login_account=5/10m"),
        new Setting("KINDRED_DURABILITY", "--durability", "full", "full (fsync each commit) or normal (survives process crashes only)"),
        new Setting("KINDRED_CORS_ORIGINS", "--cors-origins", "", "browser origins allowed to call the API, comma-separated; none by default"),
        new Setting("KINDRED_ADMIN_EMAIL", null, "", "with KINDRED_ADMIN_PASSWORD: create this admin at start-up if no admin exists"),
        new Setting("KINDRED_ADMIN_PASSWORD", null, "", "password of that first admin (at least 12 characters)"));

    /** A setting: its variable, its flag (if any), its default and what it does; the README table lists these. */
    public record Setting(String variable, String flag, String defaultValue, String description) {
    }

    public static List<Setting> settings() {
        return SETTINGS;
    }

    /** Reads the settings from {@code env} and then {@code args} (flags win), checking each. */
    public static Config load(Map<String, String> env, List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (Setting setting : SETTINGS) {
            String value = env.get(setting.variable());
            if (value != null && !value.isBlank()) {
                boolean secret = setting.variable().equals("KINDRED_ADMIN_PASSWORD");
                values.put(setting.variable(), secret ? value : value.trim());
            }
        }
        boolean demo = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--demo")) {
                demo = true;
                continue;
            }
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            Setting setting = SETTINGS.stream().filter(s -> flag.equals(s.flag())).findFirst()
                .orElseThrow(() -> new ConfigException("unknown option " + flag + "; options: --demo "
                    + String.join(" ", SETTINGS.stream().filter(s -> s.flag() != null).map(Setting::flag).toList())));
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new ConfigException(flag + " needs a value");
            }
            values.put(setting.variable(), value.trim());
        }
        int port = port(values.getOrDefault("KINDRED_PORT", "8080"));
        Path database = Path.of(values.getOrDefault("KINDRED_DB", demo ? "./kindred-demo.db" : "./kindred.db"));
        Path keys = Path.of(values.getOrDefault("KINDRED_KEYS", "./kindred-keys"));
        String baseUrl = baseUrl(values.getOrDefault("KINDRED_BASE_URL", "http://localhost:" + port));
        RateLimits rateLimits = RateLimits.parse(values.get("KINDRED_RATE_LIMITS"));
        Durability durability = durability(values.getOrDefault("KINDRED_DURABILITY", "full"));
        List<String> corsOrigins = corsOrigins(values.getOrDefault("KINDRED_CORS_ORIGINS", ""));
        return new Config(port, database, keys, baseUrl, rateLimits, durability, corsOrigins,
            adminBootstrap(values.get("KINDRED_ADMIN_EMAIL"), values.get("KINDRED_ADMIN_PASSWORD")), demo);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("KINDRED_PORT must be a number from 0 to 65535, not '" + value + "'");
    }

    /** The base URL is every access token's issuer, so it is kept short enough for tokens to stay small. */
    private static String baseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (value.length() <= MAX_BASE_URL_LENGTH && uri.isAbsolute() && uri.getHost() != null
                && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException("KINDRED_BASE_URL must be an absolute http(s) URL such as https://api.example.org"
            + " of at most " + MAX_BASE_URL_LENGTH + " characters, not '" + value + "'");
    }

    /** Exact origins such as https://app.example.org; a wildcard is refused, since these responses carry personal data. */
    private static List<String> corsOrigins(String value) {
        List<String> origins = new ArrayList<>();
        for (String item : value.split(",")) {
            String origin = item.strip();
            if (origin.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(origin).matches()) {
                throw new ConfigException("KINDRED_CORS_ORIGINS must list origins such as https://app.example.org "
                    + "(scheme, host and optional port; no path, no wildcard), not '" + origin + "'");
            }
            origins.add(origin);
        }
        return List.copyOf(origins);
    }

    private static Durability durability(String value) {
        try {
            return Durability.valueOf(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("KINDRED_DURABILITY must be full or normal, not '" + value + "'");
        }
    }

    private static Optional<AdminBootstrap> adminBootstrap(String email, String password) {
        if (email == null && password == null) {
            return Optional.empty();
        }
        if (email == null || password == null) {
            throw new ConfigException("KINDRED_ADMIN_EMAIL and KINDRED_ADMIN_PASSWORD must be set together");
        }
        return Optional.of(new AdminBootstrap(email, password));
    }

    @Override
    public String toString() {
        return "Config[port=" + port + ", database=" + database + ", keys=" + keysDirectory + ", baseUrl=" + baseUrl
            + ", rateLimits=" + (rateLimits.enabled() ? "on" : "off") + ", durability=" + durability
            + ", demo=" + demo + "]";
    }
}
