package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The budgets: per address for callers without a valid token (invalid tokens included), and the token endpoint per
 * address. The caller here is not behind a trusted proxy, so its X-Forwarded-For is not believed (each request uses
 * another header value and still shares the one address's budget).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.limits.anonymous.capacity=3", "gateway.limits.anonymous.period=1h",
            "gateway.limits.token-endpoint.capacity=3", "gateway.limits.token-endpoint.period=1h",
            "gateway.limits.authenticated.capacity=1000"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTests {

    static final StubService FMB = new StubService("fmb");
    static String webcertToken;
    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.fmb", FMB::url);
    }

    @AfterAll
    static void stop() {
        FMB.close();
    }

    @Test
    @Order(1)
    void countsRequestsWithAnInvalidTokenAgainstTheAddressBeforeRefusingThem() throws Exception {
        var valid = tokenOf(token("webcert", "webcert-secret", "10.0.0.9"));
        webcertToken = valid;
        assertThat(get(valid, "10.0.0.8").statusCode()).isEqualTo(200);
        var forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        assertThat(get(null, "10.0.0.1").statusCode()).isEqualTo(200);
        assertThat(get(forged, "10.0.0.2").statusCode()).isEqualTo(401);
        assertThat(get(null, "10.0.0.3").statusCode()).isEqualTo(200);
        // the address's budget of 3 is spent: forged tokens and anonymous calls get 429, without a signature check
        var refused = get(forged, "10.0.1.1");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(refused.body()).contains("\"status\":429");
        assertThat(get(null, "10.0.1.2").statusCode()).isEqualTo(429);
        // a client whose token the gateway has validated keeps its own budget
        assertThat(get(valid, "10.0.1.3").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void limitsTheTokenEndpointPerAddressSoSecretsCannotBeGuessed() throws Exception {
        // the budget is 3, and the test before spent one of them on a token
        var answers = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 3; i++) {
            answers.add(token("webcert", "guess-" + i, "10.0.2." + i).statusCode());
        }
        assertThat(answers).containsExactly(401, 401, 429);
        var refused = token("webcert", "webcert-secret", "10.0.3.1");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @Order(3)
    void keepsCountingAClientWhoseBucketsRowAnotherReplicaRemoved() throws Exception {
        assertThat(get(webcertToken, "10.0.4.1").statusCode()).isEqualTo(200);
        // this context's budget is part of the key: other test classes' rows for the same client may still be there
        var row = "select count(*) from rate_limit_bucket where id like 'client:1000/%:webcert'";
        assertThat(jdbc.queryForObject(row, Integer.class)).isEqualTo(1);
        // as the expired-bucket clean-up of any replica does once a bucket would be full again
        jdbc.update("delete from rate_limit_bucket where id like 'client:1000/%:webcert'");

        // past the 20 requests and 200 ms a replica's view of a bucket may go unsynchronised
        for (int i = 0; i < 25; i++) {
            assertThat(get(webcertToken, "10.0.4.2").statusCode()).isEqualTo(200);
            Thread.sleep(20);
        }
        assertThat(jdbc.queryForObject(row, Integer.class)).isEqualTo(1);
    }

    private HttpResponse<String> get(String token, String forwardedFor) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fmb/typfall"))
                .header("X-Forwarded-For", forwardedFor);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body())
                .path("access_token")
                .asText();
    }

    private HttpResponse<String> token(String clientId, String secret, String forwardedFor) throws Exception {
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("X-Forwarded-For", forwardedFor)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
