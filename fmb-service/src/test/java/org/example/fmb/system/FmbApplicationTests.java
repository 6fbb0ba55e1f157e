package org.example.fmb.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tomcat.util.net.AbstractEndpoint;
import org.example.fmb.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

class FmbApplicationTests extends IntegrationTestSupport {

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
    void writesAWholeDiagnosisAnswerToTheSocketAtOnce(@Autowired ServletWebServerApplicationContext context) {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var endpoint = (AbstractEndpoint<?, ?>)
                ReflectionTestUtils.invokeMethod(tomcat.getConnector().getProtocolHandler(), "getEndpoint");

        assertThat(endpoint.getSocketProperties().getAppWriteBufSize())
                .isEqualTo(TomcatConfiguration.SOCKET_WRITE_BUFFER_BYTES);
        var answer = http.getForEntity("/fmb/api/v1/diagnoses/by-code/F32.1", byte[].class);
        assertThat(answer.getBody().length).isBetween(4_000, TomcatConfiguration.SOCKET_WRITE_BUFFER_BYTES - 2_000);
    }

    @Test
    void publishesItsOpenApiDocument() {
        var docs = http.getForEntity("/fmb/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody())
                .contains("\"openapi\"")
                .contains("/fmb/api/v1/sick-leave-checks")
                .contains("/fmb/forsakringsmedicinskdiagnosinformation");
    }
}
