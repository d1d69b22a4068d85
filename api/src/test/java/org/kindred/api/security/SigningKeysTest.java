package org.kindred.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    @TempDir
    Path temp;

    @Test
    void newKeysAreTheOwnersAloneAndLoadAgainUnchanged() throws IOException {
        Path directory = temp.resolve("keys");

        SigningKeys created = SigningKeys.loadOrCreate(directory);

        assertThat(permissions(directory)).isEqualTo("rwx------");
        assertThat(permissions(directory.resolve("signing-key.pem"))).isEqualTo("rw-------");
        assertThat(Files.readString(directory.resolve("signing-key.pub.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(SigningKeys.loadOrCreate(directory).keyId()).isEqualTo(created.keyId());
    }

    /** The private key signed tokens that a new pair would end: the start is refused, and nothing changed. */
    @Test
    void aPrivateKeyWithoutItsPublicKeyIsRefusedAndLeftAsItIs() throws IOException {
        Path directory = temp.resolve("keys");
        SigningKeys.loadOrCreate(directory);
        Files.delete(directory.resolve("signing-key.pub.pem"));
        String before = Files.readString(directory.resolve("signing-key.pem"));

        assertThatThrownBy(() -> SigningKeys.loadOrCreate(directory)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("openssl pkey");

        assertThat(Files.readString(directory.resolve("signing-key.pem"))).isEqualTo(before);
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(1);
        }
    }

    /** What a first start that stopped between the two files leaves: with no private key nothing was signed. */
    @Test
    void aPublicKeyWithoutItsPrivateKeyIsReplacedByANewPair() throws IOException {
        Path directory = temp.resolve("keys");
        String lost = SigningKeys.loadOrCreate(directory).keyId();
        Files.delete(directory.resolve("signing-key.pem"));

        SigningKeys made = SigningKeys.loadOrCreate(directory);

        assertThat(made.keyId()).isNotEqualTo(lost);
        assertThat(permissions(directory.resolve("signing-key.pem"))).isEqualTo("rw-------");
        assertThat(SigningKeys.loadOrCreate(directory).keyId()).isEqualTo(made.keyId());
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(2);
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
