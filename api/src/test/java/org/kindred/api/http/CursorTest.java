package org.kindred.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void encodedCursorDecodesToTheSameValues() {
        Cursor cursor = Cursor.of("2026-11-27T20:50:25Z", "prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W");

        Cursor decoded = Cursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.value(1)).isEqualTo("prg_01JD4Z8Q6K2V9X1M3N5P7R9T0W");
    }

    @Test
    void valuesWithUnicodeAndEmptyStringsSurviveTheRoundTrip() {
        Cursor cursor = Cursor.of("Caf\u00e9 \u2615", "", "last");

        assertThat(Cursor.decode(cursor.encode()).values()).containsExactly("Caf\u00e9 \u2615", "", "last");
    }

    @Test
    void encodedCursorIsUrlSafe() {
        String encoded = Cursor.of("a?b&c=d/e+f", "\u00ff\u00fe").encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void garbageIsRefusedNamingTheCursor() {
        for (String garbage : List.of("!!!", "not a cursor", "%%%", "AAAA", "", "a")) {
            assertInvalid(() -> Cursor.decode(garbage));
        }
    }

    @Test
    void cursorOverTwoHundredCharactersIsRefusedBeforeDecoding() {
        String longest = Cursor.of("x".repeat(147)).encode();
        assertThat(longest).hasSize(200);
        assertThat(Cursor.decode(longest).value(0)).isEqualTo("x".repeat(147));

        assertInvalid(() -> Cursor.decode(Cursor.of("x".repeat(148)).encode()));
    }

    @Test
    void cursorOfAnotherVersionIsRefused() {
        assertInvalid(() -> Cursor.decode(base64("k0\u001fprg_01JD4Z8Q6K2V9X1M3N5P7R9T0W")));
        assertInvalid(() -> Cursor.decode(base64("k2\u001fprg_01JD4Z8Q6K2V9X1M3N5P7R9T0W")));
    }

    @Test
    void versionWithoutValuesIsRefused() {
        assertInvalid(() -> Cursor.decode(base64("k1")));
    }

    @Test
    void charactersOutsideTheUrlSafeAlphabetAreRefused() {
        assertInvalid(() -> Cursor.decode("azE+/w"));
    }

    @Test
    void requireRefusesAValueOfAnotherList() {
        Cursor users = Cursor.decode(Cursor.of("usr_01JD4Z8Q6K2V9X1M3N5P7R9T0W").encode());

        assertInvalid(() -> users.require(0, value -> value.startsWith("prg_")));
        assertInvalid(() -> users.require(1, value -> true));
        assertThat(users.require(0, value -> value.startsWith("usr_"))).isEqualTo("usr_01JD4Z8Q6K2V9X1M3N5P7R9T0W");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        assertThatThrownBy(decode)
            .isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.validation_failed);
                assertThat(e.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("cursor");
                    assertThat(error.code()).isEqualTo("invalid_cursor");
                });
            });
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
