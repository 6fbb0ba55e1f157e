package org.example.ceiling;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty's HttpServer passing every request on through its HttpClient (a pool of keep-alive connections):
 * method, path, query, headers (hop-by-hop ones aside) and body, the answer streamed back. Environment: {@code PORT}
 * (default 18471), {@code UPSTREAM} (default http://localhost:8081, fmb-service).
 */
public final class NettyProxy {

    private final HttpClient client;

    private NettyProxy(URI upstream) {
        this.client = HttpClient.create(ConnectionProvider.builder("upstream")
                        .maxConnections(256)
                        .build())
                .baseUrl(upstream.toString());
    }

    public static void main(String[] args) {
        var port = Integer.parseInt(System.getenv().getOrDefault("PORT", "18471"));
        var upstream = URI.create(System.getenv().getOrDefault("UPSTREAM", "http://localhost:8081"));
        start(port, upstream).onDispose().block();
    }

    static DisposableServer start(int port, URI upstream) {
        var proxy = new NettyProxy(upstream);
        return HttpServer.create().port(port).handle(proxy::forward).bindNow();
    }

    private Mono<Void> forward(HttpServerRequest request, HttpServerResponse response) {
        var incoming = request.requestHeaders();
        var requestHeaders = new HopByHopHeaders(incoming.get(HttpHeaderNames.CONNECTION));
        var hasBody = incoming.contains(HttpHeaderNames.CONTENT_LENGTH)
                || incoming.contains(HttpHeaderNames.TRANSFER_ENCODING);
        var forwardedFor = incoming.get("X-Forwarded-For");
        var peer = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().getAddress().getHostAddress();
        return client.request(request.method())
                .uri(request.uri())
                .send((outgoing, body) -> {
                    for (var header : incoming) {
                        if (requestHeaders.passes(header.getKey())) {
                            outgoing.addHeader(header.getKey(), header.getValue());
                        }
                    }
                    if (hasBody && incoming.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                        outgoing.header(HttpHeaderNames.CONTENT_LENGTH, incoming.get(HttpHeaderNames.CONTENT_LENGTH));
                    }
                    outgoing.header("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer);
                    return hasBody ? body.send(request.receive().retain()) : body;
                })
                .response((answer, content) -> {
                    response.status(answer.status());
                    var answerHeaders =
                            new HopByHopHeaders(answer.responseHeaders().get(HttpHeaderNames.CONNECTION));
                    for (var header : answer.responseHeaders()) {
                        if (answerHeaders.passes(header.getKey())) {
                            response.addHeader(header.getKey(), header.getValue());
                        }
                    }
                    var length = answer.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
                    if (length != null) {
                        response.header(HttpHeaderNames.CONTENT_LENGTH, length);
                    }
                    return response.send(content.retain());
                })
                .then()
                .onErrorResume(unreachable -> response.hasSentHeaders()
                        ? Mono.error(unreachable)
                        : response.status(HttpResponseStatus.BAD_GATEWAY).send());
    }
}
