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

/** Behind a trusted proxy (here: the test itself, on the loopback address) each forwarded client has its own budget. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.limits.anonymous.capacity=2",
            "gateway.limits.anonymous.period=1h",
            "gateway.limits.trusted-proxies=127.0.0.1/32,::1"
        })
class TrustedProxyTests {

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
    void countsEachClientTheTrustedProxyForwardsOnItsOwn() throws Exception {
        assertThat(get("192.0.2.1").statusCode()).isEqualTo(200);
        assertThat(get("192.0.2.1").statusCode()).isEqualTo(200);
        assertThat(get("192.0.2.1").statusCode()).isEqualTo(429);
        assertThat(get("192.0.2.2").statusCode()).isEqualTo(200);
    }

    @Test
    void believesOnlyTheAddressTheTrustedProxySawNotWhatTheClientWroteBeforeIt() throws Exception {
        // the client wrote a fresh address of its own in front; the proxy appended the one it saw (198.51.100.7)
        assertThat(get("203.0.113." + 1 + ", 198.51.100.7").statusCode()).isEqualTo(200);
        assertThat(get("203.0.113." + 2 + ", 198.51.100.7").statusCode()).isEqualTo(200);
        assertThat(get("203.0.113." + 3 + ", 198.51.100.7").statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> get(String forwardedFor) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fmb/typfall"))
                        .header("X-Forwarded-For", forwardedFor)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
