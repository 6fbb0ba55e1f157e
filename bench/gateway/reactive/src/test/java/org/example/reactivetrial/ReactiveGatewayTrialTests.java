package org.example.reactivetrial;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The trial in front of a real HTTP server standing for the services and the suite's issuer (its JWKS): it must make
 * the suite gateway's decisions, or its cost figure means nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReactiveGatewayTrialTests {

    private static final String ISSUER = "http://issuer.test";
    private static final RSAKey KEY = newKey();

    /** Answers every path with what it was asked (method, path, request id), and the issuer's keys. */
    private static final DisposableServer SERVICES = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.get(
                            "/oauth2/jwks",
                            (request, response) -> response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(new JWKSet(KEY.toPublicJWK()).toString())))
                    .route(
                            request -> true,
                            (request, response) -> response.header("X-Request-Id", "the-service-echo")
                                    .sendString(
                                            Mono.just("served " + request.method() + " " + request.uri() + " with id "
                                                    + request.requestHeaders().get("X-Request-Id")))))
            .bindNow();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        var url = "http://127.0.0.1:" + SERVICES.port();
        for (var service : List.of("fmb", "codeserver", "hosp", "death-certificates")) {
            registry.add("trial.routing.services." + service, () -> url);
        }
        registry.add("trial.access.jwk-set-uri", () -> url + "/oauth2/jwks");
        registry.add("trial.access.issuer", () -> ISSUER);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.disposeNow();
    }

    @Test
    void servesAnOpenRouteWithoutATokenAndGivesTheRequestIdOnce() {
        client.get()
                .uri("/fmb/api/v1/diagnoses/by-code/F321")
                .header("X-Request-Id", "caller-id-1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Request-Id", "caller-id-1")
                .expectBody(String.class)
                .isEqualTo("served GET /fmb/api/v1/diagnoses/by-code/F321 with id caller-id-1");
    }

    @Test
    void replacesAnUnsafeRequestIdTowardsTheServiceAndTheCaller() {
        var answer = client.get()
                .uri("/codes/api/v1/code-systems")
                .header("X-Request-Id", "not safe!")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class);
        var id = answer.getResponseHeaders().get("X-Request-Id");
        assertThat(id).hasSize(1);
        assertThat(id.get(0)).matches("[0-9a-f-]{36}");
        assertThat(answer.getResponseBody().blockFirst()).endsWith("with id " + id.get(0));
    }

    @Test
    void passesATokenWithTheRulesScope() {
        client.post()
                .uri("/fmb/api/v1/sick-leave-checks")
                .headers(headers -> headers.setBearerAuth(token(List.of("fmb"), "fmb.read")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).startsWith("served POST /fmb/api/v1/sick-leave-checks"));
    }

    @Test
    void refusesATokenWithoutTheRulesScope() {
        client.post()
                .uri("/fmb/api/v1/sick-leave-checks")
                .headers(headers -> headers.setBearerAuth(token(List.of("fmb"), "fmb.write")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    @Test
    void refusesATokenMeantForAnotherServiceEvenOnAnOpenRoute() {
        client.get()
                .uri("/fmb/api/v1/diagnoses/by-code/F321")
                .headers(headers -> headers.setBearerAuth(token(List.of("codeserver"), "fmb.read")))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void asksForATokenWhereTheListNeedsOne() {
        client.get()
                .uri("/hosp/api/v1/persons/191212121212")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesATokenFromAnotherIssuer() {
        client.get()
                .uri("/fmb/api/v1/diagnoses/by-code/F321")
                .headers(headers -> headers.setBearerAuth(token("http://elsewhere.test", List.of("fmb"), "fmb.read")))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void refusesAHeaderValueThatIsNotPrintable(@LocalServerPort int port) throws IOException {
        // byte 0x85 is valid HTTP (obs-text) but a control character (NEL) in ISO-8859-1: the firewall's to refuse;
        // HTTP clients refuse to send it, so the request is written by hand
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /fmb/api/v1/diagnoses/by-code/F321 HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0085b\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            var statusLine = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                    .lines()
                    .findFirst()
                    .orElse("");
            assertThat(statusLine).isEqualTo("HTTP/1.1 400 Bad Request");
        }
    }

    private static String token(List<String> audiences, String scope) {
        return token(ISSUER, audiences, scope);
    }

    private static String token(String issuer, List<String> audiences, String scope) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject("a-client")
                .audience(audiences)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("scope", scope)
                .build();
        var header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY.getKeyID()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)))
                .encode(JwtEncoderParameters.from(header, claims))
                .getTokenValue();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("trial-test").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
