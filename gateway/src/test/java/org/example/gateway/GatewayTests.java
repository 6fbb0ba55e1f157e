package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.web.max-request-size=4KB")
class GatewayTests {

    static final StubService FMB = new StubService("fmb");
    static final StubService CODESERVER = new StubService("codeserver");
    static final StubService HOSP = new StubService("hosp");
    static final StubService DEATH_CERTIFICATES = new StubService("death-certificates");
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    HandlerMappingIntrospector introspector;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.fmb", FMB::url);
        registry.add("gateway.services.codeserver", CODESERVER::url);
        registry.add("gateway.services.hosp", HOSP::url);
        registry.add("gateway.services.death-certificates", DEATH_CERTIFICATES::url);
    }

    @AfterAll
    static void stopServices() {
        FMB.close();
        CODESERVER.close();
        HOSP.close();
        DEATH_CERTIFICATES.close();
    }

    @Test
    void routesOpenDataToItsServiceWithoutAToken() throws Exception {
        assertRoutedTo(get("/fmb/api/v1/diagnoses/F32", null), FMB, "/fmb/api/v1/diagnoses/F32");
        assertRoutedTo(get("/fmb/typfall", null), FMB, "/fmb/typfall");
        assertRoutedTo(get("/codes/api/v1/code-systems", null), CODESERVER, "/codes/api/v1/code-systems");
        assertRoutedTo(get("/fhir/metadata", null), CODESERVER, "/fhir/metadata");
        assertRoutedTo(
                get("/services/clinicalprocess/x?wsdl", null), DEATH_CERTIFICATES, "/services/clinicalprocess/x");
    }

    @Test
    void callsAServiceWithOneUrlDirectlyWithoutTheBalancersHealthChecks() throws Exception {
        assertRoutedTo(get("/fmb/api/v1/diagnoses/F32", null), FMB, "/fmb/api/v1/diagnoses/F32");
        assertThat(FMB.paths).noneMatch(path -> path.startsWith("/actuator"));
    }

    @Test
    void leavesTheLoginOfTheFmbEditorPagesToFmb() throws Exception {
        assertRoutedTo(
                post("/fmb/editor/diagnoses/508/versions", "{}", null), FMB, "/fmb/editor/diagnoses/508/versions");
        assertRoutedTo(get("/fmb/login/oauth2/code/suite?code=x&state=y", null), FMB, "/fmb/login/oauth2/code/suite");
        assertThat(post("/fmb/api/v1/authoring/diagnoses", "{}", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void passesAServicesSessionCookieToItsCallerAndKeepsNoneForTheNextCaller() throws Exception {
        var login = get("/fmb/login/session", null);
        assertThat(login.headers().firstValue("Set-Cookie")).hasValue("SESSION=fmb-session; Path=/; HttpOnly");

        assertRoutedTo(get("/fmb/api/v1/diagnoses/F32", null), FMB, "/fmb/api/v1/diagnoses/F32");
        assertThat(FMB.lastHeaders).doesNotContainKey("cookie");
    }

    @Test
    void letsAnonymousFhirReadOperationsThroughButNotWrites() throws Exception {
        assertRoutedTo(post("/fhir/CodeSystem/$lookup", "{}", null), CODESERVER, "/fhir/CodeSystem/$lookup");
        assertRoutedTo(post("/fhir/ValueSet/$expand", "{}", null), CODESERVER, "/fhir/ValueSet/$expand");
        assertThat(post("/fhir/CodeSystem", "{}", null).statusCode()).isEqualTo(401);
        assertThat(post("/fhir/CodeSystem", "{}", token("ehr-system")).statusCode())
                .isEqualTo(403);
        assertRoutedTo(post("/fhir/CodeSystem", "{}", token("terminology-admin")), CODESERVER, "/fhir/CodeSystem");
    }

    @Test
    void refusesAProtectedRouteWithoutATokenAsProblemJson() throws Exception {
        var response = get("/hosp/api/v1/persons/191212121212", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(401);
        assertThat(HOSP.lastHeaders).doesNotContainKey("x-never-reached");
    }

    @Test
    void refusesATokenWithoutTheRouteScope() throws Exception {
        var response = get("/hosp/api/v1/persons/191212121212", token("webcert"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void passesATokenWithTheRouteScopeOnToTheService() throws Exception {
        var token = token("region-skane");
        assertRoutedTo(get("/hosp/api/v1/persons/191212121212", token), HOSP, "/hosp/api/v1/persons/191212121212");
        assertThat(HOSP.lastHeaders.get("authorization")).isEqualTo("Bearer " + token);
        assertRoutedTo(
                post("/services/clinicalprocess/RegisterCertificate", "<x/>", token("webcert")),
                DEATH_CERTIFICATES,
                "/services/clinicalprocess/RegisterCertificate");
        assertRoutedTo(
                get("/death-certificates/api/v1/certificates", token("cause-of-death-coder")),
                DEATH_CERTIFICATES,
                "/death-certificates/api/v1/certificates");
        assertRoutedTo(
                post("/fmb/api/v1/sick-leave-checks", "{}", token("webcert")), FMB, "/fmb/api/v1/sick-leave-checks");
    }

    @Test
    void issuesClientCredentialsTokensWithActorTypeAndOrganisation() throws Exception {
        var claims = claims(token("region-skane"));
        assertThat(claims.path("sub").asText()).isEqualTo("region-skane");
        assertThat(claims.path("actor_type").asText()).isEqualTo("PUBLIC_CARE_PROVIDER");
        assertThat(claims.path("organisation").asText()).isEqualTo("Region Skåne");
        assertThat(claims.path("scope").toString()).contains("hosp.read");
        assertThat(claims.path("iss").asText()).isEqualTo("http://localhost:8080");
        assertThat(claims(token("webcert")).has("actor_type")).isFalse();
    }

    @Test
    void issuesTokensForTheServicesTheirScopesConcern() throws Exception {
        assertThat(audiences(token("webcert"))).containsExactly("fmb", "death-certificates");
        assertThat(audiences(token("region-skane"))).containsExactly("hosp");
        assertThat(audiences(token("hosp-registrar"))).containsExactly("hosp");
        assertThat(audiences(token("cause-of-death-coder"))).containsExactly("death-certificates");
    }

    @Test
    void refusesATokenIssuedForAnotherServiceEvenOnOpenData() throws Exception {
        var forHosp = token("region-skane");
        var response = get("/codes/api/v1/code-systems", forHosp);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertRoutedTo(
                get("/codes/api/v1/code-systems", token("ehr-system")), CODESERVER, "/codes/api/v1/code-systems");
    }

    @Test
    void letsTheCodeServersReadOperationsThroughAsTheCodeServerDoes() throws Exception {
        assertRoutedTo(post("/fhir/$versions", "{}", null), CODESERVER, "/fhir/$versions");
        assertRoutedTo(
                post("/fhir/ValueSet/$batch-validate-code", "{}", null),
                CODESERVER,
                "/fhir/ValueSet/$batch-validate-code");
        assertThat(post("/codes/api/v1/imports", "{}", token("ehr-system")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusesAClientWithAWrongSecret() throws Exception {
        var response = tokenResponse("webcert", "not-the-secret");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void issuesTokensThatAServiceAcceptsThroughThePublishedKeys() throws Exception {
        var decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks")
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("http://localhost:8080"));
        var jwt = decoder.decode(token("ivo"));
        assertThat(jwt.getSubject()).isEqualTo("ivo");
        assertThat(jwt.getClaimAsString("actor_type")).isEqualTo("IVO");
    }

    @Test
    void passesTheCallersRequestIdOnAndReturnsIt() throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(uri("/fmb/typfall"))
                        .header("X-Request-Id", "trace-123")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("trace-123");
        assertThat(FMB.lastHeaders.get("x-request-id")).isEqualTo("trace-123");
    }

    @Test
    void makesARequestIdWhenTheCallerHasNone() throws Exception {
        var response = get("/fmb/typfall", null);
        assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
        var generated = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).hasSizeGreaterThan(10);
        assertThat(FMB.lastHeaders.get("x-request-id")).isEqualTo(generated);
    }

    @Test
    void replacesACallersRequestIdThatIsNotSafeToLog() throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(uri("/fmb/typfall"))
                        .header("X-Request-Id", "a b{c}")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var replaced = response.headers().allValues("X-Request-Id");
        assertThat(replaced).hasSize(1).doesNotContain("a b{c}");
        assertThat(FMB.lastHeaders.get("x-request-id")).isEqualTo(replaced.get(0));
    }

    @Test
    void refusesARequestBodyOverTheSizeLimit() throws Exception {
        var response = post("/fhir/ValueSet/$expand", "x".repeat(5000), null);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void refusesAChunkedRequestBodyThatGrowsOverTheSizeLimit() throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(uri("/fhir/ValueSet/$expand"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                                "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(413);
    }

    @Test
    void passesAChunkedRequestBodyWithinTheSizeLimit() throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(uri("/fhir/ValueSet/$expand"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                                "x".repeat(3000).getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertRoutedTo(response, CODESERVER, "/fhir/ValueSet/$expand");
    }

    @Test
    void servesOneSwaggerUiListingEveryService() throws Exception {
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
        var config = JSON.readTree(get("/v3/api-docs/swagger-config", null).body());
        assertThat(config.path("urls").findValuesAsText("url"))
                .containsExactlyInAnyOrder(
                        "/fmb/v3/api-docs",
                        "/codes/v3/api-docs",
                        "/hosp/v3/api-docs",
                        "/death-certificates/v3/api-docs");
    }

    @Test
    void servesItsOwnPagesUnderAStrictContentSecurityPolicy() throws Exception {
        for (var page : java.util.List.of("/login", "/swagger-ui/index.html", "/default-ui.css")) {
            var response = get(page, null);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            var policy =
                    response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy)
                    .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        }
        assertThat(get("/login", null).body()).doesNotContain("<script", "<style", " style=", "onclick");
        // a routed service's answer keeps the service's own headers, none added by the gateway
        assertThat(get("/fmb/typfall", null).headers().firstValue("Content-Security-Policy"))
                .isEmpty();
    }

    @Test
    void answersCorsPreflightForTheSuitesOwnPages() throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(uri("/fmb/api/v1/sick-leave-checks"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:8080")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
        var foreign = client.send(
                HttpRequest.newBuilder(uri("/fmb/api/v1/sick-leave-checks"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void looksARoutedRequestsHandlerUpOnceNotAgainInFrontOfSpringSecurity() throws Exception {
        // the filter Spring Security puts in front of its chains (HandlerMappingIntrospector's cache filter) passes the
        // request on without a look-up of its own, which would leave its result in a request attribute
        var request = new MockHttpServletRequest("GET", "/fmb/api/v1/diagnoses/F32");
        var chain = new MockFilterChain();
        introspector.createCacheFilter().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(Collections.list(request.getAttributeNames()))
                .noneMatch(name -> name.startsWith(HandlerMappingIntrospector.class.getName()));
        assertRoutedTo(get("/fmb/api/v1/diagnoses/F32", null), FMB, "/fmb/api/v1/diagnoses/F32");
    }

    private void assertRoutedTo(HttpResponse<String> response, StubService service, String path) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var body = JSON.readTree(response.body());
        assertThat(body.path("service").asText()).isEqualTo(service.name());
        assertThat(body.path("path").asText()).isEqualTo(path);
    }

    String token(String clientId) throws Exception {
        var response = tokenResponse(clientId, clientId + "-secret");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> tokenResponse(String clientId, String secret) throws Exception {
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> audiences(String jwt) throws Exception {
        var aud = claims(jwt).path("aud");
        return aud.isArray()
                ? java.util.stream.StreamSupport.stream(aud.spliterator(), false)
                        .map(JsonNode::asText)
                        .toList()
                : java.util.List.of(aud.asText());
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String token) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
