package org.example.deathcertificate.mtls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemGenerationException;

/** Certificate authorities and certificates made for a test with Bouncy Castle, and TLS contexts that use them. */
final class TestCertificates {

    private TestCertificates() {}

    /** A key pair with its certificate, signed by {@code issuer} (or by itself). */
    record Issued(KeyPair keys, X509Certificate certificate) {

        String certificatePem() {
            return pem(certificate);
        }

        String privateKeyPem() {
            try {
                return pem(new JcaPKCS8Generator(keys.getPrivate(), null));
            } catch (PemGenerationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A TLS client that presents this certificate and trusts the given CA. */
        SSLContext clientContext(Issued trustedCa) {
            try {
                var keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, null);
                keyStore.setKeyEntry("client", keys.getPrivate(), new char[0], new X509Certificate[] {certificate});
                var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keyStore, new char[0]);
                var context = SSLContext.getInstance("TLS");
                context.init(keyManagers.getKeyManagers(), trusting(trustedCa).getTrustManagers(), new SecureRandom());
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Issued authority(String name) {
        var keys = keyPair();
        var subject = new X500Name("CN=" + name + ",O=Test");
        return new Issued(
                keys,
                sign(
                        subject,
                        keys,
                        subject,
                        keys,
                        Instant.now().minus(Duration.ofDays(1)),
                        Instant.now().plus(Duration.ofDays(30)),
                        true,
                        null));
    }

    static Issued server(Issued ca) {
        var keys = keyPair();
        var names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
        });
        return new Issued(
                keys,
                sign(
                        new X500Name("CN=localhost,O=Test"),
                        keys,
                        name(ca),
                        ca.keys(),
                        Instant.now().minus(Duration.ofDays(1)),
                        Instant.now().plus(Duration.ofDays(30)),
                        false,
                        names));
    }

    /** A client certificate for an organisation: its organisation number / HSA-id in the subject's serialNumber. */
    static Issued client(Issued ca, String serialNumber, Instant notBefore, Instant notAfter) {
        var keys = keyPair();
        return new Issued(
                keys,
                sign(
                        new X500Name("SERIALNUMBER=" + serialNumber + ",CN=Nationella tjänsteplattformen,O=Test,C=SE"),
                        keys,
                        name(ca),
                        ca.keys(),
                        notBefore,
                        notAfter,
                        false,
                        null));
    }

    static Issued client(Issued ca, String serialNumber) {
        return client(
                ca,
                serialNumber,
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)));
    }

    /** A client certificate naming its subject in the CN only. */
    static Issued clientWithCommonName(Issued ca, String commonName) {
        var keys = keyPair();
        return new Issued(
                keys,
                sign(
                        new X500Name("CN=" + commonName + ",O=Test,C=SE"),
                        keys,
                        name(ca),
                        ca.keys(),
                        Instant.now().minus(Duration.ofDays(1)),
                        Instant.now().plus(Duration.ofDays(30)),
                        false,
                        null));
    }

    /** The CA's certificate revocation list, in PEM, naming the given certificates, valid until {@code nextUpdate}. */
    static String revocationList(Issued ca, Instant nextUpdate, X509Certificate... revoked) {
        var thisUpdate = Instant.now().minus(Duration.ofHours(1));
        var builder = new X509v2CRLBuilder(name(ca), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (var certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        try {
            var signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(ca.keys().getPrivate());
            return pem(new JcaX509CRLConverter().getCRL(builder.build(signer)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static TrustManagerFactory trusting(Issued ca) {
        try {
            var trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("ca", ca.certificate());
            var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore);
            return trustManagers;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS client without a certificate of its own. */
    static SSLContext anonymousClientContext(Issued trustedCa) {
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, trusting(trustedCa).getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name name(Issued issued) {
        return X500Name.getInstance(
                issued.certificate().getSubjectX500Principal().getEncoded());
    }

    private static X509Certificate sign(
            X500Name subject,
            KeyPair subjectKeys,
            X500Name issuer,
            KeyPair issuerKeys,
            Instant notBefore,
            Instant notAfter,
            boolean authority,
            GeneralNames alternativeNames) {
        try {
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
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(Object object) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
