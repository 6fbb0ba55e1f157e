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
