package org.example.codeserver.browser;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Which ICD-10-SE codes FMB (the sick-leave recommendations) has a recommendation for, so the concept page links to
 * FMB only where there is one. Read from FMB's open list API ({@code /fmb/api/v1/diagnoses}, anonymous, as anyone
 * reads it), refreshed on a timer with {@code If-None-Match}, so an unchanged list costs FMB one 304. Each replica
 * keeps its own copy: a read model, not shared state. While FMB cannot be reached, the last list read is kept (none
 * before the first read: no link is shown rather than a wrong one), and the outage is logged once.
 *
 * <p>A code finds the diagnosis that lists it or its nearest parent code of at least three characters, the rule FMB's
 * own {@code by-code} look-up follows.
 */
@Component
class FmbRecommendations {

    private static final Logger log = LoggerFactory.getLogger(FmbRecommendations.class);
    private static final int PAGE_SIZE = 200;

    private final RestClient http;
    private final boolean enabled;
    private final AtomicBoolean unreachable = new AtomicBoolean(false);
    private volatile Map<String, Recommendation> byCode = Map.of();
    private volatile @Nullable String etag;

    FmbRecommendations(
            RestClient.Builder builder,
            @Value("${codes.browser.fmb-url:${FMB_URL:http://localhost:8081}}") String fmbUrl,
            @Value("${codes.browser.fmb-timeout:PT2S}") Duration timeout) {
        this.enabled = !fmbUrl.isBlank();
        var client = HttpClient.newBuilder().connectTimeout(timeout).build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(timeout);
        this.http = builder.clone()
                .baseUrl(enabled ? fmbUrl : "http://localhost")
                .requestFactory(factory)
                .build();
    }

    /** FMB's recommendation for an ICD-10-SE code (or its nearest listed parent), if FMB has one. */
    Optional<Recommendation> forCode(String code) {
        var map = byCode;
        for (var candidate = normalized(code);
                candidate.length() >= 3;
                candidate = candidate.substring(0, candidate.length() - 1)) {
            var hit = map.get(candidate);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        return Optional.empty();
    }

    /** Reads FMB's list again if it changed since the last read. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${codes.browser.fmb-refresh:PT15S}")
    void refresh() {
        if (!enabled) {
            return;
        }
        try {
            var first = http.get()
                    .uri("/fmb/api/v1/diagnoses?page=0&size={size}", PAGE_SIZE)
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(headers -> {
                        var known = etag;
                        if (known != null) {
                            headers.setIfNoneMatch(known);
                        }
                    })
                    .retrieve()
                    .toEntity(DiagnosisPage.class);
            if (first.getStatusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED) || first.getBody() == null) {
                recovered();
                return;
            }
            var codes = new HashMap<String, Recommendation>();
            add(codes, first.getBody());
            for (var page = 1; page < first.getBody().totalPages(); page++) {
                add(
                        codes,
                        http.get()
                                .uri("/fmb/api/v1/diagnoses?page={page}&size={size}", page, PAGE_SIZE)
                                .accept(MediaType.APPLICATION_JSON)
                                .retrieve()
                                .body(DiagnosisPage.class));
            }
            byCode = Map.copyOf(codes);
            etag = first.getHeaders().getETag();
            recovered();
        } catch (RestClientException e) {
            if (unreachable.compareAndSet(false, true)) {
                log.warn(
                        "FMB's diagnosis list could not be read ({}); concept pages keep the last list read ({} codes)",
                        e.getMessage(),
                        byCode.size());
            }
        }
    }

    private void recovered() {
        if (unreachable.compareAndSet(true, false)) {
            log.info("FMB's diagnosis list can be read again ({} codes)", byCode.size());
        }
    }

    private static void add(Map<String, Recommendation> codes, @Nullable DiagnosisPage page) {
        if (page == null || page.items() == null) {
            return;
        }
        for (var item : page.items()) {
            if (item.icd10Codes() == null) {
                continue;
            }
            for (var code : item.icd10Codes()) {
                codes.putIfAbsent(normalized(code), new Recommendation(item.id(), item.title()));
            }
        }
    }

    private static String normalized(@Nullable String code) {
        return code == null
                ? ""
                : code.replace(".", "").replace(" ", "").strip().toUpperCase(Locale.ROOT);
    }

    /** An FMB diagnosis: its page is {@code /fmb/diagnoser/{id}}. */
    record Recommendation(long id, String title) {

        String href() {
            return "/fmb/diagnoser/" + id;
        }
    }

    /** The part of FMB's list answer read here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DiagnosisPage(List<Item> items, int totalPages) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(long id, String title, List<String> icd10Codes) {}
}
