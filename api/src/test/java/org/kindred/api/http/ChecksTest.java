package org.kindred.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "UTC", "America/Chicago", "America/Argentina/Buenos_Aires", "Asia/Kolkata"})
    void ianaRegionNamesAreAccepted(String zone) {
        assertValid(checks -> checks.timezone("timezone", zone, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Etc/GMT+5", "Etc/GMT-14", "EST", "MST", "+02:00", "-05:00", "GMT+2", "UTC+1", "Z",
        "Mars/Base", "europe/berlin", "", " Europe/Berlin", "SystemV/EST5"})
    void offsetsAliasesAndUnknownZonesAreRefused(String zone) {
        assertSingleError(checks -> checks.timezone("timezone", zone, true), "timezone", "invalid_value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"US/Eastern", "US/Pacific", "Canada/Atlantic", "Brazil/East", "Mexico/General", "Chile/Continental"})
    void legacyCountryAliasesAreRefused(String zone) {
        assertSingleError(checks -> checks.timezone("timezone", zone, true), "timezone", "invalid_value");
    }

    @Test
    void missingTimezoneIsRequiredOnlyWhenAskedFor() {
        assertSingleError(checks -> checks.timezone("timezone", null, true), "timezone", "required");
        assertValid(checks -> checks.timezone("timezone", null, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"US", "DE", "BR", "JP"})
    void isoCountryCodesAreAccepted(String country) {
        assertValid(checks -> checks.country("country", country, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "XX", "USA", "U", "", "Us", "EU", "UK"})
    void otherCountryCodesAreRefused(String country) {
        assertSingleError(checks -> checks.country("country", country, true), "country", "invalid_value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"quiet.river@example.org", "blue+heron@mail.example.co.uk", "a@b.io"})
    void emailAddressesAreAccepted(String email) {
        assertValid(checks -> checks.email("contact_email", email, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quiet.river", "quiet@river", "@example.org", "two@@example.org", "quiet river@example.org",
        "quiet@exam ple.org", "quiet@example.org\n"})
    void malformedEmailAddressesAreRefused(String email) {
        assertSingleError(checks -> checks.email("contact_email", email, true), "contact_email", "invalid_format");
    }

    @Test
    void emailLocalPartOverSixtyFourCharactersIsRefused() {
        assertSingleError(checks -> checks.email("contact_email", "q".repeat(65) + "@example.org", true),
            "contact_email", "invalid_format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://harbor.example.org", "http://harbor.example.org/groups?day=2", "https://localhost:8443/x"})
    void webUrlsAreAccepted(String url) {
        assertValid(checks -> checks.url("website", url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://harbor.example.org", "javascript:alert(1)", "mailto:quiet@example.org",
        "harbor.example.org", "/relative/path", "https://", "https:///nohost", "file:///etc/passwd", "https://exa mple.org"})
    void otherUrlsAreRefused(String url) {
        assertSingleError(checks -> checks.url("website", url), "website", "invalid_format");
    }

    @Test
    void textWithControlCharactersIsRefused() {
        for (String text : List.of("Harbor\u0000Circle", "Bell\u0007", "Escape\u001b[31m", "Delete\u007f", "C1\u0085")) {
            assertSingleError(checks -> checks.text("name", text, 200, true), "name", "invalid_format");
        }
    }

    @Test
    void textMayHoldLineBreaksAndTabs() {
        assertValid(checks -> checks.text("description", "Line one\nLine two\r\n\tIndented", 200, false));
    }

    @Test
    void textLengthCountsCharactersNotUtf16Units() {
        String emoji = "\ud83d\ude00".repeat(5);

        assertValid(checks -> checks.text("name", emoji, 5, true));
        assertSingleError(checks -> checks.text("name", emoji + "a", 5, true), "name", "too_long");
    }

    @Test
    void blankTextCountsAsMissing() {
        assertSingleError(checks -> checks.text("name", "   ", 200, true), "name", "required");
        assertSingleError(checks -> checks.text("description", " \n ", 200, false), "description", "too_short");
    }

    @Test
    void listsMayNotRepeatAnItem() {
        assertSingleError(checks -> checks.list("focus_areas", List.of("grief", "anxiety", "grief"), 14),
            "focus_areas", "duplicate");
        assertValid(checks -> checks.list("focus_areas", List.of("grief", "anxiety"), 14));
    }

    @Test
    void listsMayNotHoldNullOrTooManyItems() {
        assertSingleError(checks -> checks.list("focus_areas", java.util.Arrays.asList("grief", null), 14),
            "focus_areas", "invalid_value");
        assertSingleError(checks -> checks.list("delivery_modes", List.of("a", "b", "c", "d"), 3),
            "delivery_modes", "too_long");
    }

    @Test
    void rangeIsInclusive() {
        assertValid(checks -> checks.range("mood", 1, 1, 5).range("energy", 5, 1, 5));
        assertSingleError(checks -> checks.range("mood", 0, 1, 5), "mood", "out_of_range");
        assertSingleError(checks -> checks.range("mood", 5.5, 1, 5), "mood", "out_of_range");
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        Checks checks = new Checks()
            .text("name", null, 200, true)
            .country("country", "us", true)
            .timezone("timezone", "+02:00", true)
            .email("contact_email", "nobody", false)
            .url("website", "ftp://harbor.example.org")
            .list("focus_areas", List.of("grief", "grief"), 14)
            .text("organization_name", "Harbor Community Center", 200, true);

        assertThatThrownBy(checks::throwIfInvalid).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.validation_failed);
            assertThat(e.errors()).extracting(FieldError::field)
                .containsExactly("name", "country", "timezone", "contact_email", "website", "focus_areas");
            assertThat(e.errors()).extracting(FieldError::code)
                .containsExactly("required", "invalid_value", "invalid_value", "invalid_format", "invalid_format", "duplicate");
            assertThat(e.detail()).isEqualTo("name is required (and 5 more)");
        });
    }

    @Test
    void noErrorsMeansNoException() {
        assertThatCode(() -> new Checks().text("name", "Harbor Circle", 200, true).throwIfInvalid())
            .doesNotThrowAnyException();
    }

    private static void assertValid(UnaryOperator<Checks> check) {
        assertThatCode(() -> check.apply(new Checks()).throwIfInvalid()).doesNotThrowAnyException();
    }

    private static void assertSingleError(UnaryOperator<Checks> check, String field, String code) {
        assertThatThrownBy(() -> check.apply(new Checks()).throwIfInvalid())
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.code()).isEqualTo(code);
            }));
    }
}
