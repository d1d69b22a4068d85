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

    @Test
    void aKeysDirectoryMissingOneOfItsTwoFilesIsRefusedAndLeftAsItIs() throws IOException {
        for (String kept : new String[] {"signing-key.pem", "signing-key.pub.pem"}) {
            Path directory = temp.resolve("half-" + kept);
            SigningKeys.loadOrCreate(directory);
            Files.delete(directory.resolve(kept.equals("signing-key.pem") ? "signing-key.pub.pem" : "signing-key.pem"));
            String before = Files.readString(directory.resolve(kept));

            assertThatThrownBy(() -> SigningKeys.loadOrCreate(directory)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds only one of");

            assertThat(Files.readString(directory.resolve(kept))).isEqualTo(before);
            try (var files = Files.list(directory)) {
                assertThat(files).hasSize(1);
            }
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
