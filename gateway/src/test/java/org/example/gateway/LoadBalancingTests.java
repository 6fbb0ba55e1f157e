package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several replicas behind one route: FMB has two real HTTP servers behind it (comma-separated base URLs), the code
 * server two addresses where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancingTests {

    static final StubService FIRST = new StubService("fmb-1");
    static final StubService SECOND = new StubService("fmb-2");
    static final Socket DOWN_1 = closedPort();
    static final Socket DOWN_2 = closedPort();
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.fmb", () -> FIRST.url() + "," + SECOND.url());
        registry.add(
                "gateway.services.codeserver",
                () -> "http://127.0.0.1:" + DOWN_1.getLocalPort() + ",http://127.0.0.1:" + DOWN_2.getLocalPort());
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "300ms");
    }

    @AfterAll
    static void stop() throws IOException {
        FIRST.close();
        SECOND.close();
        DOWN_1.close();
        DOWN_2.close();
    }

    @Test
    void sendsRequestsToEveryReplicaInTurnAndOnlyToTheLiveOneWhenTheOtherStops() throws Exception {
        var answeredBy = answerers(10);
        assertThat(answeredBy).containsOnly("fmb-1", "fmb-2");
        assertThat(answeredBy.stream().filter("fmb-1"::equals).count()).isBetween(4L, 6L);
        assertThat(FIRST.paths).contains("/actuator/health/readiness");

        SECOND.close();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(answerers(4)).containsOnly("fmb-1"));
        assertThat(answerers(20)).hasSize(20).containsOnly("fmb-1");
    }

    @Test
    void answers503ProblemJsonWhenNoReplicaIsUp() throws Exception {
        var response = send("/codes/api/v1/code-systems");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(503);
    }

    /** Which replica answered each of {@code count} requests; a request that failed counts as "failed". */
    private List<String> answerers(int count) throws Exception {
        var names = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var response = send("/fmb/api/v1/diagnoses/by-code/F32");
            names.add(
                    response.statusCode() == 200
                            ? JSON.readTree(response.body()).path("service").asText()
                            : "failed " + response.statusCode());
        }
        return names;
    }

    private HttpResponse<String> send(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A port bound by a socket that never listens: connections to it are refused, and no one else can take it. */
    private static Socket closedPort() {
        try {
            var socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
