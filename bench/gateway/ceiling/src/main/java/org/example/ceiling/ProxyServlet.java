package org.example.ceiling;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * Passes method, path, query, headers (hop-by-hop ones aside) and body on to one upstream and streams its answer back:
 * nothing else. The client keeps no cookies, follows no redirects, retries nothing and leaves gzip untouched.
 */
final class ProxyServlet extends HttpServlet {

    private final HttpHost upstream;
    private final CloseableHttpClient client;

    ProxyServlet(URI upstream) {
        this.upstream = HttpHost.create(upstream);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(256)
                .setMaxConnPerRoute(256)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var query = request.getQueryString();
        var target = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        var forwarded = new BasicClassicHttpRequest(request.getMethod(), upstream, target);
        var requestHeaders = new HopByHopHeaders(request.getHeader("Connection"));
        for (var name : Collections.list(request.getHeaderNames())) {
            if (requestHeaders.passes(name)) {
                for (var value : Collections.list(request.getHeaders(name))) {
                    forwarded.addHeader(name, value);
                }
            }
        }
        var forwardedFor = request.getHeader("X-Forwarded-For");
        forwarded.setHeader(
                "X-Forwarded-For",
                forwardedFor == null ? request.getRemoteAddr() : forwardedFor + ", " + request.getRemoteAddr());
        var length = request.getContentLengthLong();
        if (length > 0 || request.getHeader("Transfer-Encoding") != null) {
            var type = request.getContentType() == null ? null : ContentType.parse(request.getContentType());
            forwarded.setEntity(new InputStreamEntity(request.getInputStream(), length, type));
        }
        try (var answer = client.executeOpen(upstream, forwarded, null)) {
            response.setStatus(answer.getCode());
            var connection = answer.getFirstHeader("Connection");
            var answerHeaders = new HopByHopHeaders(connection == null ? null : connection.getValue());
            for (var header : answer.getHeaders()) {
                if (answerHeaders.passes(header.getName())) {
                    response.addHeader(header.getName(), header.getValue());
                }
            }
            var entity = answer.getEntity();
            if (entity != null) {
                if (entity.getContentLength() >= 0) {
                    response.setContentLengthLong(entity.getContentLength());
                }
                try (var body = entity.getContent()) {
                    body.transferTo(response.getOutputStream());
                }
            }
        } catch (IOException unreachable) {
            if (response.isCommitted()) {
                throw unreachable;
            }
            response.reset();
            response.sendError(HttpServletResponse.SC_BAD_GATEWAY);
        }
    }
}
