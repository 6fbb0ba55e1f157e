package org.example.hosp.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.example.hosp.HospIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

@HospIntegrationTest
class HospApplicationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsOnPostgresWithItsMigrationsApplied() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isPositive();
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void publishesItsOpenApiDocument() {
        var docs = http.getForEntity("/hosp/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody())
                .contains(
                        "\"openapi\"",
                        "/hosp/api/v1/persons/{identityNumber}",
                        "/hosp/api/v1/licence-checks",
                        "/hosp/api/v1/changes",
                        "/hosp/api/v1/audit",
                        "/hosp/api/v1/persons/{identityNumber}/licences/{professionCode}/revocation",
                        "\"oauth2\"");
    }
}
