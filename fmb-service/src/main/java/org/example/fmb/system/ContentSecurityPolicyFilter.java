package org.example.fmb.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy on every response of the service, pages and API alike: scripts,
 * styles and images only from this origin's files (no inline script, no inline event handlers, no
 * inline styles), forms post only here, no framing, no plugins. Set before anything else runs, so error
 * pages and the security chains' own answers carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        chain.doFilter(request, response);
    }
}
