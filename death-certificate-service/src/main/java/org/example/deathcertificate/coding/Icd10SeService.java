package org.example.deathcertificate.coding;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * ICD-10-SE from the code server's JSON API over HTTP: which version was valid on a date, the codes whose texts
 * match a cause line, and one code's facts. Answers are cached (versions for five minutes, codes and searches for
 * an hour, as a published version never changes).
 */
@Service
public class Icd10SeService {

    private static final String API = "/codes/api/v1/code-systems/{system}";

    private final RestClient http;
    private final CodingProperties properties;
    /** Runs the calls of one round at the same time (Spring Boot's task executor, a small pool). */
    private final Executor calls;

    private final Cache<String, List<Version>> versions =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5)).build();
    private final Cache<String, Optional<Concept>> concepts = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();
    private final Cache<String, List<CodeSuggestion>> searches = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    Icd10SeService(
            CodingProperties properties,
            RestClient.Builder builder,
            @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor calls) {
        this.properties = properties;
        this.calls = calls;
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .build();
        var factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.timeout());
        this.http = builder.baseUrl(properties.codeserverUrl())
                .requestFactory(factory)
                .build();
    }

    /**
     * The version in force on the date: the newest one whose effective date is not after it. A date before the
     * first version gets the first version (the oldest the code server holds).
     */
    public String versionOn(LocalDate date) {
        var known = versions.get("all", key -> fetchVersions());
        if (known.isEmpty()) {
            throw new CodeServerUnavailableException(
                    new IllegalStateException("no ICD-10-SE version at the code server"));
        }
        return known.stream()
                .filter(v -> !v.effective().isAfter(date))
                .reduce((a, b) -> b)
                .orElse(known.get(0))
                .name();
    }

    /**
     * Codes for a line's text: the whole text first, then each longer word of it, best first, no duplicates. At most
     * three rounds of calls to the code server, each round's calls made at the same time: the whole text; the words,
     * when the whole text found too few codes; the WHO-level look-ups of the codes found.
     */
    public List<CodeSuggestion> suggest(String text, String version) {
        var key = version + "|" + text.strip().toLowerCase(Locale.ROOT);
        return searches.get(key, k -> {
            var found = new LinkedHashMap<String, String>();
            if (Icd10Code.looksLikeCode(text)) {
                lookup(new Icd10Code(text).value(), version)
                        .filter(Concept::selectable)
                        .ifPresent(c -> found.put(c.code(), c.display()));
            }
            collect(search(text, version), found);
            if (found.size() < properties.suggestions()) {
                var asked = new HashSet<String>();
                asked.add(text.strip().toLowerCase(Locale.ROOT));
                var words = new ArrayList<CompletableFuture<JsonNode>>();
                for (var word : text.split("[^\\p{L}\\p{N}]+")) {
                    if (word.length() >= 4 && asked.add(word.toLowerCase(Locale.ROOT))) {
                        words.add(async(() -> search(word, version)));
                    }
                }
                for (var page : words) {
                    if (found.size() < properties.suggestions()) {
                        collect(join(page), found);
                    }
                }
            }
            var subcategories = found.keySet().stream()
                    .map(Icd10Code::new)
                    .filter(code -> code.hasSwedishExtension() && !code.isPlaceOfOccurrence())
                    .map(code -> async(() -> lookup(code.subcategory(), version)))
                    .toList();
            subcategories.forEach(Icd10SeService::join);
            return found.entrySet().stream()
                    .map(hit -> new CodeSuggestion(
                            hit.getKey(), Icd10Code.dotted(hit.getKey()), hit.getValue(), who(hit.getKey(), version)))
                    .toList();
        });
    }

    /** One code in one version; empty when the version does not hold it. */
    public Optional<Concept> lookup(String code, String version) {
        return concepts.get(version + "|" + code, k -> fetchConcept(code, version));
    }

    /**
     * The WHO ICD-10 level of an ICD-10-SE code: without its Swedish extension, the four-character subcategory when
     * ICD-10-SE lists it, else the category. For W00–Y34 the fourth character is WHO's place of occurrence, which
     * ICD-10-SE folds into its five-character codes without listing it: it is kept ({@code W1900} is {@code W19.0}).
     */
    public String who(String code, String version) {
        var parsed = new Icd10Code(code);
        if (!parsed.hasSwedishExtension()) {
            return parsed.dotted();
        }
        var subcategory = parsed.subcategory();
        if (parsed.isPlaceOfOccurrence() || lookup(subcategory, version).isPresent()) {
            return Icd10Code.dotted(subcategory);
        }
        return parsed.category();
    }

    /** One page of the code server's search for the text, in the version. */
    private JsonNode search(String q, String version) {
        // the text is a URI variable, not part of the template: a written cause may hold { or } (URI template syntax)
        return getOrUnavailable(uri -> uri.path(API + "/concepts")
                .queryParam("q", "{q}")
                .queryParam("limit", properties.suggestions() * 2)
                .queryParam("version", "{version}")
                .build(properties.codeSystem(), q, version));
    }

    /** Adds a search page's active codes (code to display), until there are enough. */
    private void collect(JsonNode page, LinkedHashMap<String, String> found) {
        for (var hit : page.path("hits")) {
            var code = hit.path("code").asText();
            if (found.size() >= properties.suggestions()) {
                return;
            }
            if (Icd10Code.looksLikeCode(code)
                    && !found.containsKey(code)
                    && !"INACTIVE".equals(hit.path("status").asText())) {
                found.put(code, hit.path("display").asText());
            }
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, calls);
    }

    /** The call's answer; its CodeServerUnavailableException as it was thrown. */
    private static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private List<Version> fetchVersions() {
        var system = getOrUnavailable(uri -> uri.path(API).build(properties.codeSystem()));
        var list = new ArrayList<Version>();
        for (var version : system.path("versions")) {
            if (version.hasNonNull("effectiveDate")
                    && !"DRAFT".equals(version.path("status").asText())) {
                list.add(new Version(
                        version.path("version").asText(),
                        LocalDate.parse(version.path("effectiveDate").asText())));
            }
        }
        list.sort(Comparator.comparing(Version::effective));
        return List.copyOf(list);
    }

    private Optional<Concept> fetchConcept(String code, String version) {
        try {
            var concept = get(uri -> uri.path(API + "/concepts/{code}")
                    .queryParam("version", "{version}")
                    .build(properties.codeSystem(), code, version));
            boolean manifestation = false;
            boolean selectable = true;
            for (var property : concept.path("properties")) {
                var name = property.path("code").asText();
                if ("marker".equals(name) && "*".equals(property.path("value").asText())) {
                    manifestation = true;
                }
                if ("notSelectable".equals(name)
                        && "true".equals(property.path("value").asText())) {
                    selectable = false;
                }
            }
            return Optional.of(new Concept(
                    concept.path("code").asText(),
                    concept.path("display").asText(),
                    manifestation,
                    selectable && Icd10Code.looksLikeCode(concept.path("code").asText())));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw new CodeServerUnavailableException(e);
        }
    }

    private JsonNode getOrUnavailable(Function<UriBuilder, URI> uri) {
        try {
            return get(uri);
        } catch (HttpClientErrorException e) {
            throw new CodeServerUnavailableException(e);
        }
    }

    private JsonNode get(Function<UriBuilder, URI> uri) {
        try {
            return http.get().uri(uri).retrieve().body(JsonNode.class);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            throw new CodeServerUnavailableException(e);
        } catch (RestClientException e) {
            throw new CodeServerUnavailableException(e);
        }
    }

    private record Version(String name, LocalDate effective) {}
}
