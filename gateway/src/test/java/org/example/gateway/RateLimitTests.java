package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.limits.anonymous.capacity=3", "gateway.limits.anonymous.period=1h",
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
            assertThat(get().statusCode()).isEqualTo(200);
        }
        var refused = get();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.body()).contains("\"status\":429");
    }

    private HttpResponse<String> get() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fmb/typfall")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
