package org.example.codeserver.browser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.example.codeserver.codesystem.ConceptDetails;
import org.example.codeserver.codesystem.TerminologyService;
import org.example.codeserver.fhir.TerminologyResourceService;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Value sets people build in the browser, by ticking codes or by a search filter, saved as FHIR ValueSets in the code
 * server's own ValueSet store: each has a page at {@code /codes/vardemangder/{id}} and is the FHIR resource
 * {@code /fhir/ValueSet/{id}} (so {@code $expand} and {@code $validate-code} work on it). A filter is saved as the
 * codes it matched in the current version, with the query in the description.
 */
@Service
class SavedValueSetService {

    static final String URL_BASE = "http://socialstyrelsen.se/fhir/ValueSet/kodverksbladdraren-";
    static final int MAX_NAME = 200;
    static final int MAX_CODES = 10_000;

    private final TerminologyService terminology;
    private final TerminologyResourceService resources;

    SavedValueSetService(TerminologyService terminology, TerminologyResourceService resources) {
        this.terminology = terminology;
        this.resources = resources;
    }

    /** Saves the value set and answers its id; nothing is stored when anything is wrong. */
    String save(NewValueSet request) {
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
        var id = "kb-" + UUID.randomUUID();
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
        return resources.create(valueSet).getIdElement().getIdPart();
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

    /** The value set asked for cannot be saved (the message is shown to the user). */
    static class InvalidValueSetException extends RuntimeException {
        InvalidValueSetException(String message) {
            super(message);
        }
    }
}
