package org.example.gateway.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.example.platform.error.RequestTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * When a service cannot be reached, or its connection breaks before it answers (it died mid-call), the caller gets
 * 503 with {@code Retry-After}, which the platform's clients retry: a SOAP 1.1 fault on the SOAP routes
 * ({@code /services/**}), problem+json elsewhere. Never a 500 that says nothing. The same when a service has several
 * replicas and none of them is ready. A body that grows past the size limit while it is passed on gets 413.
 */
@Component
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

    private final ObjectMapper json;

    UnavailableServiceHandler(ObjectMapper json) {
        this.json = json;
    }

    /** 503: the service (or every replica of it) could not be reached or broke off before it answered. */
    void answer(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        log.warn("Service unreachable for {} {}: {}", request.getMethod(), request.getRequestURI(), reason);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (request.getRequestURI().startsWith("/services/")) {
            response.setContentType(new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8).toString());
            response.getOutputStream().write(SOAP_FAULT);
            return;
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle("Service Unavailable");
        write(problem, request, response);
    }

    /** 413: the caller's body, not the service, failed: it grew past the limit while it was passed on. */
    void tooLarge(HttpServletRequest request, HttpServletResponse response, RequestTooLargeException tooLarge)
            throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, RequestTooLargeException.detail(tooLarge.limit()));
        problem.setTitle("Content Too Large");
        write(problem, request, response);
    }

    private void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
