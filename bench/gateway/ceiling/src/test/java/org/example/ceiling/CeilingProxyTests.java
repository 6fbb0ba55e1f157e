package org.example.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.DisposableServer;

/** Both bare proxies in front of a real HTTP server: what they pass on, what they drop, what they stream back. */
class CeilingProxyTests {

    record Received(String method, String uri, Map<String, List<String>> headers, String body) {}

    static final AtomicReference<Received> received = new AtomicReference<>();
    static HttpServer upstream;
    static Tomcat tomcat;
    static DisposableServer netty;

    @BeforeAll
    static void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.set(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            var answer = ("answer to " + body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Answer", "yes");
            exchange.getResponseHeaders().add("Connection", "X-Answer-Hop");
            exchange.getResponseHeaders().add("X-Answer-Hop", "no");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();
        var address = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
        tomcat = TomcatProxy.start(0, address);
        netty = NettyProxy.start(0, address);
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        netty.disposeNow();
        upstream.stop(0);
    }

    static Stream<Arguments> proxies() {
        return Stream.of(
                Arguments.of("tomcat", tomcat.getConnector().getLocalPort()), Arguments.of("netty", netty.port()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxies")
    void passesMethodPathQueryHeadersAndBodyButNotHopByHopHeaders(String name, int port) throws IOException {
        var answer = send(
                port,
                "POST /fmb/api/v1/x?code=F32.1&q=%C3%A5 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                        + "Content-Length: 5\r\nX-Request-Id: abc\r\nConnection: close, X-Hop\r\nX-Hop: 1\r\n"
                        + "Keep-Alive: timeout=5\r\nProxy-Authorization: Basic eDp5\r\n\r\nhello");

        var request = received.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/fmb/api/v1/x?code=F32.1&q=%C3%A5");
        assertThat(request.body()).isEqualTo("hello");
        assertThat(request.headers()).containsEntry("X-request-id", List.of("abc"));
        assertThat(request.headers()).containsEntry("Content-type", List.of("text/plain"));
        assertThat(request.headers()).containsKey("X-forwarded-for");
        assertThat(request.headers()).doesNotContainKeys("X-hop", "Keep-alive", "Proxy-authorization");
        assertThat(answer).startsWith("HTTP/1.1 201");
        assertThat(answer).containsIgnoringCase("X-Answer: yes");
        assertThat(answer).doesNotContainIgnoringCase("X-Answer-Hop");
        assertThat(answer).endsWith("\r\n\r\nanswer to hello");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxies")
    void passesAGetWithoutABody(String name, int port) throws IOException {
        var answer = send(port, "GET /fmb/api/v1/diagnoses HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(received.get().method()).isEqualTo("GET");
        assertThat(received.get().body()).isEmpty();
        assertThat(received.get().headers()).doesNotContainKey("Transfer-encoding");
        assertThat(answer).startsWith("HTTP/1.1 201").endsWith("\r\n\r\nanswer to ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxies")
    void streamsAChunkedBody(String name, int port) throws IOException {
        var answer = send(
                port,
                "PUT /codes/upload HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + "3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n");

        assertThat(received.get().method()).isEqualTo("PUT");
        assertThat(received.get().body()).isEqualTo("abcdefg");
        assertThat(answer).endsWith("\r\n\r\nanswer to abcdefg");
    }

    /** Sends a raw HTTP/1.1 request that closes its connection and reads the whole answer. */
    static String send(int port, String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            var answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
