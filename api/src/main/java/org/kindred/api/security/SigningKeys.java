package org.kindred.api.security;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The server's Ed25519 signing key pair, kept as PEM files in the keys directory and created there on
 * first start. The private key file is readable by its owner only.
 */
public final class SigningKeys {
    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_FILE = "signing-key.pem";
    private static final String PUBLIC_FILE = "signing-key.pub.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKeys(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = Jwks.builder().key(publicKey).idFromThumbprint().build().getId();
    }

    public static SigningKeys loadOrCreate(Path directory) {
        try {
            Path privateFile = directory.resolve(PRIVATE_FILE);
            Path publicFile = directory.resolve(PUBLIC_FILE);
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return new SigningKeys(read(privateFile, publicFile));
            }
            if (Files.exists(privateFile)) {
                throw new IllegalStateException("the keys directory " + directory + " has " + PRIVATE_FILE + " but not "
                    + PUBLIC_FILE + "; restore it (openssl pkey -in " + PRIVATE_FILE + " -pubout -out " + PUBLIC_FILE
                    + "), or remove both to make new keys (every token signed with the old ones then stops working)");
            }
            createOwnerOnlyDirectory(directory);
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            // The public key goes in first: a start that stopped between the two finds no private key and makes a new
            // pair (nothing was signed with the lost one), never a private key alone, which it would have to refuse.
            writeInPlace(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            writeInPlace(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            return new SigningKeys(pair);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use keys directory " + directory + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load signing keys from " + directory + ": " + e.getMessage(), e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The JSON Web Key Set that lets anyone verify our access tokens. */
    public Map<String, Object> jwks() {
        PublicJwk<PublicKey> jwk = Jwks.builder().key(publicKey).id(keyId).publicKeyUse("sig").build();
        Map<String, Object> key = new java.util.LinkedHashMap<>(jwk);
        key.put("alg", "EdDSA");
        return Map.of("keys", List.of(key));
    }

    private static KeyPair read(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(unpem(privateFile)));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(unpem(publicFile)));
        return new KeyPair(publicKey, privateKey);
    }

    /** A new keys directory is its owner's alone; one that exists, and its parents, keep the permissions they have. */
    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(directory);
        }
    }

    /**
     * Writes the file whole under a temporary name and moves it into place, so it is never seen half written; an
     * owner-only one is created owner-only before the key is written into it, so it is never readable by others.
     */
    private static void writeInPlace(Path file, String content, boolean ownerOnly) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (ownerOnly) {
            try {
                Files.createFile(partial,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the directory's own permissions are all we have
            }
        }
        Files.writeString(partial, content);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(Path file) throws IOException {
        String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }
}
