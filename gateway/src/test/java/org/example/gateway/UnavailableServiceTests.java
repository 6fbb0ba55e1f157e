package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that is down (nothing listens on its port) or dies mid-call (accepts the request, then drops the
 * connection without answering): the gateway answers 503 with Retry-After, as a SOAP fault on the SOAP routes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnavailableServiceTests {

    /**
     * A port held, for the whole test, by a socket that is bound but never listens: a connection to it is refused, and
     * no other process can take the port meanwhile (a port found free and released could be taken before use).
     */
    static final Socket CLOSED = closedPort();

    static final int CLOSED_PORT = CLOSED.getLocalPort();
    static final DroppingService DROPPING = new DroppingService();
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.services.fmb", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("gateway.services.death-certificates", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("gateway.services.codeserver", () -> "http://127.0.0.1:" + DROPPING.port());
    }

    @AfterAll
    static void stop() throws IOException {
        DROPPING.close();
        CLOSED.close();
    }

    @Test
    void answers503ProblemJsonWhenAServiceIsDown() throws Exception {
        var response = send(
                HttpRequest.newBuilder(uri("/fmb/api/v1/diagnoses/by-code/F32")).build());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(503);
    }

    @Test
    void answersASoapFaultWith503OnTheSoapRoutes() throws Exception {
        var token = token();
        var response = send(HttpRequest.newBuilder(uri("/services/RegisterCertificate/3/rivtabp21"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificateResponder:3")
                .POST(HttpRequest.BodyPublishers.ofString("<soap:Envelope/>"))
                .build());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(response.body())
                .contains(
                        "http://schemas.xmlsoap.org/soap/envelope/",
                        "<soap:Fault>",
                        "<faultcode>soap:Server</faultcode>");
    }

    @Test
    void answers503WhenAServiceDropsTheConnectionMidCall() throws Exception {
        var response = send(
                HttpRequest.newBuilder(uri("/fhir/CodeSystem/$lookup?code=F32")).build());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(DROPPING.accepted).isPositive();
    }

    private String token() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("webcert:webcert-secret".getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Socket closedPort() {
        try {
            var socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts each connection, reads the start of the request, and closes it without a word, as a killed process. */
    static final class DroppingService implements AutoCloseable {

        private final ServerSocket server;
        volatile int accepted;

        DroppingService() {
            try {
                server = new ServerSocket(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (var connection = server.accept()) {
                        accepted++;
                        connection.getInputStream().read(new byte[1024]);
                    } catch (IOException e) {
                        // closed: the test is over
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
