package org.example.fmb.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.example.fmb.IntegrationTestSupport;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.RequestEntity;
import org.springframework.jdbc.core.JdbcTemplate;

class LookupStatisticsTests extends IntegrationTestSupport {

    @Autowired
    TestRestTemplate http;

    @Autowired
    LookupStatisticsService statistics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void countsLookupsPerDiagnosisAndDay() throws Exception {
        var before = lookupsOf(259);
        http.getForEntity("/fmb/api/v1/diagnoses/by-code/M54.5", String.class);
        http.getForEntity("/fmb/api/v1/diagnoses/by-code/M545", String.class);
        http.getForEntity("/fmb/api/v1/diagnoses/259", String.class);

        assertThat(lookupsOf(259)).isEqualTo(before + 3);
    }

    @Test
    void countsCollectionReadsPerClientAndDay() throws Exception {
        var before = reads("webcert-test", "typfall");
        var anonymousBefore = reads("anonymous", "forsakringsmedicinskdiagnosinformation");
        http.exchange(
                RequestEntity.get("/fmb/typfall")
                        .header("Authorization", TestTokens.bearer("webcert-test", "fmb.read"))
                        .build(),
                String.class);
        http.exchange(
                RequestEntity.get("/fmb/typfall?inlinehtmlmarkup=true")
                        .header("Authorization", TestTokens.bearer("webcert-test", "fmb.read"))
                        .build(),
                String.class);
        http.getForEntity("/fmb/forsakringsmedicinskdiagnosinformation", String.class);

        assertThat(reads("webcert-test", "typfall")).isEqualTo(before + 2);
        assertThat(reads("anonymous", "forsakringsmedicinskdiagnosinformation")).isEqualTo(anonymousBefore + 1);
    }

    @Test
    void countsSickLeaveChecksPerCodeWithTheirOutcome() throws Exception {
        var overBefore = checks("F321", "OVER");
        var withinBefore = checks("F321", "WITHIN");
        check("{\"icd10Codes\": [\"F32.1\"], \"periods\": [{\"from\": \"2026-01-01\", \"to\": \"2026-01-10\","
                + " \"degree\": 100}]}");
        check("{\"icd10Codes\": [\"F32.1\"], \"periods\": [{\"from\": \"2020-01-01\", \"to\": \"2026-01-10\","
                + " \"degree\": 50}]}");

        assertThat(checks("F321", "WITHIN")).isEqualTo(withinBefore + 1);
        assertThat(checks("F321", "OVER")).isEqualTo(overBefore + 1);
    }

    @Test
    void writesWhatIsStillCountedWhenTheServiceStops() {
        var today = java.sql.Date.valueOf(java.time.LocalDate.now(CLOCK));
        statistics.flush();
        var before = stored(110, today);
        statistics.count(110);
        statistics.count(110);

        statistics.flushOnShutdown();

        assertThat(stored(110, today)).isEqualTo(before + 2);
    }

    @Test
    void needsScopeFmbWrite() {
        var forbidden = http.exchange(
                RequestEntity.get("/fmb/api/v1/statistics/lookups")
                        .header("Authorization", TestTokens.bearer("webcert", "fmb.read"))
                        .build(),
                String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/fmb/api/v1/statistics/lookups", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        var response = http.exchange(
                RequestEntity.get("/fmb/api/v1/statistics/lookups?from=2026-02-02&to=2026-02-01")
                        .header("Authorization", TestTokens.bearer("fmb-editor", "fmb.write"))
                        .build(),
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private void check(String body) {
        var answer = http.exchange(
                RequestEntity.post("/fmb/api/v1/sick-leave-checks")
                        .header("Authorization", TestTokens.bearer("webcert", "fmb.read"))
                        .header("Content-Type", "application/json")
                        .body(body),
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private long reads(String client, String collection) throws Exception {
        var response = http.exchange(
                RequestEntity.get("/fmb/api/v1/statistics/collection-reads")
                        .header("Authorization", TestTokens.bearer("fmb-editor", "fmb.write"))
                        .build(),
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var total = 0L;
        for (var day : new ObjectMapper().readTree(response.getBody())) {
            if (day.path("client").asText().equals(client)
                    && day.path("collection").asText().equals(collection)) {
                total += day.path("reads").asLong();
            }
        }
        return total;
    }

    private long checks(String code, String outcome) throws Exception {
        var response = http.exchange(
                RequestEntity.get("/fmb/api/v1/statistics/sick-leave-checks")
                        .header("Authorization", TestTokens.bearer("fmb-editor", "fmb.write"))
                        .build(),
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        var total = 0L;
        for (var day : new ObjectMapper().readTree(response.getBody())) {
            if (day.path("icd10Code").asText().equals(code)
                    && day.path("outcome").asText().equals(outcome)) {
                total += day.path("checks").asLong();
            }
        }
        return total;
    }

    private long stored(long diagnosisId, java.sql.Date day) {
        return jdbc.queryForObject(
                "select coalesce(sum(lookups), 0) from lookup_count where diagnosis_id = ? and day = ?",
                Long.class,
                diagnosisId,
                day);
    }

    private long lookupsOf(long diagnosisId) throws Exception {
        var response = http.exchange(
                RequestEntity.get("/fmb/api/v1/statistics/lookups?diagnosisId=" + diagnosisId)
                        .header("Authorization", TestTokens.bearer("fmb-editor", "fmb.write"))
                        .build(),
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new ObjectMapper().readTree(response.getBody()).path("total").asLong();
    }
}
