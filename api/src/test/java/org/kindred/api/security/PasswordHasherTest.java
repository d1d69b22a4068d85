package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final PasswordHasher HASHER = new PasswordHasher(1);
    private static final String PASSWORD = "a long and quiet river";

    @Test
    void hashIsArgon2idPhcStringWithOwaspMinimumParameters() {
        assertThat(HASHER.hash(PASSWORD)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void theRightPasswordMatches() {
        assertThat(HASHER.matches(PASSWORD, HASHER.hash(PASSWORD))).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        String hash = HASHER.hash(PASSWORD);
        assertThat(HASHER.matches("a long and quiet rivers", hash)).isFalse();
        assertThat(HASHER.matches("", hash)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferBecauseOfTheirSalt() {
        String first = HASHER.hash(PASSWORD);
        String second = HASHER.hash(PASSWORD);
        assertThat(first).isNotEqualTo(second);
        assertThat(HASHER.matches(PASSWORD, first)).isTrue();
        assertThat(HASHER.matches(PASSWORD, second)).isTrue();
    }
}
