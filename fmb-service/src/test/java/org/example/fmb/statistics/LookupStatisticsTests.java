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

class LookupStatisticsTests extends IntegrationTestSupport {

    @Autowired
    TestRestTemplate http;

    @Test
    void countsLookupsPerDiagnosisAndDay() throws Exception {
        var before = lookupsOf(259);
        http.getForEntity("/fmb/api/v1/diagnoses/by-code/M54.5", String.class);
        http.getForEntity("/fmb/api/v1/diagnoses/by-code/M545", String.class);
        http.getForEntity("/fmb/api/v1/diagnoses/259", String.class);

        assertThat(lookupsOf(259)).isEqualTo(before + 3);
    }

    @Test
    void needsScopeFmbWrite() {
        var forbidden = http.exchange(RequestEntity.get("/fmb/api/v1/statistics/lookups")
                .header("Authorization", TestTokens.bearer("webcert", "fmb.read")).build(), String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/fmb/api/v1/statistics/lookups", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        var response = http.exchange(RequestEntity.get("/fmb/api/v1/statistics/lookups?from=2026-02-02&to=2026-02-01")
                .header("Authorization", TestTokens.bearer("fmb-editor", "fmb.write")).build(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private long lookupsOf(long diagnosisId) throws Exception {
        var response = http.exchange(RequestEntity.get("/fmb/api/v1/statistics/lookups?diagnosisId=" + diagnosisId)
                .header("Authorization", TestTokens.bearer("fmb-editor", "fmb.write")).build(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new ObjectMapper().readTree(response.getBody()).path("total").asLong();
    }
}
