package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kindred.api.config.ConfigException;
import org.kindred.api.config.RateLimits;

class RateLimitsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"on", "  "})
    void unsetOrOnMeansTheDefaults(String value) {
        RateLimits limits = RateLimits.parse(value);
        assertThat(limits.enabled()).isTrue();
        assertThat(limits.limits()).isEqualTo(RateLimits.DEFAULTS);
    }

    @Test
    void defaultsCoverEveryLimitedAction() {
        assertThat(RateLimits.DEFAULTS).containsOnlyKeys("login_account", "login_ip", "register_ip", "refresh_ip",
            "redeem_user", "checkin_user");
        assertThat(RateLimits.DEFAULTS.get("login_account")).isEqualTo(new RateLimits.Limit(10, Duration.ofMinutes(15)));
        assertThat(RateLimits.DEFAULTS.get("checkin_user")).isEqualTo(new RateLimits.Limit(120, Duration.ofHours(1)));
    }

    @Test
    void offDisablesLimiting() {
        assertThat(RateLimits.parse("off").enabled()).isFalse();
    }

    @Test
    void anOverrideReplacesOneDefaultAndKeepsTheOthers() {
        RateLimits limits = RateLimits.parse("login_account=5/10m");
        assertThat(limits.enabled()).isTrue();
        assertThat(limits.limits().get("login_account")).isEqualTo(new RateLimits.Limit(5, Duration.ofMinutes(10)));
        assertThat(limits.limits().get("login_ip")).isEqualTo(RateLimits.DEFAULTS.get("login_ip"));
        assertThat(limits.limits()).hasSameSizeAs(RateLimits.DEFAULTS);
    }

    @Test
    void severalOverridesWithSecondsMinutesAndHours() {
        RateLimits limits = RateLimits.parse("register_ip=2/1h, refresh_ip=30/45s,redeem_user=3/1m");
        assertThat(limits.limits().get("register_ip")).isEqualTo(new RateLimits.Limit(2, Duration.ofHours(1)));
        assertThat(limits.limits().get("refresh_ip")).isEqualTo(new RateLimits.Limit(30, Duration.ofSeconds(45)));
        assertThat(limits.limits().get("redeem_user")).isEqualTo(new RateLimits.Limit(3, Duration.ofMinutes(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "OFF", "login_account", "login_account=5", "login_account=5/10",
        "login_account=5/10d", "login_account=0/1m", "login_account=5/0m", "login_account=-1/1m",
        "unknown_limit=5/1m", "login_account=5/10m;login_ip=1/1m",
        "login_account=1234567/1m"})
    void anythingElseIsAConfigErrorNamingTheSetting(String value) {
        assertThatThrownBy(() -> RateLimits.parse(value))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("KINDRED_RATE_LIMITS");
    }
}
