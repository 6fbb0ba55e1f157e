package org.example.hosp.identity;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a malformed identity number in a path or query with 400 problem+json naming the parameter. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityNumberExceptionHandler {

    @ExceptionHandler
    ProblemDetail onMalformed(MalformedIdentityNumberException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid identity number");
        problem.setProperty("field", "identityNumber");
        return problem;
    }
}
