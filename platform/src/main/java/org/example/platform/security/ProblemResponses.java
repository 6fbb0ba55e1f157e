package org.example.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The 401 and 403 answers of the security filter chain, written as RFC 9457 problem details. They carry no
 * {@code instance}: a request path may hold personal data (HoSp's carry personnummer), and a refused caller gets none.
 */
public final class ProblemResponses {

    private static final ObjectMapper JSON =
            new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private ProblemResponses() {}

    public static AuthenticationEntryPoint unauthorized() {
        return (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required.", null);
        };
    }

    public static AccessDeniedHandler forbidden() {
        return (request, response, ex) -> write(
                response,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "The token does not carry the scope this resource requires.",
                null);
    }

    public static void write(
            HttpServletResponse response, HttpStatus status, String title, String detail, String instance)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
