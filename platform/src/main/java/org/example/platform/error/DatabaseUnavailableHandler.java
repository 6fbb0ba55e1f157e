package org.example.platform.error;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * While the service's database cannot be reached (down, restarting, no connection free within the pool's 5 s), a
 * request answers 503 problem+json with {@code Retry-After}: nothing was done, and the caller may try again. Before
 * this it was a 500 that told a retrying client nothing. Registered for every service with a database
 * ({@link DatabaseUnavailableAutoConfiguration}); it goes before the platform's catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailableHandler {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Log log = LogFactory.getLog(DatabaseUnavailableHandler.class);

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> onDatabaseUnavailable(Exception ex) {
        log.warn("Database unavailable: " + ex.getClass().getSimpleName()); // the message may hold SQL: not logged
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service's database is unavailable for the moment; nothing was done. Try again shortly.");
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
