package org.example.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.example.platform.error.ProblemDetailRedaction;
import org.example.platform.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads the body, a Content-Type that no reader can take: a wildcard ({@code *}{@code /*}),
 * text that is no media type at all, or a multipart type without its boundary: 415. Spring MVC, the servlet
 * container's multipart parser and the gateway's proxy otherwise fail on these with an exception, that is a 500.
 */
public class ContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            MediaType mediaType;
            try {
                mediaType = MediaType.parseMediaType(contentType);
            } catch (InvalidMediaTypeException e) {
                mediaType = null;
            }
            if (mediaType == null || mediaType.isWildcardType() || mediaType.isWildcardSubtype()) {
                refuse(
                        request,
                        response,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported Media Type",
                        "The Content-Type is not a media type this service reads.");
                return;
            }
            if ("multipart".equals(mediaType.getType()) && mediaType.getParameter("boundary") == null) {
                refuse(
                        request,
                        response,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported Media Type",
                        "A multipart Content-Type needs its boundary parameter.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemResponses.write(response, status, title, detail, ProblemDetailRedaction.redact(request.getRequestURI()));
    }
}
