package org.example.platform.error;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Keeps identity numbers out of every problem detail a service sends: Spring fills a problem's {@code instance}
 * with the request path, a framework's or a feature's {@code detail} may quote it, and paths may carry personnummer
 * (HoSp's persons, a caller's mistyped certificate id). The
 * instance becomes the matched path pattern with {@code *} for each variable ({@code /hosp/api/v1/persons/*}), and
 * anything shaped like a personnummer or samordningsnummer left in the detail or instance becomes {@code ***}.
 */
@RestControllerAdvice
public class ProblemDetailRedaction implements ResponseBodyAdvice<Object> {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");
    private static final Pattern IDENTITY_NUMBER = Pattern.compile("(?<!\\d)(?:\\d{8}|\\d{6})[-+]?\\d{4}(?!\\d)");

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            String template = null;
            if (request instanceof ServletServerHttpRequest servlet) {
                HttpServletRequest servletRequest = servlet.getServletRequest();
                template = (String) servletRequest.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            }
            if (template != null) {
                problem.setInstance(URI.create(VARIABLE.matcher(template).replaceAll("*")));
            } else if (problem.getInstance() != null) {
                problem.setInstance(URI.create(redact(problem.getInstance().toString())));
            }
            if (problem.getDetail() != null) {
                problem.setDetail(redact(problem.getDetail()));
            }
        }
        return body;
    }

    /** The text with everything shaped like a personnummer or samordningsnummer replaced by {@code ***}. */
    public static String redact(String text) {
        return IDENTITY_NUMBER.matcher(text).replaceAll("***");
    }
}
