package org.example.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A service's chain as every service builds it ({@code ResourceServer.protect} with its access list), over HTTP. */
@SpringBootTest(
        classes = ResourceServerTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "suite.embedded-database.enabled=false")
class ResourceServerTests {

    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void letsATokenForTheServiceWithTheScopeThrough() throws Exception {
        var response = get(
                "/hosp/api/v1/persons/191212121212",
                "Bearer " + TestTokens.token("region-skane", "PUBLIC_CARE_PROVIDER", "Region Skåne", "hosp.read"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("person 191212121212");
    }

    @Test
    void refusesATokenForAnotherServiceAndTheWrongScope() throws Exception {
        var forFmb = get("/hosp/api/v1/persons/191212121212", TestTokens.bearer("webcert", "fmb.read"));
        assertThat(forFmb.statusCode()).isEqualTo(403);
        assertThat(forFmb.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var wrongScope = get("/hosp/api/v1/persons/191212121212", TestTokens.bearer("hosp-registrar", "hosp.audit"));
        assertThat(wrongScope.statusCode()).isEqualTo(403);
        var anonymous = get("/hosp/api/v1/persons/191212121212", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void refusesWhatTheListDoesNotNameButKeepsHealthOpen() throws Exception {
        var token = "Bearer " + TestTokens.token("hosp-registrar", null, null, "hosp.read", "hosp.write", "hosp.audit");
        assertThat(get("/hosp/api/v1/unlisted", token).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void answersWithTheSuitesDefaultContentSecurityPolicy() throws Exception {
        var response = get("/hosp/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue(ResourceServer.CONTENT_SECURITY_POLICY);
        assertThat(ResourceServer.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({TestTokens.Config.class, HospStandIn.class})
    static class App {

        @Bean
        SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
            return ResourceServer.protect(http, SuiteAccess.HOSP).build();
        }
    }

    @RestController
    static class HospStandIn {

        @GetMapping("/hosp/api/v1/persons/{id}")
        String person(@PathVariable String id) {
            return "person " + id;
        }

        @GetMapping("/hosp/v3/api-docs")
        String apiDocs() {
            return "{}";
        }

        @GetMapping("/hosp/api/v1/unlisted")
        String unlisted() {
            return "unlisted";
        }
    }
}
