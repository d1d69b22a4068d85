package org.kindred.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kindred.api.db.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
    private static final String SECRET = "Sunlit meadow 4821 secret";

    @Test
    void defaultsServeLocallyWithSafeSettings() {
        Config config = Config.load(Map.of(), List.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.database()).isEqualTo(Path.of("./kindred.db"));
        assertThat(config.keysDirectory()).isEqualTo(Path.of("./kindred-keys"));
        assertThat(config.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.rateLimits().enabled()).isTrue();
        assertThat(config.rateLimits().limits()).isEqualTo(RateLimits.DEFAULTS);
        assertThat(config.durability()).isEqualTo(Durability.full);
        assertThat(config.corsOrigins()).isEmpty();
        assertThat(config.adminBootstrap()).isEmpty();
        assertThat(config.demo()).isFalse();
    }

    @Test
    void environmentVariablesSetEverySetting() {
        Config config = Config.load(Map.of(
            "KINDRED_PORT", "9100",
            "KINDRED_DB", "/srv/kindred/data.db",
            "KINDRED_KEYS", "/srv/kindred/keys",
            "KINDRED_BASE_URL", "https://api.example.org/",
            "KINDRED_RATE_LIMITS", "off",
            "KINDRED_DURABILITY", "normal",
            "KINDRED_CORS_ORIGINS", "https://app.example.org,http://localhost:3000",
            "KINDRED_ADMIN_EMAIL", "quiet.river@example.org",
            "KINDRED_ADMIN_PASSWORD", SECRET), List.of());

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.database()).isEqualTo(Path.of("/srv/kindred/data.db"));
        assertThat(config.keysDirectory()).isEqualTo(Path.of("/srv/kindred/keys"));
        assertThat(config.baseUrl()).isEqualTo("https://api.example.org");
        assertThat(config.rateLimits().enabled()).isFalse();
        assertThat(config.durability()).isEqualTo(Durability.normal);
        assertThat(config.corsOrigins()).containsExactly("https://app.example.org", "http://localhost:3000");
        assertThat(config.adminBootstrap()).contains(new Config.AdminBootstrap("quiet.river@example.org", SECRET));
    }

    @Test
    void blankEnvironmentVariablesMeanTheDefault() {
        Config config = Config.load(Map.of("KINDRED_PORT", " ", "KINDRED_DB", ""), List.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.database()).isEqualTo(Path.of("./kindred.db"));
    }

    @Test
    void defaultBaseUrlFollowsThePort() {
        assertThat(Config.load(Map.of("KINDRED_PORT", "9000"), List.of()).baseUrl()).isEqualTo("http://localhost:9000");
    }

    @Test
    void flagsOverrideTheEnvironmentInBothForms() {
        Map<String, String> env = Map.of("KINDRED_PORT", "7000", "KINDRED_DB", "env.db", "KINDRED_DURABILITY", "full");

        Config spaced = Config.load(env, List.of("--port", "9000", "--db", "flag.db", "--durability", "normal"));
        Config joined = Config.load(env, List.of("--port=9000", "--db=flag.db", "--durability=normal"));

        for (Config config : List.of(spaced, joined)) {
            assertThat(config.port()).isEqualTo(9000);
            assertThat(config.database()).isEqualTo(Path.of("flag.db"));
            assertThat(config.durability()).isEqualTo(Durability.normal);
        }
    }

    @Test
    void everyFlagSetsItsSetting() {
        Config config = Config.load(Map.of(), List.of("--keys", "k", "--base-url", "https://kindred.example.net",
            "--rate-limits", "login_account=5/10m"));

        assertThat(config.keysDirectory()).isEqualTo(Path.of("k"));
        assertThat(config.baseUrl()).isEqualTo("https://kindred.example.net");
        assertThat(config.rateLimits().enabled()).isTrue();
        assertThat(config.rateLimits().limits().get("login_account"))
            .isEqualTo(new RateLimits.Limit(5, Duration.ofMinutes(10)));
        assertThat(config.rateLimits().limits().get("login_ip")).isEqualTo(RateLimits.DEFAULTS.get("login_ip"));
    }

    @Test
    void demoUsesItsOwnDefaultDatabase() {
        Config config = Config.load(Map.of(), List.of("--demo"));

        assertThat(config.demo()).isTrue();
        assertThat(config.database()).isEqualTo(Path.of("./kindred-demo.db"));
    }

    @Test
    void anExplicitDatabaseWinsOverTheDemoDefault() {
        assertThat(Config.load(Map.of("KINDRED_DB", "mine.db"), List.of("--demo")).database())
            .isEqualTo(Path.of("mine.db"));
        assertThat(Config.load(Map.of(), List.of("--db", "other.db", "--demo")).database())
            .isEqualTo(Path.of("other.db"));
    }

    @ParameterizedTest
    @CsvSource({
        "KINDRED_PORT, eighty",
        "KINDRED_PORT, 65536",
        "KINDRED_PORT, -1",
        "KINDRED_PORT, 80.5",
        "KINDRED_BASE_URL, localhost:8080",
        "KINDRED_BASE_URL, ftp://files.example.org",
        "KINDRED_BASE_URL, /relative/path",
        "KINDRED_BASE_URL, http://exa mple.org",
        "KINDRED_DURABILITY, fast",
        "KINDRED_DURABILITY, off",
        "KINDRED_RATE_LIMITS, login_account=5",
        "KINDRED_RATE_LIMITS, unknown_limit=5/1m",
        "KINDRED_RATE_LIMITS, login_ip=0/1m",
        "KINDRED_CORS_ORIGINS, *",
        "KINDRED_CORS_ORIGINS, https://app.example.org/path",
        "KINDRED_CORS_ORIGINS, app.example.org",
    })
    void badValueIsRefusedWithOneLineNamingTheVariable(String variable, String value) {
        assertThatThrownBy(() -> Config.load(Map.of(variable, value), List.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith(variable)
            .hasMessageContaining(value.contains("=") ? value : "'" + value + "'")
            .hasMessageNotContaining("\n");
    }

    @Test
    void baseUrlOfAtMostTwoHundredCharactersIsAcceptedAndLongerIsRefused() {
        String host = "https://api.example.org/";
        String longest = host + "p".repeat(200 - host.length());

        assertThat(Config.load(Map.of("KINDRED_BASE_URL", longest), List.of()).baseUrl()).isEqualTo(longest);
        assertThatThrownBy(() -> Config.load(Map.of("KINDRED_BASE_URL", longest + "p"), List.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("KINDRED_BASE_URL")
            .hasMessageContaining("at most 200 characters");
    }

    @Test
    void corsOriginWithAHostOverTheDnsLimitIsRefused() {
        String label = "a".repeat(63) + ".";
        String longestHost = (label.repeat(4)).substring(0, 253);
        String origin = "https://" + longestHost;

        assertThat(Config.load(Map.of("KINDRED_CORS_ORIGINS", origin), List.of()).corsOrigins()).containsExactly(origin);
        assertThatThrownBy(() -> Config.load(Map.of("KINDRED_CORS_ORIGINS", origin + "a"), List.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("KINDRED_CORS_ORIGINS");
    }

    @Test
    void badFlagValueIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> Config.load(Map.of(), List.of("--port=none")))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("KINDRED_PORT");
    }

    @Test
    void durabilityIgnoresCase() {
        assertThat(Config.load(Map.of("KINDRED_DURABILITY", "NORMAL"), List.of()).durability())
            .isEqualTo(Durability.normal);
    }

    @Test
    void adminEmailWithoutPasswordIsRefused() {
        assertThatThrownBy(() -> Config.load(Map.of("KINDRED_ADMIN_EMAIL", "quiet.river@example.org"), List.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("KINDRED_ADMIN_EMAIL")
            .hasMessageContaining("KINDRED_ADMIN_PASSWORD");
    }

    @Test
    void adminPasswordWithoutEmailIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> Config.load(Map.of("KINDRED_ADMIN_PASSWORD", SECRET), List.of()))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("KINDRED_ADMIN_EMAIL")
            .hasMessageNotContaining(SECRET);
    }

    @Test
    void adminPasswordIsKeptExactlyAsGiven() {
        Config config = Config.load(Map.of("KINDRED_ADMIN_EMAIL", "quiet.river@example.org",
            "KINDRED_ADMIN_PASSWORD", "  " + SECRET + " "), List.of());

        assertThat(config.adminBootstrap().map(Config.AdminBootstrap::password)).contains("  " + SECRET + " ");
    }

    @Test
    void unknownFlagIsRefusedListingTheOptions() {
        assertThatThrownBy(() -> Config.load(Map.of(), List.of("--prot", "9000")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("--prot")
            .hasMessageContainingAll("--demo", "--port", "--db", "--keys", "--base-url", "--rate-limits", "--durability")
            .hasMessageNotContaining("\n");
    }

    @Test
    void strayArgumentIsRefused() {
        assertThatThrownBy(() -> Config.load(Map.of(), List.of("9000")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("9000");
    }

    @Test
    void flagWithoutValueIsRefused() {
        assertThatThrownBy(() -> Config.load(Map.of(), List.of("--db")))
            .isInstanceOf(ConfigException.class)
            .hasMessage("--db needs a value");
    }

    @Test
    void toStringNeverShowsTheAdminPassword() {
        Config config = Config.load(Map.of("KINDRED_ADMIN_EMAIL", "quiet.river@example.org",
            "KINDRED_ADMIN_PASSWORD", SECRET), List.of());

        assertThat(config.toString()).doesNotContain(SECRET).contains("port=8080");
        assertThat(config.adminBootstrap().orElseThrow().toString()).doesNotContain(SECRET)
            .contains("quiet.river@example.org");
        assertThat(Optional.of(config).toString()).doesNotContain(SECRET);
        assertThat(config.adminBootstrap().toString()).doesNotContain(SECRET);
    }
}
