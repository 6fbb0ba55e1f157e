package org.example.deathcertificate.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PDF read back with PDFBox: the form's answers, the fonts embedded, PDF/A, and a revoked or replaced mark. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class CertificatePdfIntegrationTests {

    static final String CERTIFICATES = "/death-certificates/api/v1/certificates";
    static final String WEBCERT = TestTokens.bearer("webcert", "certificates.submit");
    static final String READER = TestTokens.bearer("cause-of-death-coder", "certificates.read");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    String submit(String id, String replaces) {
        var body = json.valueToTree(PdfCertificates.example(id, replaces));
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, WEBCERT);
        headers.setContentType(MediaType.APPLICATION_JSON);
        var answer = http.exchange(CERTIFICATES, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    ResponseEntity<byte[]> pdf(String id, String authorization) {
        var headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.exchange(CERTIFICATES + "/" + id + "/pdf", HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    @Test
    void rendersTheFormWithPersonnummerCauseLinesAndDates() throws IOException {
        var id = submit(UUID.randomUUID().toString(), null);

        var answer = pdf(id, READER);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
        var text = text(answer.getBody());
        assertThat(text).contains("DÖDSORSAKSINTYG", "19270310-4329", "Ödmark", "Åsa");
        assertThat(text)
                .contains(
                        "Hjärtinfarkt",
                        "Kranskärlsförträngning",
                        "Diabetes mellitus typ 2 med njurpåverkan",
                        "Förmaksflimmer");
        assertThat(text)
                .contains("2017-04-01", "2017-04-02", "2016-05-01", "2016-04-01", "2017-03-20", "2017-04-03 10:00");
        assertThat(text)
                .contains("Den terminala dödsorsaken var", "som var en följd av", "Läkarens utlåtande om dödsorsaken");
        assertThat(text).doesNotContain("MAKULERAT", "ERSATT –");
    }

    @Test
    void embedsItsFontsAndDeclaresPdfA() throws IOException {
        var id = submit(UUID.randomUUID().toString(), null);

        try (PDDocument document = Loader.loadPDF(pdf(id, READER).getBody())) {
            var page = document.getPage(0);
            var fonts = new java.util.ArrayList<PDFont>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("LiberationSans");
            });
            var metadata = new String(
                    document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(metadata).contains("pdfaid:part").contains("2").contains("pdfaid:conformance");
            assertThat(document.getDocumentCatalog().getOutputIntents()).isNotEmpty();
        }
    }

    @Test
    void saysOnThePageThatACertificateIsRevoked() throws IOException {
        var id = submit(UUID.randomUUID().toString(), null);
        jdbc.update(
                "update death_certificate set status = 'REVOKED', revoked_at = now(), revocation_message = 'Fel patient' "
                        + "where certificate_id = ?",
                id);

        var text = text(pdf(id, READER).getBody());

        assertThat(text).contains("MAKULERAT", "återkallat", "Fel patient");
    }

    @Test
    void saysOnThePageThatACertificateIsReplacedAndWhichItReplaces() throws IOException {
        var original = submit(UUID.randomUUID().toString(), null);
        var replacement = submit(UUID.randomUUID().toString(), original);

        var replaced = text(pdf(original, READER).getBody());
        var replacing = text(pdf(replacement, READER).getBody());

        assertThat(replaced).contains("ERSATT", replacement);
        assertThat(replacing)
                .contains("Ersätter tidigare utfärdat intyg", original)
                .doesNotContain("ERSATT –");
    }

    @Test
    void needsCertificatesReadAndAnswers404ForAnUnknownId() {
        var id = submit(UUID.randomUUID().toString(), null);

        assertThat(pdf(id, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(pdf(id, WEBCERT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var unknown = pdf(UUID.randomUUID().toString(), READER);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
