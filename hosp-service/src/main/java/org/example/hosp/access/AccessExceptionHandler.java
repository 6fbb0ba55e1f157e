package org.example.hosp.access;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a refused direct access with 403 problem+json naming the actor type. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessExceptionHandler {

    @ExceptionHandler
    ProblemDetail onNotPermitted(DirectAccessNotPermittedException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setTitle("Direct access not permitted");
        problem.setType(URI.create("https://example.org/problems/hosp/direct-access-not-permitted"));
        problem.setProperty("actorType", ex.actorType());
        return problem;
    }
}
