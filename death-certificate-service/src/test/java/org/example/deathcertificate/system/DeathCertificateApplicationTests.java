package org.example.deathcertificate.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.example.platform.security.SuiteAccess;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class DeathCertificateApplicationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void startsOnPostgresWithItsMigrationsApplied() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isPositive();
        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /**
     * The gateway passes the pages with a login of their own on untouched (the suite's access list); here they must
     * meet the page chain: an anonymous visitor is sent to log in, never shown a page nor answered as the API is.
     */
    @Test
    void everyPageTheGatewayPassesOnAsHavingItsOwnLoginSendsAnAnonymousVisitorToLogIn() throws Exception {
        var browser = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        var pages = java.util.Arrays.stream(SuiteAccess.DEATH_CERTIFICATES.ownLoginPatterns())
                .filter(pattern -> !pattern.matches(".*/(login|oauth2|logout|assets|webjars)(/\\*\\*)?"))
                .map(pattern -> pattern.replace("/**", "/some-page"))
                .toList();
        assertThat(pages).contains("/death-certificates/coding", "/death-certificates/statistics/some-page");
        for (var page : pages) {
            var response = browser.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + page))
                            .header("Accept", "text/html")
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(page + ": relative, since behind the gateway the service's own address is not the browser's")
                    .hasValueSatisfying(
                            location -> assertThat(location).startsWith("/death-certificates/oauth2/authorization/"));
        }
        assertThat(http.getForEntity("/death-certificates/api/v1/coding/queue", String.class)
                        .getStatusCode())
                .as("the API next to the pages stays a resource server")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void publishesItsOpenApiDocument() {
        var docs = http.getForEntity("/death-certificates/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody()).contains("\"openapi\"");
    }
}
