package org.example.gateway.routing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.example.platform.error.RequestTooLargeException;
import org.example.platform.web.RequestIdFilter;
import org.springframework.web.HttpRequestHandler;

/**
 * Passes a request on to one service, unchanged (method, path, query, headers, body), and streams the service's answer
 * back. The body goes on as it arrives, counted by the platform's size limit; the answer's body comes back as the
 * service wrote it (gzip included). Headers that belong to one connection (the fixed ones and those the
 * {@code Connection} header names) are not passed on in either direction, nor {@code X-Forwarded-*} and
 * {@code Forwarded} (the services never got them from the gateway), nor the service's echo of the request id (the
 * caller has it from the gateway already).
 */
final class ServiceProxy implements HttpRequestHandler {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    /** Not passed on to the service: the client writes its own Host and the body's length. */
    private static final Set<String> NOT_PASSED_ON = union(
            HOP_BY_HOP,
            "host",
            "content-length",
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-port",
            "x-forwarded-proto",
            "x-forwarded-prefix");

    private static final Set<String> NOT_RETURNED =
            union(HOP_BY_HOP, "content-length", RequestIdFilter.HEADER.toLowerCase(Locale.ROOT));

    private final String service;
    private final Supplier<HttpHost> replicas;
    private final CloseableHttpClient client;
    private final UnavailableServiceHandler unavailable;

    /** @param replicas the replica to call next, or null when none is ready */
    ServiceProxy(
            String service,
            Supplier<HttpHost> replicas,
            CloseableHttpClient client,
            UnavailableServiceHandler unavailable) {
        this.service = service;
        this.replicas = replicas;
        this.client = client;
        this.unavailable = unavailable;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var replica = replicas.get();
        if (replica == null) {
            unavailable.answer(request, response, "no replica of " + service + " is ready");
            return;
        }
        var query = request.getQueryString();
        var path = query == null ? request.getRequestURI() : request.getRequestURI() + '?' + query;
        var forwarded = new BasicClassicHttpRequest(request.getMethod(), replica, path);
        var connection = request.getHeader(HttpHeaders.CONNECTION);
        var names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            var name = names.nextElement();
            if (passes(name, NOT_PASSED_ON, connection)) {
                var values = request.getHeaders(name);
                while (values.hasMoreElements()) {
                    forwarded.addHeader(name, values.nextElement());
                }
            }
        }
        var length = request.getContentLengthLong();
        if (length > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // the caller's Content-Type went on with the other headers, as it was written
            forwarded.setEntity(new InputStreamEntity(request.getInputStream(), length, null));
        }
        var answer = call(replica, forwarded, request, response);
        if (answer == null) {
            return;
        }
        try (answer) {
            response.setStatus(answer.getCode());
            var answerConnection = answer.getFirstHeader(HttpHeaders.CONNECTION);
            var connectionNames = answerConnection == null ? null : answerConnection.getValue();
            for (var header : answer.getHeaders()) {
                if (passes(header.getName(), NOT_RETURNED, connectionNames)) {
                    response.addHeader(header.getName(), header.getValue());
                }
            }
            var body = answer.getEntity();
            if (body != null) {
                if (body.getContentLength() >= 0) {
                    response.setContentLengthLong(body.getContentLength());
                }
                try (var content = body.getContent()) {
                    content.transferTo(response.getOutputStream());
                }
            } else if (answer.containsHeader(HttpHeaders.CONTENT_LENGTH)) {
                // the answer to a HEAD: the length the body would have
                response.setHeader(
                        HttpHeaders.CONTENT_LENGTH,
                        answer.getFirstHeader(HttpHeaders.CONTENT_LENGTH).getValue());
            }
        }
    }

    /** The service's answer, or null when the caller has had the gateway's own (503, or 413 for a body too large). */
    private ClassicHttpResponse call(
            HttpHost replica,
            BasicClassicHttpRequest forwarded,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        try {
            return client.executeOpen(replica, forwarded, null);
        } catch (IOException failed) {
            var tooLarge = RequestTooLargeException.findIn(failed);
            if (tooLarge != null) {
                unavailable.tooLarge(request, response, tooLarge);
            } else {
                unavailable.answer(request, response, failed.toString());
            }
            return null;
        }
    }

    /**
     * Whether a header goes on: not one of the given names, nor one the message's {@code Connection} header names as
     * belonging to this connection.
     */
    private static boolean passes(String name, Set<String> notPassed, String connection) {
        var lower = name.toLowerCase(Locale.ROOT);
        if (notPassed.contains(lower)) {
            return false;
        }
        if (connection == null) {
            return true;
        }
        for (var token : connection.split(",")) {
            if (token.trim().equalsIgnoreCase(lower)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> union(Set<String> names, String... more) {
        var all = new HashSet<>(names);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
