package org.example.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The tests' issuer signing keys: PKCS#12 key stores made as an operator would make them, with nothing committed. */
public final class IssuerKeyStores {

    public static final String PASSWORD = "test-store-password";
    private static Path shared;

    private IssuerKeyStores() {}

    /** One key store for every test context of this JVM that names none. */
    static synchronized Path shared() {
        if (shared == null) {
            shared = create(Map.of("test-key", Instant.now()));
        }
        return shared;
    }

    /** A new key store with one RSA key per alias, each with a certificate valid from the given instant. */
    public static Path create(Map<String, Instant> keys) {
        try {
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            for (var key : keys.entrySet()) {
                var pair = generator.generateKeyPair();
                var name = new X500Name("CN=" + key.getKey());
                var holder = new JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.valueOf(key.getValue().toEpochMilli()),
                                Date.from(key.getValue()),
                                Date.from(key.getValue().plus(Duration.ofDays(365))),
                                name,
                                pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
                var certificate = new JcaX509CertificateConverter().getCertificate(holder);
                store.setKeyEntry(
                        key.getKey(), pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
            }
            var file = Files.createTempFile("issuer", ".p12");
            file.toFile().deleteOnExit();
            try (var out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not make a test key store", e);
        }
    }
}
