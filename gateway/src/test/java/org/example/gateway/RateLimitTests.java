package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The budgets: anonymous callers per address, the token endpoint per address, and invalid tokens per address. The
 * caller here is not behind a trusted proxy, so its X-Forwarded-For is not believed (each test uses another
 * header value and still shares the one address's budget).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.limits.anonymous.capacity=3", "gateway.limits.anonymous.period=1h",
        "gateway.limits.token-endpoint.capacity=3", "gateway.limits.token-endpoint.period=1h",
        "gateway.limits.invalid-tokens.capacity=2", "gateway.limits.invalid-tokens.period=1h",
        "gateway.limits.authenticated.capacity=1000"})
class RateLimitTests {

    static final StubService FMB = new StubService("fmb");
    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.fmb", FMB::url);
    }

    @AfterAll
    static void stop() {
        FMB.close();
    }

    @Test
    void answers429WithRetryAfterOnceAnAnonymousCallerSpendsItsBudget() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get(null, "10.0.0." + i).statusCode()).isEqualTo(200);
        }
        var refused = get(null, "10.0.1.1");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.body()).contains("\"status\":429");
    }

    @Test
    void limitsTheTokenEndpointPerAddressSoSecretsCannotBeGuessed() throws Exception {
        var answers = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 4; i++) {
            answers.add(token("webcert", "guess-" + i, "10.0.2." + i).statusCode());
        }
        assertThat(answers).containsExactly(401, 401, 401, 429);
        var refused = token("webcert", "webcert-secret", "10.0.3.1");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void countsRequestsWithAnInvalidTokenBeforeRefusingThem() throws Exception {
        var forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        assertThat(get(forged, "10.0.4.1").statusCode()).isEqualTo(401);
        assertThat(get(forged, "10.0.4.2").statusCode()).isEqualTo(401);
        var refused = get(forged, "10.0.4.3");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> get(String token, String forwardedFor) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fmb/typfall"))
                .header("X-Forwarded-For", forwardedFor);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String clientId, String secret, String forwardedFor) throws Exception {
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("X-Forwarded-For", forwardedFor)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
