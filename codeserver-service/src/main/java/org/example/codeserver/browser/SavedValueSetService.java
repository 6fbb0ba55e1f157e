package org.example.codeserver.browser;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import org.example.codeserver.codesystem.ConceptDetails;
import org.example.codeserver.codesystem.TerminologyService;
import org.example.codeserver.fhir.TerminologyResourceService;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Value sets people build in the browser, by ticking codes or by a search filter, saved as FHIR ValueSets in the code
 * server's own ValueSet store: each has a page at {@code /codes/vardemangder/{id}} and is the FHIR resource
 * {@code /fhir/ValueSet/{id}} (so {@code $expand} and {@code $validate-code} work on it). A filter is saved as the
 * codes it matched in the current version, with the query in the description.
 *
 * <p>Anyone may save, so what is saved is bounded: the same value set saved again gets the same id (the id is a hash
 * of its content), and all saved value sets together hold at most {@code codes.browser.saved-value-sets
 * .max-codes} codes (every stored resource is kept in memory as well). Beyond that a save is refused and nothing is
 * stored; the gateway's per-address rate limit applies before.
 */
@Service
class SavedValueSetService {

    static final String URL_BASE = "http://socialstyrelsen.se/fhir/ValueSet/kodverksbladdraren-";
    static final int MAX_NAME = 200;
    static final int MAX_CODES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SavedValueSetService.class);

    private final TerminologyService terminology;
    private final TerminologyResourceService resources;
    private final long maxCodesInAll;
    private long codesInAll = -1; // counted from the store at the first save

    @Autowired
    SavedValueSetService(
            TerminologyService terminology,
            TerminologyResourceService resources,
            @Value("${codes.browser.saved-value-sets.max-codes:200000}") long maxCodesInAll) {
        this.terminology = terminology;
        this.resources = resources;
        this.maxCodesInAll = maxCodesInAll;
    }

    /**
     * Saves the value set and answers its id; nothing is stored when anything is wrong. One save at a time, so the
     * count of saved codes stays exact.
     */
    synchronized String save(NewValueSet request) {
        var name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidValueSetException("Ge värdemängden ett namn (högst " + MAX_NAME + " tecken).");
        }
        var system = terminology.codeSystem(request.system(), null);
        var byFilter =
                request.q() != null && !request.q().isBlank() && request.codes().isEmpty();
        var codes = new LinkedHashSet<>(
                byFilter ? terminology.searchCodes(system.slug(), null, request.q()) : request.codes());
        if (codes.isEmpty()) {
            throw new InvalidValueSetException("Välj minst en kod, eller spara alla träffar för en sökning.");
        }
        if (codes.size() > MAX_CODES) {
            throw new InvalidValueSetException("En värdemängd får ha högst " + MAX_CODES + " koder.");
        }
        var concepts = new ArrayList<ConceptDetails>(codes.size());
        for (var code : codes) {
            concepts.add(terminology
                    .concept(system.slug(), null, code)
                    .orElseThrow(() -> new InvalidValueSetException("En vald kod finns inte i kodverket.")));
        }
        var id = "kb-" + contentHash(system.url(), system.version().version(), name, codes);
        if (exists(id)) {
            return id;
        }
        if (codesInAll < 0) {
            codesInAll = resources.search("ValueSet", null, null, null).stream()
                    .filter(v -> v.getUrl() != null && v.getUrl().startsWith(URL_BASE))
                    .mapToLong(v -> ((ValueSet) v)
                            .getCompose().getInclude().stream()
                                    .mapToLong(i -> i.getConcept().size())
                                    .sum())
                    .sum();
        }
        if (codesInAll + codes.size() > maxCodesInAll) {
            log.warn(
                    "Saved value sets are full ({} of {} codes): raise codes.browser.saved-value-sets.max-codes"
                            + " or remove unused ones",
                    codesInAll,
                    maxCodesInAll);
            throw new ValueSetStoreFullException();
        }
        var valueSet = new ValueSet();
        valueSet.setId(id);
        valueSet.setUrl(URL_BASE + id);
        valueSet.setName("Kodverksbladdraren_" + id.replace('-', '_'));
        valueSet.setTitle(name);
        valueSet.setStatus(PublicationStatus.ACTIVE);
        valueSet.setExperimental(true);
        valueSet.setPublisher("Kodverksbläddrarens användare");
        valueSet.setDescription(
                byFilter
                        ? "Alla koder i " + system.slug() + " "
                                + system.version().version() + " som matchar sökningen \""
                                + request.q().strip() + "\""
                        : "Valda koder ur " + system.slug() + " "
                                + system.version().version());
        var include = valueSet.getCompose().addInclude().setSystem(system.url());
        if (system.version().version() != null) {
            include.setVersion(system.version().version());
        }
        concepts.forEach(c -> include.addConcept().setCode(c.code()).setDisplay(c.display()));
        var saved = resources.create(valueSet).getIdElement().getIdPart();
        codesInAll += codes.size();
        return saved;
    }

    private boolean exists(String id) {
        try {
            resources.read("ValueSet", id);
            return true;
        } catch (ResourceNotFoundException notSaved) {
            return false;
        }
    }

    /** The first 128 bits of SHA-256 over what the value set holds: the same set saved twice is stored once. */
    private static String contentHash(String systemUrl, @Nullable String version, String name, Iterable<String> codes) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var part : List.of(systemUrl, version == null ? "" : version, name)) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            var sorted = new TreeSet<String>();
            codes.forEach(sorted::add);
            for (var code : sorted) {
                digest.update(code.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A saved value set by id. */
    SavedValueSet read(String id) {
        var valueSet = (ValueSet) resources.read("ValueSet", id);
        var concepts = new ArrayList<SavedValueSet.Member>();
        for (var include : valueSet.getCompose().getInclude()) {
            var slug = terminology.codeSystem(include.getSystem()).slug();
            include.getConcept()
                    .forEach(c -> concepts.add(new SavedValueSet.Member(
                            slug, c.getCode(), c.getDisplay(), CodeBrowserService.href(slug, c.getCode()))));
        }
        return new SavedValueSet(
                valueSet.getIdElement().getIdPart(),
                valueSet.getUrl(),
                valueSet.getTitle(),
                valueSet.getDescription(),
                concepts);
    }

    /** What the builder form sends: the ticked codes, or a query whose matches are all taken. */
    record NewValueSet(String name, String system, @Nullable String q, List<String> codes) {}

    /** All saved value sets together have reached their limit of codes. */
    static class ValueSetStoreFullException extends RuntimeException {
        ValueSetStoreFullException() {
            super("saved value sets are full");
        }
    }

    /** The value set asked for cannot be saved (the message is shown to the user). */
    static class InvalidValueSetException extends RuntimeException {
        InvalidValueSetException(String message) {
            super(message);
        }
    }
}
