package org.example.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP server standing in for a service behind the gateway; it answers with its name, remembers headers, and
 * echoes the request id as the services do. A path ending in {@code /login/session} starts a session (a cookie).
 */
final class StubService implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    /** Every path asked for, the gateway's health checks included. */
    final Set<String> paths = ConcurrentHashMap.newKeySet();

    StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            lastHeaders.clear();
            exchange.getRequestHeaders().forEach((key, values) -> lastHeaders.put(key.toLowerCase(), values.get(0)));
            exchange.getRequestBody().readAllBytes();
            var body = ("{\"service\":\"" + name + "\",\"path\":\""
                            + exchange.getRequestURI().getPath() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (exchange.getRequestURI().getPath().endsWith("/login/session")) {
                // a login page that starts a session, as the FMB editor's does
                exchange.getResponseHeaders().add("Set-Cookie", "SESSION=" + name + "-session; Path=/; HttpOnly");
            }
            var requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                exchange.getResponseHeaders().add("X-Request-Id", requestId);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
