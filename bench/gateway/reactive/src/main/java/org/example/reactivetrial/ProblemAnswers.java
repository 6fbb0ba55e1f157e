package org.example.reactivetrial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The refusals of the trial as RFC 9457 problem details, the same bodies as the platform's {@code ProblemResponses}
 * (no {@code instance}: a path may hold personal data).
 */
public final class ProblemAnswers {

    private static final ObjectMapper JSON =
            new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private ProblemAnswers() {}

    public static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", "A valid bearer token is required.");
        };
    }

    public static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> write(
                exchange,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "The token does not carry the scope this resource requires.");
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
