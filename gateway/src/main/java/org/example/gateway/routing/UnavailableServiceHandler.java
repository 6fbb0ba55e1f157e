package org.example.gateway.routing;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.example.platform.error.RequestTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * When a service cannot be reached, or its connection breaks before it answers (it died mid-call), the caller gets
 * 503 with {@code Retry-After}, which the platform's clients retry: a SOAP 1.1 fault on the SOAP routes
 * ({@code /services/**}), problem+json elsewhere. Never a 500 that says nothing. The same when a service has several
 * replicas and none of them is ready.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnavailableServiceHandler {

    /** Seconds a caller should wait before it tries again: about the time the local run takes to restart a service. */
    static final String RETRY_AFTER_SECONDS = "5";

    static final String DETAIL = "The service is not available at the moment; retry later.";

    private static final Logger log = LoggerFactory.getLogger(UnavailableServiceHandler.class);
    private static final byte[] SOAP_FAULT = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                    + "<faultcode>soap:Server</faultcode><faultstring>" + DETAIL + "</faultstring>"
                    + "</soap:Fault></soap:Body></soap:Envelope>")
            .getBytes(StandardCharsets.UTF_8);

    @ExceptionHandler
    ResponseEntity<?> onUnreachable(ResourceAccessException ex, HttpServletRequest request) {
        var tooLarge = RequestTooLargeException.findIn(ex);
        if (tooLarge != null) {
            // the caller's body, not the service, failed: it grew past the limit while it was passed on
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.PAYLOAD_TOO_LARGE, RequestTooLargeException.detail(tooLarge.limit()));
            problem.setTitle("Content Too Large");
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return unavailable(request, ex.getMessage());
    }

    /** The balancer's answer when no replica of a service is ready (every one failed its health check). */
    @ExceptionHandler
    ResponseEntity<?> onNoReplicaReady(HttpServerErrorException ex, HttpServletRequest request) {
        if (!HttpStatus.SERVICE_UNAVAILABLE.isSameCodeAs(ex.getStatusCode())) {
            throw ex;
        }
        return unavailable(request, ex.getStatusText());
    }

    private static ResponseEntity<?> unavailable(HttpServletRequest request, String reason) {
        log.warn("Service unreachable for {} {}: {}", request.getMethod(), request.getRequestURI(), reason);
        var answer = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (request.getRequestURI().startsWith("/services/")) {
            return answer.contentType(new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8))
                    .body(SOAP_FAULT);
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle("Service Unavailable");
        problem.setInstance(URI.create(request.getRequestURI()));
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
