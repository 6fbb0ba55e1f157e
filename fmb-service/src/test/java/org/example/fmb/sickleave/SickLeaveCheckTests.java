package org.example.fmb.sickleave;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.example.fmb.IntegrationTestSupport;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

class SickLeaveCheckTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Test
    void comparesCalendarDaysWithTheLargestMaximumOfTheDiagnosis() throws IOException {
        // F32: typical cases 0 d, 3 mo (93 d), 6 mo (186 d) -> maximum 186 days.
        var response = check(TestTokens.bearer("webcert", "fmb.read"), """
                {"icd10Codes": ["F32.1"], "periods": [
                  {"from": "2026-01-01", "to": "2026-03-31", "degree": 100},
                  {"from": "2026-04-01", "to": "2026-07-31", "degree": 50}]}
                """);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var body = JSON.readTree(response.getBody());
        assertThat(body.path("periodDays").asInt()).isEqualTo(90 + 122);
        assertThat(body.path("totalDays").asInt()).isEqualTo(212);
        assertThat(body.path("recommendedMaximumDays").asInt()).isEqualTo(186);
        assertThat(body.path("exceeded").asBoolean()).isTrue();
        assertThat(body.path("daysOverRecommendation").asInt()).isEqualTo(26);
        assertThat(body.path("sourceSentences").get(0).asText()).startsWith("Vid medelsvår till svår depressiv episod");
        assertThat(body.path("diagnoses").get(0).path("matchedCode").asText()).isEqualTo("F32");
    }

    @Test
    void addsDaysAlreadyOnSickLeaveAndStaysWithinTheMaximum() throws IOException {
        // M54.5 (akut lumbago): largest maximum is given in weeks.
        var body = JSON.readTree(
                check(TestTokens.bearer("webcert", "fmb.read"), """
                {"icd10Codes": ["M54.5"], "daysAlreadyOnSickLeave": 3,
                 "periods": [{"from": "2026-02-01", "to": "2026-02-04", "degree": 25}]}
                """).getBody());
        assertThat(body.path("totalDays").asInt()).isEqualTo(7);
        assertThat(body.path("recommendedMaximumDays").asInt() % 7).isZero();
        assertThat(body.path("exceeded").asBoolean()).isFalse();
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() throws IOException {
        var response = check(TestTokens.bearer("webcert", "fmb.read"), """
                {"icd10Codes": ["F32"], "periods": [{"from": "2026-02-10", "to": "2026-02-01", "degree": 100}]}
                """);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JSON.readTree(response.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("periods[0].to");
    }

    @Test
    void refusesOverlappingPeriodsAndOddDegrees() throws IOException {
        var response = check(TestTokens.bearer("webcert", "fmb.read"), """
                {"icd10Codes": ["F32"], "periods": [
                  {"from": "2026-02-01", "to": "2026-02-10", "degree": 100},
                  {"from": "2026-02-10", "to": "2026-02-20", "degree": 40}]}
                """);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        var fields = JSON.readTree(response.getBody()).path("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("periods[1].from", "periods[1].degree");
    }

    @Test
    void refusesCodesTheCodeServerDoesNotKnow() throws IOException {
        UNKNOWN_CODES.add("X999");
        UNKNOWN_CODES.add("X99.9");
        var response = check(TestTokens.bearer("webcert", "fmb.read"), """
                {"icd10Codes": ["F32", "X999"], "periods": [{"from": "2026-02-01", "to": "2026-02-10", "degree": 100}]}
                """);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(JSON.readTree(response.getBody())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("icd10Codes[1]");
    }

    @Test
    void keepsAnsweringWhenTheCodeServerIsDown() throws IOException {
        codeServerDown = true;
        var response = check(TestTokens.bearer("webcert", "fmb.read"), """
                {"icd10Codes": ["F32"], "periods": [{"from": "2026-02-01", "to": "2026-02-10", "degree": 100}]}
                """);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var body = JSON.readTree(response.getBody());
        assertThat(body.path("totalDays").asInt()).isEqualTo(10);
        assertThat(body.path("warnings").get(0).asText()).contains("could not be verified");
    }

    @Test
    void needsATokenWithScopeFmbRead() {
        var body = """
                {"icd10Codes": ["F32"], "periods": [{"from": "2026-02-01", "to": "2026-02-10", "degree": 100}]}
                """;
        assertThat(check(null, body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(check(TestTokens.bearer("hosp", "hosp.read"), body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void answersBadRequestForAMalformedBody() {
        var response = check(TestTokens.bearer("webcert", "fmb.read"), """
                {"icd10Codes": [], "periods": [{"from": "not-a-date", "to": "2026-02-10", "degree": 100}]}
                """);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseEntity<String> check(String authorization, String body) {
        var request = RequestEntity.post("/fmb/api/v1/sick-leave-checks").contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.exchange(request.body(body), String.class);
    }
}
