package org.example.codeserver.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets HAPI write a FHIR answer into memory and sends it in one piece, with its length. HAPI's JSON writer flushes
 * after every value it writes, and each flush of the servlet writer is a write to the socket: a {@code $lookup}
 * answer went out in some two hundred TCP writes.
 */
class WholeResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var whole = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, whole);
        } finally {
            whole.copyBodyToResponse();
        }
    }
}
