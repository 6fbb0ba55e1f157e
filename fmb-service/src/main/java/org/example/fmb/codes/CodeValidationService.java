package org.example.fmb.codes;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Validates codes with the code server's FHIR {@code CodeSystem/$validate-code}. A short timeout and a
 * breaker: after a failure the code server is not called for a while and every answer is
 * {@link CodeCheck#UNVERIFIED}; the outage is logged once, and its end once. Answers (valid or not) are cached
 * for {@code cacheFor}, at most {@code cacheSize} codes, so the hot path does not call the code server. The
 * display the code server sends with a valid code is kept with it (the public pages show ICF names from it).
 */
@Service
public class CodeValidationService {

    private static final Logger log = LoggerFactory.getLogger(CodeValidationService.class);

    private final CodeValidationProperties properties;
    private final RestClient http;
    private final Clock clock;
    private final Cache<String, Cached> cache;
    private final AtomicBoolean down = new AtomicBoolean(false);
    private volatile Instant retryAfter = Instant.MIN;

    CodeValidationService(CodeValidationProperties properties, RestClient.Builder builder, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(properties.cacheSize()).build();
        var client =
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.timeout());
        this.http = builder.baseUrl(properties.codeserverUrl())
                .requestFactory(factory)
                .build();
    }

    public CodeCheck icf(String code) {
        return check(properties.icfSystem(), code, false).answer();
    }

    /** The name (display) the code server gives an ICF code, if it can be asked and knows the code. */
    public Optional<String> icfName(String code) {
        return Optional.ofNullable(check(properties.icfSystem(), code, false).display());
    }

    public CodeCheck icd10(String code) {
        return check(properties.icd10System(), code, true).answer();
    }

    private Validation check(String system, String code, boolean icd10) {
        var key = system + "|" + code;
        var now = clock.instant();
        var cached = cache.getIfPresent(key);
        if (cached != null && cached.until.isAfter(now)) {
            return cached.validation;
        }
        if (now.isBefore(retryAfter)) {
            return Validation.UNVERIFIED;
        }
        try {
            var answer = validate(system, code);
            if (answer.answer() == CodeCheck.INVALID && icd10 && code.length() > 3 && !code.contains(".")) {
                // ICD-10-SE is published both as F321 and F32.1; accept either form.
                answer = validate(system, code.substring(0, 3) + "." + code.substring(3));
            }
            if (down.compareAndSet(true, false)) {
                log.info("Code server reachable again; code validation resumed");
            }
            if (answer.answer() != CodeCheck.UNVERIFIED) {
                cache.put(key, new Cached(answer, now.plus(properties.cacheFor())));
            }
            return answer;
        } catch (RuntimeException e) {
            retryAfter = now.plus(properties.openFor());
            if (down.compareAndSet(false, true)) {
                log.warn(
                        "Code server unavailable at {} ({}); codes are not verified for the next {}",
                        properties.codeserverUrl(),
                        e.getClass().getSimpleName(),
                        properties.openFor());
            }
            return Validation.UNVERIFIED;
        }
    }

    private Validation validate(String system, String code) {
        try {
            var parameters = http.get()
                    .uri(uri -> uri.path("/fhir/CodeSystem/$validate-code")
                            .queryParam("url", system)
                            .queryParam("code", code)
                            .build())
                    .accept(MediaType.valueOf("application/fhir+json"), MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(JsonNode.class);
            CodeCheck answer = CodeCheck.UNVERIFIED;
            String display = null;
            for (var parameter : parameters.path("parameter")) {
                if ("result".equals(parameter.path("name").asText())) {
                    answer = parameter.path("valueBoolean").asBoolean(false) ? CodeCheck.VALID : CodeCheck.INVALID;
                } else if ("display".equals(parameter.path("name").asText())) {
                    display = parameter.path("valueString").asText(null);
                }
            }
            return new Validation(answer, answer == CodeCheck.VALID ? display : null);
        } catch (HttpClientErrorException e) {
            // The code server answered but refused the question (e.g. it does not know the code system):
            // nothing can be said about the code, and the code server is not down.
            return Validation.UNVERIFIED;
        }
    }

    private record Validation(CodeCheck answer, String display) {
        static final Validation UNVERIFIED = new Validation(CodeCheck.UNVERIFIED, null);
    }

    private record Cached(Validation validation, Instant until) {}
}
