package org.example.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gateway's own proxy handler passes on to a service and back, against a real HTTP server standing in for
 * the code server (its {@code $expand} is open, so no token is needed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceProxyTests {

    record Received(String method, String uri, Map<String, List<String>> headers, String body) {}

    static final AtomicReference<Received> received = new AtomicReference<>();
    static final byte[] GZIPPED = gzip("{\"resourceType\":\"ValueSet\"}");
    static final HttpServer CODESERVER = codeServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add(
                "gateway.services.codeserver",
                () -> "http://127.0.0.1:" + CODESERVER.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        CODESERVER.stop(0);
    }

    @Test
    void passesMethodPathQueryHeadersAndBodyOnButNotHopByHopOrForwardedHeaders() throws IOException {
        var answer = send("POST /fhir/ValueSet/$expand?filter=%C3%A5&count=2 HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/fhir+json\r\nContent-Length: 2\r\nX-Custom: kept\r\n"
                + "X-Forwarded-For: 192.0.2.1\r\nX-Forwarded-Host: elsewhere.example\r\nX-Forwarded-Proto: https\r\n"
                + "Forwarded: for=192.0.2.1\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nX-Hop: 1\r\n"
                + "Connection: close, X-Hop\r\n\r\n{}");

        var request = received.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/fhir/ValueSet/$expand?filter=%C3%A5&count=2");
        assertThat(request.body()).isEqualTo("{}");
        assertThat(request.headers())
                .containsEntry("Content-length", List.of("2"))
                .containsEntry("Content-type", List.of("application/fhir+json"))
                .containsEntry("X-custom", List.of("kept"))
                .containsEntry(
                        "Host", List.of("127.0.0.1:" + CODESERVER.getAddress().getPort()))
                .containsKey("X-request-id")
                .doesNotContainKeys(
                        "X-forwarded-for",
                        "X-forwarded-host",
                        "X-forwarded-proto",
                        "Forwarded",
                        "Keep-alive",
                        "Te",
                        "X-hop",
                        "Transfer-encoding");
        assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Answer: yes");
        assertThat(answer).doesNotContainIgnoringCase("timeout=61");
    }

    @Test
    void passesABodyOnWithTheContentTypeAsTheCallerWroteIt() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/ValueSet/$expand"))
                                .header("Content-Type", "application/fhir+json; fhirVersion=4.0; charset=UTF-8")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received.get().headers())
                .containsEntry("Content-type", List.of("application/fhir+json; fhirVersion=4.0; charset=UTF-8"));
        assertThat(received.get().body()).isEqualTo("{\"resourceType\":\"Parameters\"}");
    }

    @Test
    void returnsTheServicesGzipUntouchedAndTheRequestIdOnce() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/ValueSet/$expand"))
                                .header("Accept-Encoding", "gzip")
                                .header("X-Request-Id", "trace-1")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(received.get().headers()).containsEntry("Accept-encoding", List.of("gzip"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Content-Encoding")).containsExactly("gzip");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("trace-1");
        assertThat(response.body()).isEqualTo(GZIPPED);
    }

    @Test
    void passesMultipartAndFormBodiesOnUnread() throws Exception {
        var multipart = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nA00;Kolera\r\n--b1--\r\n";
        var bodies = Map.of(
                "POST multipart/form-data; boundary=b1",
                multipart,
                "POST application/x-www-form-urlencoded",
                "code=A00&display=Kolera");
        for (var entry : bodies.entrySet()) {
            var method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            var type = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/ValueSet/$expand"))
                                    .header("Content-Type", type)
                                    .method(method, HttpRequest.BodyPublishers.ofString(entry.getValue()))
                                    .timeout(java.time.Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            assertThat(received.get().body()).as(entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    /** Sends a raw HTTP/1.1 request that closes its connection (so hop-by-hop headers can be set) and reads the answer. */
    private String send(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            var answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static HttpServer codeServer() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.set(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        body));
                var headers = exchange.getResponseHeaders();
                headers.add("Content-Type", "application/fhir+json");
                headers.add("Content-Encoding", "gzip");
                headers.add("X-Answer", "yes");
                headers.add("Keep-Alive", "timeout=61");
                var requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
                if (requestId != null) {
                    headers.add("X-Request-Id", requestId);
                }
                exchange.sendResponseHeaders(200, GZIPPED.length);
                exchange.getResponseBody().write(GZIPPED);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(String text) {
        var bytes = new ByteArrayOutputStream();
        try (var zipped = new GZIPOutputStream(bytes)) {
            zipped.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
