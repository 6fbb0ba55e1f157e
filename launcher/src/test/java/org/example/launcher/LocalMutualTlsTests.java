package org.example.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMutualTlsTests {

    @TempDir
    Path directory;

    X509Certificate certificate(String name) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(directory.resolve(name))));
    }

    @Test
    void createsACaAServerAndAPlatformCertificateSignedByIt() throws Exception {
        new LocalMutualTls(directory).createIfMissing();

        var ca = certificate("ca.pem");
        var server = certificate("server.pem");
        var platform = certificate("platform.pem");
        server.verify(ca.getPublicKey());
        platform.verify(ca.getPublicKey());
        server.checkValidity();
        platform.checkValidity();
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getSubjectAlternativeNames())
                .anySatisfy(name -> assertThat(name.get(1)).isEqualTo("localhost"));
        assertThat(platform.getSubjectX500Principal()
                        .getName(javax.security.auth.x500.X500Principal.RFC2253, Map.of("2.5.4.5", "SERIALNUMBER")))
                .contains("SERIALNUMBER=" + LocalMutualTls.PLATFORM_SUBJECT);
        assertThat(Files.readString(directory.resolve("platform-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void keepsTheCertificatesOfAnEarlierRun() throws Exception {
        var tls = new LocalMutualTls(directory);
        tls.createIfMissing();
        var first = Files.readString(directory.resolve("platform.pem"));

        tls.createIfMissing();

        assertThat(Files.readString(directory.resolve("platform.pem"))).isEqualTo(first);
    }

    @Test
    void writesARevocationListOfTheCaThatIsCurrentAndRevokesNothing() throws Exception {
        var tls = new LocalMutualTls(directory);
        tls.createIfMissing();

        tls.writeRevocationList();

        X509CRL list;
        try (var in = Files.newInputStream(directory.resolve("crl.pem"))) {
            list = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
        list.verify(certificate("ca.pem").getPublicKey());
        assertThat(list.getNextUpdate()).isAfter(new java.util.Date());
        assertThat(list.isRevoked(certificate("platform.pem"))).isFalse();
    }

    @Test
    void pointsTheServiceAtTheFilesAndAllowsThePlatformBothContracts() {
        var environment = new LocalMutualTls(directory).environment(8443);

        assertThat(environment)
                .containsEntry("MTLS_ENABLED", "true")
                .containsEntry("MTLS_PORT", "8443")
                .containsEntry(
                        "SPRING_SSL_BUNDLE_PEM_RIVTA_TRUSTSTORE_CERTIFICATE",
                        directory.resolve("ca.pem").toString())
                .containsEntry("MTLS_ALLOWEDSUBJECTS_REGISTERCERTIFICATE", LocalMutualTls.PLATFORM_SUBJECT)
                .containsEntry("MTLS_ALLOWEDSUBJECTS_REVOKECERTIFICATE", LocalMutualTls.PLATFORM_SUBJECT)
                .containsEntry(
                        "MTLS_REVOCATIONLIST", directory.resolve("crl.pem").toString());
    }
}
