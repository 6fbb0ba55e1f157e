package org.example.hosp.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.example.platform.security.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request body whose Content-Type is a wildcard ({@code *}{@code /*}) or no media type at all with 415
 * problem+json, before Spring MVC, which otherwise fails on it with an IllegalArgumentException (a 500).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the request id filter, so the 415 carries X-Request-Id
class ContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && !readable(contentType)) {
            ProblemResponses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "The Content-Type is not a media type this service reads.",
                    ProblemDetailRedaction.redact(request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean readable(String contentType) {
        try {
            return !MediaType.parseMediaType(contentType).isWildcardType();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
