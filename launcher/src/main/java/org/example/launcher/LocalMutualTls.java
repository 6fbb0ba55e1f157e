package org.example.launcher;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local run's mutual TLS for the national platform's route ({@code SUITE_MTLS=true}): a local CA, a server
 * certificate for localhost and a "platform" client certificate (the organisation number in the subject's
 * serialNumber), as PEM files under {@code .data/tls/}, made once and kept, with the CA's revocation list written anew
 * at each start; and the death-certificate service's settings that open its mutual-TLS connector with them.
 */
final class LocalMutualTls {

    /** The example platform's organisation number (Inera AB), allowed to call both RIVTA contracts locally. */
    static final String PLATFORM_SUBJECT = "5565594230";

    private final Path directory;

    LocalMutualTls(Path directory) {
        this.directory = directory;
    }

    /** The service settings for mutual TLS on {@code port}, or none when {@code SUITE_MTLS} is not true. */
    static Map<String, String> environment(Path dataDirectory, int port) {
        if (!Boolean.parseBoolean(System.getenv().getOrDefault("SUITE_MTLS", "false"))) {
            return Map.of();
        }
        var tls = new LocalMutualTls(dataDirectory.resolve("tls"));
        try {
            tls.createIfMissing();
            tls.writeRevocationList();
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not create the local certificates under " + tls.directory, e);
        }
        System.out.println(
                "Mutual TLS for the SOAP intake on https://localhost:" + port + "/services/... (certificates in "
                        + tls.directory + ", client: platform.pem + platform-key.pem, CA: ca.pem)");
        return tls.environment(port);
    }

    Map<String, String> environment(int port) {
        return Map.of(
                "MTLS_ENABLED",
                "true",
                "MTLS_PORT",
                Integer.toString(port),
                "SPRING_SSL_BUNDLE_PEM_RIVTA_KEYSTORE_CERTIFICATE",
                file("server.pem"),
                "SPRING_SSL_BUNDLE_PEM_RIVTA_KEYSTORE_PRIVATEKEY",
                file("server-key.pem"),
                "SPRING_SSL_BUNDLE_PEM_RIVTA_TRUSTSTORE_CERTIFICATE",
                file("ca.pem"),
                "MTLS_ALLOWEDSUBJECTS_REGISTERCERTIFICATE",
                PLATFORM_SUBJECT,
                "MTLS_ALLOWEDSUBJECTS_REVOKECERTIFICATE",
                PLATFORM_SUBJECT,
                "MTLS_REVOCATIONLIST",
                file("crl.pem"));
    }

    /**
     * Writes the local CA's revocation list anew (nothing revoked, due for renewal in a week), so that the connector
     * checks client certificates against a list as in production, and a list of an earlier run never runs out.
     */
    void writeRevocationList() throws IOException, GeneralSecurityException, OperatorCreationException {
        X509Certificate ca;
        try (var in = Files.newInputStream(directory.resolve("ca.pem"))) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        PrivateKey caKey;
        try (var parser = new PEMParser(Files.newBufferedReader(directory.resolve("ca-key.pem")))) {
            caKey = new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
        var now = Instant.now();
        var list = new JcaX509v2CRLBuilder(ca.getSubjectX500Principal(), Date.from(now.minus(Duration.ofMinutes(5))));
        list.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        write(
                "crl.pem",
                new JcaX509CRLConverter()
                        .getCRL(list.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey))));
    }

    /** Writes the CA, the server and the platform certificate with their keys, unless they are there already. */
    void createIfMissing() throws IOException, GeneralSecurityException, OperatorCreationException {
        if (Files.isRegularFile(directory.resolve("platform-key.pem"))) {
            return;
        }
        Files.createDirectories(directory);
        var now = Instant.now().minus(Duration.ofHours(1));
        var until = now.plus(Duration.ofDays(825));
        var caKeys = keyPair();
        var caName = new X500Name("CN=Local suite CA,O=health-suite (local only)");
        var ca = sign(caName, caKeys, caName, caKeys, now, until, true, null, null);
        var serverKeys = keyPair();
        var server = sign(
                new X500Name("CN=localhost,O=health-suite (local only)"),
                serverKeys,
                caName,
                caKeys,
                now,
                until,
                false,
                new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                }),
                KeyPurposeId.id_kp_serverAuth);
        var platformKeys = keyPair();
        var platform = sign(
                new X500Name("SERIALNUMBER=" + PLATFORM_SUBJECT
                        + ",CN=Nationella tjanstepl. (local),O=health-suite (local only),C=SE"),
                platformKeys,
                caName,
                caKeys,
                now,
                until,
                false,
                null,
                KeyPurposeId.id_kp_clientAuth);
        write("ca.pem", ca);
        write("ca-key.pem", new JcaPKCS8Generator(caKeys.getPrivate(), null));
        write("server.pem", server);
        write("server-key.pem", new JcaPKCS8Generator(serverKeys.getPrivate(), null));
        write("platform.pem", platform);
        write("platform-key.pem", new JcaPKCS8Generator(platformKeys.getPrivate(), null));
    }

    private String file(String name) {
        return directory.resolve(name).toAbsolutePath().toString();
    }

    private void write(String name, Object pemObject) throws IOException {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(pemObject);
        }
        Files.writeString(directory.resolve(name), text.toString());
    }

    private static X509Certificate sign(
            X500Name subject,
            KeyPair subjectKeys,
            X500Name issuer,
            KeyPair issuerKeys,
            Instant notBefore,
            Instant notAfter,
            boolean authority,
            GeneralNames alternativeNames,
            KeyPurposeId purpose)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        var builder = new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, new SecureRandom()),
                Date.from(notBefore),
                Date.from(notAfter),
                subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(
                Extension.keyUsage,
                true,
                authority
                        ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                        : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (alternativeNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
        }
        if (purpose != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        }
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }
}
