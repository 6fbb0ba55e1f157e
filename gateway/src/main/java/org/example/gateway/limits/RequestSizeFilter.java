package org.example.gateway.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.example.platform.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a request whose declared body is larger than {@code gateway.limits.max-request-size} with 413. */
@Component
public class RequestSizeFilter extends OncePerRequestFilter {

    private final LimitProperties limits;

    RequestSizeFilter(LimitProperties limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limits.maxRequestSize().toBytes()) {
            ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large",
                    "The request body is larger than " + limits.maxRequestSize().toMegabytes() + " MB.",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
