package org.example.deathcertificate.mtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.apache.catalina.connector.Connector;
import org.example.deathcertificate.rivta.RivtaMessages;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The national platform's route: RegisterCertificate over mutual TLS with certificates made here, refused at the
 * handshake when untrusted or expired and with 403 when the subject may not call the contract; nothing is stored
 * then; a certificate on the CA's revocation list is refused too, and a list changed while running is read again.
 * Bearer tokens keep working on the service's own port.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mtls.enabled=true", "mtls.port=0"})
@Import(TestTokens.Config.class)
class MutualTlsIntegrationTests {

    static final String PLATFORM = "5565594230";
    static final String REVOKE_ONLY = "SE2321000016-REVK";
    static final String REGISTER_PATH =
            "/services/clinicalprocess/healthcond/certificate/RegisterCertificate/3/rivtabp21";
    static final String REVOKE_PATH = "/services/clinicalprocess/healthcond/certificate/RevokeCertificate/2/rivtabp21";
    static final TestCertificates.Issued CA = TestCertificates.authority("Test CA");
    static final TestCertificates.Issued OTHER_CA = TestCertificates.authority("Other CA");
    static final TestCertificates.Issued SERVER = TestCertificates.server(CA);
    static final TestCertificates.Issued REVOKED = TestCertificates.client(CA, PLATFORM);
    static final Path REVOCATION_LIST = revocationList(REVOKED);

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        registry.add("spring.ssl.bundle.pem.rivta.keystore.certificate", SERVER::certificatePem);
        registry.add("spring.ssl.bundle.pem.rivta.keystore.private-key", SERVER::privateKeyPem);
        registry.add("spring.ssl.bundle.pem.rivta.truststore.certificate", CA::certificatePem);
        registry.add("mtls.allowed-subjects.RegisterCertificate", () -> PLATFORM + ",SE165565594230-1000");
        registry.add("mtls.allowed-subjects.RevokeCertificate", () -> PLATFORM + "," + REVOKE_ONLY);
        registry.add("mtls.revocation-list", REVOCATION_LIST::toString);
        registry.add("mtls.revocation-list-check", () -> "1h");
    }

    static Path revocationList(TestCertificates.Issued... revoked) {
        try {
            var file = Files.createTempFile("revoked", ".crl.pem");
            file.toFile().deleteOnExit();
            Files.writeString(
                    file,
                    TestCertificates.revocationList(
                            CA,
                            Instant.now().plus(Duration.ofDays(7)),
                            Arrays.stream(revoked)
                                    .map(TestCertificates.Issued::certificate)
                                    .toArray(X509Certificate[]::new)));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    RevocationList revocationList;

    @Autowired
    Connector mutualTlsConnector;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    HttpResponse<String> register(SSLContext tls, String certificateId) throws IOException, InterruptedException {
        return post(tls, REGISTER_PATH, envelope(validElement(certificateId)));
    }

    HttpResponse<String> post(SSLContext tls, String path, String soap) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        var request = HttpRequest.newBuilder(
                        URI.create("https://localhost:" + mutualTlsConnector.getLocalPort() + path))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(soap, StandardCharsets.UTF_8))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    int stored(String certificateId) {
        return jdbc.queryForObject(
                "select count(*) from death_certificate where certificate_id = ?", Integer.class, certificateId);
    }

    @Test
    void registersACertificateFromTheAllowedPlatformWithoutAToken() throws Exception {
        var id = UUID.randomUUID().toString();

        var answer = register(TestCertificates.client(CA, PLATFORM).clientContext(CA), id);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<resultCode>OK</resultCode>");
        assertThat(jdbc.queryForObject(
                        "select sender from death_certificate where certificate_id = ?", String.class, id))
                .isEqualTo("tls:" + PLATFORM);
    }

    @Test
    void acceptsASubjectNamedInTheCommonName() throws Exception {
        var id = UUID.randomUUID().toString();

        var answer = register(
                TestCertificates.clientWithCommonName(CA, "SE165565594230-1000").clientContext(CA), id);

        assertThat(answer.body()).contains("<resultCode>OK</resultCode>");
        assertThat(stored(id)).isOne();
    }

    @Test
    void refusesACertificateFromAnUntrustedCaAtTheHandshake() {
        var id = UUID.randomUUID().toString();
        var untrusted = TestCertificates.client(OTHER_CA, PLATFORM).clientContext(CA);

        assertThatThrownBy(() -> register(untrusted, id)).isInstanceOf(IOException.class);
        assertThat(stored(id)).isZero();
    }

    @Test
    void refusesAnExpiredCertificateAtTheHandshake() {
        var id = UUID.randomUUID().toString();
        var expired = TestCertificates.client(
                        CA,
                        PLATFORM,
                        Instant.now().minus(Duration.ofDays(60)),
                        Instant.now().minus(Duration.ofDays(1)))
                .clientContext(CA);

        assertThatThrownBy(() -> register(expired, id)).isInstanceOf(IOException.class);
        assertThat(stored(id)).isZero();
    }

    @Test
    void refusesARevokedCertificateAtTheHandshake() throws Exception {
        var id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> register(REVOKED.clientContext(CA), id)).isInstanceOf(IOException.class);
        assertThat(stored(id)).isZero();
        // the same subject with a certificate that is not on the list
        assertThat(register(TestCertificates.client(CA, PLATFORM).clientContext(CA), id)
                        .body())
                .contains("<resultCode>OK</resultCode>");
    }

    @Test
    void refusesACertificateRevokedWhileRunningOnceTheChangedListIsReadWithoutARestart() throws Exception {
        var revokedNow = TestCertificates.client(CA, PLATFORM);
        var before = UUID.randomUUID().toString();
        assertThat(register(revokedNow.clientContext(CA), before).statusCode()).isEqualTo(200);
        var original = Files.readString(REVOCATION_LIST);
        try {
            Files.writeString(
                    REVOCATION_LIST,
                    TestCertificates.revocationList(
                            CA,
                            Instant.now().plus(Duration.ofDays(7)),
                            REVOKED.certificate(),
                            revokedNow.certificate()));
            assertThat(revocationList.reloadIfChanged()).isTrue();
            assertThat(revocationList.reloadIfChanged()).as("unchanged since").isFalse();

            var after = UUID.randomUUID().toString();
            assertThatThrownBy(() -> register(revokedNow.clientContext(CA), after))
                    .isInstanceOf(IOException.class);
            assertThat(stored(after)).isZero();
            assertThat(register(TestCertificates.client(CA, PLATFORM).clientContext(CA), after)
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            Files.writeString(REVOCATION_LIST, original);
            revocationList.reloadIfChanged();
        }
    }

    @Test
    void refusesEveryClientOnceTheListIsOutOfDateAndKeepsTheLastListWhenTheFileIsUnreadable() throws Exception {
        var original = Files.readString(REVOCATION_LIST);
        try {
            Files.writeString(
                    REVOCATION_LIST,
                    TestCertificates.revocationList(CA, Instant.now().minus(Duration.ofHours(1))));
            assertThat(revocationList.reloadIfChanged()).isTrue();
            var id = UUID.randomUUID().toString();
            assertThatThrownBy(
                            () -> register(TestCertificates.client(CA, PLATFORM).clientContext(CA), id))
                    .isInstanceOf(IOException.class);

            Files.writeString(REVOCATION_LIST, "not a revocation list");
            assertThat(revocationList.reloadIfChanged()).isFalse();
            assertThatThrownBy(
                            () -> register(TestCertificates.client(CA, PLATFORM).clientContext(CA), id))
                    .as("the out-of-date list stays in use")
                    .isInstanceOf(IOException.class);
            assertThat(stored(id)).isZero();
        } finally {
            Files.writeString(REVOCATION_LIST, original);
            revocationList.reloadIfChanged();
        }
        assertThat(register(
                                TestCertificates.client(CA, PLATFORM).clientContext(CA),
                                UUID.randomUUID().toString())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesAClientWithoutACertificateAtTheHandshake() {
        var id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> register(TestCertificates.anonymousClientContext(CA), id))
                .isInstanceOf(IOException.class);
        assertThat(stored(id)).isZero();
    }

    @Test
    void refusesATrustedSubjectThatIsNotAllowedAnyContractWith403() throws Exception {
        var id = UUID.randomUUID().toString();

        var answer = register(TestCertificates.client(CA, "2120000000").clientContext(CA), id);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(stored(id)).isZero();
    }

    @Test
    void refusesASubjectAllowedOnlyAnotherContractWith403() throws Exception {
        var id = UUID.randomUUID().toString();
        var revokeOnly = TestCertificates.client(CA, REVOKE_ONLY).clientContext(CA);

        var register = register(revokeOnly, id);
        var revoke = post(revokeOnly, REVOKE_PATH, envelope(revokeElement(id)));

        assertThat(register.statusCode()).isEqualTo(403);
        assertThat(stored(id)).isZero();
        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(revoke.body()).contains("does not exist for patient");
    }

    @Test
    void servesOnlyTheSoapEndpointsOnTheMutualTlsPort() throws Exception {
        var platform = TestCertificates.client(CA, PLATFORM).clientContext(CA);
        var client = HttpClient.newBuilder().sslContext(platform).build();

        var rest = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + mutualTlsConnector.getLocalPort()
                                + "/death-certificates/api/v1/certificates"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var wsdl = client.send(
                HttpRequest.newBuilder(URI.create(
                                "https://localhost:" + mutualTlsConnector.getLocalPort() + REGISTER_PATH + "?wsdl"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(rest.statusCode()).isEqualTo(403);
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("RegisterCertificate");
    }

    @Test
    void keepsBearerTokensOnTheServicePort() throws Exception {
        var client = HttpClient.newHttpClient();
        var id = UUID.randomUUID().toString();
        var withToken = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + REGISTER_PATH))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("Authorization", TestTokens.bearer("webcert", "certificates.submit"))
                        .POST(HttpRequest.BodyPublishers.ofString(envelope(validElement(id)), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var read = client.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/death-certificates/api/v1/certificates/" + id))
                        .header("Authorization", TestTokens.bearer("coder", "certificates.read"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withToken.body()).contains("<resultCode>OK</resultCode>");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"channel\":\"WEBCERT\"");
    }

    static String envelope(String body) {
        return RivtaMessages.envelope(body);
    }

    static String validElement(String certificateId) {
        return RivtaMessages.validElement(certificateId);
    }

    static String revokeElement(String certificateId) {
        return RivtaMessages.revoke(certificateId, "192703104329");
    }
}
