package org.example.deathcertificate.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class CertificateApiIntegrationTests {

    static final String CERTIFICATES = "/death-certificates/api/v1/certificates";
    static final String PAPER = "/death-certificates/api/v1/paper-certificates";
    static final String WEBCERT = TestTokens.bearer("webcert", "certificates.submit");
    static final String OTHER_SUBMITTER = TestTokens.bearer("another-ehr", "certificates.submit");
    static final String CODER =
            "Bearer " + TestTokens.token("cause-of-death-coder", null, null, "certificates.read", "certificates.code");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    int stored(String certificateId) {
        return jdbc.queryForObject(
                "select count(*) from death_certificate where certificate_id = ?", Integer.class, certificateId);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String authorization, Object body) {
        var headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ObjectNode certificate(String id) {
        return json.valueToTree(Certificates.example(id));
    }

    @Test
    void storesAJsonCertificateOnceAndAnswersARepeatOnlyThatItIsStored() {
        var id = UUID.randomUUID().toString();

        var created = send(HttpMethod.POST, CERTIFICATES, WEBCERT, certificate(id));
        var repeated = send(HttpMethod.POST, CERTIFICATES, WEBCERT, certificate(id));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString(http.getRootUri() + CERTIFICATES + "/" + id);
        assertThat(created.getBody().get("outcome").asText()).isEqualTo("STORED");
        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repeated.getBody().get("outcome").asText()).isEqualTo("ALREADY_STORED");
        assertThat(stored(id)).isEqualTo(1);
        var read = send(HttpMethod.GET, CERTIFICATES + "/" + id, CODER, null);
        assertThat(read.getBody().get("channel").asText()).isEqualTo("API");
        assertThat(read.getBody().at("/answers/terminalCause/description").asText())
                .isEqualTo("terminal dödsorsak");
    }

    @Test
    void neverGivesASubmitOnlyClientTheStoredCertificate() {
        var id = UUID.randomUUID().toString();
        send(HttpMethod.POST, CERTIFICATES, WEBCERT, certificate(id));

        var sameAgain = send(HttpMethod.POST, CERTIFICATES, WEBCERT, certificate(id));
        var probe = send(
                HttpMethod.POST, CERTIFICATES, OTHER_SUBMITTER, certificate(id).put("firstName", "Probe"));

        for (var answer : List.of(sameAgain, probe)) {
            var body = answer.getBody().toString();
            assertThat(body).doesNotContain("192703104329", "Olivia", "Olsson", "terminal dödsorsak", "OLYCKSFALL");
            assertThat(answer.getBody().has("answers")).isFalse();
        }
    }

    @Test
    void answersTheSameIdWithOtherContentWith409AndKeepsTheFirst() {
        var id = UUID.randomUUID().toString();
        send(HttpMethod.POST, CERTIFICATES, WEBCERT, certificate(id));
        var other = certificate(id);
        other.withObject("/terminalCause").put("description", "en annan dödsorsak");

        var clash = send(HttpMethod.POST, CERTIFICATES, WEBCERT, other);

        assertThat(clash.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(clash.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(clash.getBody().get("detail").asText()).doesNotContain(id).contains("other content");
        assertThat(jdbc.queryForObject(
                        "select terminal_cause from death_certificate where certificate_id = ?", String.class, id))
                .isEqualTo("terminal dödsorsak");
    }

    @Test
    void answersTheSameCertificateFromAnotherSenderWith409() {
        var id = UUID.randomUUID().toString();
        send(HttpMethod.POST, CERTIFICATES, WEBCERT, certificate(id));

        var clash = send(HttpMethod.POST, CERTIFICATES, OTHER_SUBMITTER, certificate(id));

        assertThat(clash.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(clash.getBody().get("detail").asText()).contains("another sender");
        assertThat(jdbc.queryForObject(
                        "select sender from death_certificate where certificate_id = ?", String.class, id))
                .isEqualTo("webcert");
    }

    @Test
    void answersABrokenRuleWith422NamingTheField() {
        var body = certificate(UUID.randomUUID().toString()).put("personnummer", "192703104321");

        var answer = send(HttpMethod.POST, CERTIFICATES, WEBCERT, body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("personnummer");
        assertThat(answer.getBody().at("/errors/0/message").asText()).contains("check digit");
    }

    @Test
    void appliesTheDoiSchematronRulesToJsonToo() {
        var body = certificate(UUID.randomUUID().toString());
        body.put("operation", "NEJ");

        var answer = send(HttpMethod.POST, CERTIFICATES, WEBCERT, body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("detail").asText())
                .contains("'Datum operation' får inte finnas om 'Om operation inom fyra veckor' är false eller NI");
    }

    @Test
    void answersAMissingAnswerWith400NamingTheField() {
        var body = certificate(UUID.randomUUID().toString());
        body.remove("terminalCause");

        var answer = send(HttpMethod.POST, CERTIFICATES, WEBCERT, body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("terminalCause");
    }

    @Test
    void requiresAPersonnummerFromWebcertButNotOnPaper() {
        var id = UUID.randomUUID().toString();
        var body = certificate(id);
        body.putNull("personnummer");
        body.put("birthDate", "1927-03-10");

        var fromWebcert = send(HttpMethod.POST, CERTIFICATES, WEBCERT, body);
        var onPaper = send(HttpMethod.POST, PAPER, CODER, body);

        assertThat(fromWebcert.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fromWebcert.getBody().at("/errors/0/field").asText()).isEqualTo("personnummer");
        assertThat(onPaper.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var read = send(HttpMethod.GET, CERTIFICATES + "/" + id, CODER, null);
        assertThat(read.getBody().get("channel").asText()).isEqualTo("PAPER");
        assertThat(read.getBody().at("/answers/personnummer").isNull()).isTrue();
    }

    @Test
    void needsTheRightScopeForEachOperation() {
        var body = certificate(UUID.randomUUID().toString());

        assertThat(send(HttpMethod.POST, CERTIFICATES, null, body).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(send(HttpMethod.POST, CERTIFICATES, CODER, body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.POST, PAPER, WEBCERT, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.GET, CERTIFICATES, WEBCERT, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void answers404ForAnUnknownCertificateAndForAnOriginalThatDidNotArriveAsXml() {
        var id = UUID.randomUUID().toString();
        send(HttpMethod.POST, CERTIFICATES, WEBCERT, certificate(id));

        var unknown = send(HttpMethod.GET, CERTIFICATES + "/" + UUID.randomUUID(), CODER, null);
        var noOriginal = send(HttpMethod.GET, CERTIFICATES + "/" + id + "/original", CODER, null);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(noOriginal.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void answers404WithoutRepeatingTheIdSent() {
        for (var path : List.of(CERTIFICATES + "/191212121212", CERTIFICATES + "/121212-1212/original")) {
            var answer = send(HttpMethod.GET, path, CODER, null);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody().path("detail").asText()).isEqualTo("No death certificate with that id");
        }
    }

    @Test
    void searchesByDateOfDeathStatusAndChannelPageByPage() {
        var day = LocalDate.of(1990, 1, 1)
                .plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 3000));
        for (int i = 0; i < 3; i++) {
            var body = certificate(UUID.randomUUID().toString());
            body.put("dateOfDeath", day.toString())
                    .put("dateOfDeathCertain", true)
                    .putNull("foundDeadDate");
            body.withObject("/terminalCause").put("onsetDate", day.toString());
            body.putArray("followingCauses");
            body.putArray("contributingConditions");
            body.put("operation", "NEJ").putNull("operationDate").putNull("operationReason");
            body.put("injuryOrPoisoning", false)
                    .putNull("injuryCause")
                    .putNull("injuryDate")
                    .putNull("injuryDescription");
            var answer = send(HttpMethod.POST, CERTIFICATES, WEBCERT, body);
            assertThat(answer.getStatusCode())
                    .as(String.valueOf(answer.getBody()))
                    .isEqualTo(HttpStatus.CREATED);
        }

        var page = send(
                HttpMethod.GET,
                CERTIFICATES + "?dateOfDeathFrom=" + day + "&dateOfDeathTo=" + day
                        + "&status=RECEIVED&channel=API&size=2",
                CODER,
                null);
        var revoked = send(
                HttpMethod.GET,
                CERTIFICATES + "?dateOfDeathFrom=" + day + "&dateOfDeathTo=" + day + "&status=REVOKED",
                CODER,
                null);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody().at("/page/totalElements").asInt()).isEqualTo(3);
        assertThat(page.getBody().get("content")).hasSize(2);
        assertThat(page.getBody().at("/content/0/dateOfDeath").asText()).isEqualTo(day.toString());
        assertThat(page.getBody().at("/content/0/personnummer").isMissingNode()).isTrue();
        assertThat(revoked.getBody().at("/page/totalElements").asInt()).isZero();
    }
}
