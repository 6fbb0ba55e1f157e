package org.example.launcher;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local run's issuer signing key: a PKCS#12 key store with one RSA key under {@code .data/issuer/}, made on the
 * first start and kept (so tokens stay valid across restarts), with its generated password next to it, both readable
 * by their owner only; and the gateway's settings that name them. Nothing of it is committed.
 */
final class LocalIssuerKeys {

    private final Path directory;

    LocalIssuerKeys(Path directory) {
        this.directory = directory;
    }

    /** The gateway's settings for the key store under {@code dataDirectory}, made first if missing. */
    static Map<String, String> environment(Path dataDirectory) {
        var keys = new LocalIssuerKeys(dataDirectory.resolve("issuer"));
        try {
            keys.createIfMissing();
            return Map.of(
                    "ISSUER_KEYSTORE",
                    keys.store().toAbsolutePath().toString(),
                    "ISSUER_KEYSTORE_PASSWORD",
                    Files.readString(keys.passwordFile()).strip());
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not create the issuer's key store under " + keys.directory, e);
        }
    }

    Path store() {
        return directory.resolve("issuer-keys.p12");
    }

    Path passwordFile() {
        return directory.resolve("issuer-keys.password");
    }

    void createIfMissing() throws IOException, GeneralSecurityException, OperatorCreationException {
        if (Files.isRegularFile(store()) && Files.isRegularFile(passwordFile())) {
            return;
        }
        Files.createDirectories(directory);
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        var password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var now = Instant.now();
        var alias = "local-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(now);
        var name = new X500Name("CN=Local suite issuer " + alias + ",O=health-suite (local only)");
        var certificate = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.valueOf(now.toEpochMilli()),
                                Date.from(now.minus(Duration.ofMinutes(1))),
                                Date.from(now.plus(Duration.ofDays(3650))),
                                name,
                                pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        var keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(alias, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        Files.deleteIfExists(passwordFile());
        Files.writeString(Files.createFile(passwordFile(), ownerOnly), password);
        Files.deleteIfExists(store());
        try (var out = Files.newOutputStream(Files.createFile(store(), ownerOnly))) {
            keyStore.store(out, password.toCharArray());
        }
    }
}
