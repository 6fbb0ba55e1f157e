package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.example.codeserver.codesystem.CodeSystemFhirExport;
import org.example.codeserver.codesystem.CodeSystemNotFoundException;
import org.example.codeserver.codesystem.CodeSystemVersionDetails;
import org.example.codeserver.codesystem.ConceptDetails;
import org.example.codeserver.codesystem.ConceptNotFoundException;
import org.example.codeserver.codesystem.ConceptProperty;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.TerminologyService;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Service;

/**
 * The terminology operations on the authority's own code systems (ICD-10-SE, KVÅ, KSH97-P, ICF, …), answered from
 * the in-memory index of the code system model: no FHIR resource is built for the whole code system, and text
 * filters use the model's Swedish search.
 */
@Service
public class ModelCodeSystems {

    private static final String TX_ISSUE_TYPE = "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type";
    private static final String PREFERRED_FOR_LANGUAGE = "http://terminology.hl7.org/CodeSystem/hl7TermMaintInfra";

    private final TerminologyService terminology;

    ModelCodeSystems(TerminologyService terminology) {
        this.terminology = terminology;
    }

    /** The model's code system version for a system URL, OID or {@code urn:oid:}, when the model holds it. */
    Optional<CodeSystemVersionDetails> codeSystem(String system, String version) {
        if (system == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(terminology.codeSystem(system, version));
        } catch (CodeSystemNotFoundException e) {
            if (version != null && knows(system)) {
                throw TerminologyOperationException.of(
                        404,
                        IssueType.NOTFOUND,
                        "not-found",
                        "A definition for CodeSystem '" + system + "' version '" + version
                                + "' could not be found, so the code cannot be validated. Valid versions: "
                                + String.join(", ", versions(system)));
            }
            return Optional.empty();
        }
    }

    boolean knows(String system) {
        try {
            terminology.codeSystem(system);
            return true;
        } catch (CodeSystemNotFoundException e) {
            return false;
        }
    }

    private List<String> versions(String system) {
        return terminology.codeSystem(system).versions().stream()
                .map(v -> String.valueOf(v.version()))
                .toList();
    }

    Parameters lookup(CodeSystemVersionDetails system, String code, String displayLanguage) {
        var concept = concept(system, code)
                .orElseThrow(() -> TerminologyOperationException.of(
                        404,
                        IssueType.CODEINVALID,
                        "invalid-code",
                        "Unknown code '" + code + "' in the CodeSystem '" + system.url() + "' version '"
                                + system.version().version() + "'"));
        var out = new Parameters();
        out.addParameter().setName("name").setValue(new StringType(system.name()));
        out.addParameter().setName("system").setValue(new UriType(system.url()));
        if (system.version().version() != null) {
            out.addParameter()
                    .setName("version")
                    .setValue(new StringType(system.version().version()));
        }
        out.addParameter().setName("code").setValue(new CodeType(concept.code()));
        out.addParameter().setName("display").setValue(new StringType(display(concept, displayLanguage)));
        if (concept.definition() != null) {
            out.addParameter().setName("definition").setValue(new StringType(concept.definition()));
        }
        out.addParameter().setName("abstract").setValue(new BooleanType(isAbstract(concept)));
        if (concept.display() != null) {
            var d = out.addParameter().setName("designation");
            d.addPart().setName("language").setValue(new CodeType(languageOf(system)));
            d.addPart()
                    .setName("use")
                    .setValue(new Coding(PREFERRED_FOR_LANGUAGE, "preferredForLanguage", "Preferred For Language"));
            d.addPart().setName("value").setValue(new StringType(concept.display()));
        }
        for (var designation : concept.designations()) {
            var d = out.addParameter().setName("designation");
            if (designation.language() != null) {
                d.addPart().setName("language").setValue(new CodeType(designation.language()));
            }
            if (designation.useCode() != null) {
                d.addPart()
                        .setName("use")
                        .setValue(new Coding(designation.useSystem(), designation.useCode(), designation.useDisplay()));
            }
            d.addPart().setName("value").setValue(new StringType(designation.value()));
        }
        property(out, "inactive", new BooleanType(concept.status() == ConceptStatus.INACTIVE), null);
        for (var parent : concept.parents()) {
            property(out, "parent", new CodeType(parent.code()), parent.display());
        }
        for (var child : concept.children()) {
            property(out, "child", new CodeType(child.code()), child.display());
        }
        for (var p : concept.properties()) {
            property(out, p.code(), value(p), null);
        }
        return out;
    }

    Parameters validate(
            CodeSystemVersionDetails system, String code, String display, String displayLanguage, String valueSetUrl) {
        var concept = concept(system, code);
        if (concept.isEmpty()) {
            return notFound(system, code, valueSetUrl);
        }
        return found(system, concept.get(), display, displayLanguage);
    }

    /** The answer for a code that is not in the code system, or (with a value set) not in the value set. */
    Parameters notFound(CodeSystemVersionDetails system, String code, String valueSetUrl) {
        var out = new Parameters();
        var version = system.version().version();
        var message = valueSetUrl == null
                ? "Unknown code '" + code + "' in the CodeSystem '" + system.url() + "' version '" + version + "'"
                : "The provided code '" + system.url() + "#" + code + "' was not found in the value set '" + valueSetUrl
                        + "'";
        out.addParameter().setName("code").setValue(new CodeType(code));
        out.addParameter().setName("system").setValue(new UriType(system.url()));
        if (version != null) {
            out.addParameter().setName("version").setValue(new StringType(version));
        }
        out.addParameter().setName("result").setValue(new BooleanType(false));
        out.addParameter().setName("message").setValue(new StringType(message));
        out.addParameter()
                .setName("issues")
                .setResource(issues(
                        IssueSeverity.ERROR,
                        IssueType.CODEINVALID,
                        valueSetUrl == null ? "invalid-code" : "not-in-vs",
                        message,
                        "code"));
        return out;
    }

    private Parameters found(
            CodeSystemVersionDetails system, ConceptDetails found, String display, String displayLanguage) {
        var out = new Parameters();
        var version = system.version().version();
        var preferred = display(found, displayLanguage);
        out.addParameter().setName("code").setValue(new CodeType(found.code()));
        out.addParameter().setName("system").setValue(new UriType(system.url()));
        if (version != null) {
            out.addParameter().setName("version").setValue(new StringType(version));
        }
        if (preferred != null) {
            out.addParameter().setName("display").setValue(new StringType(preferred));
        }
        OperationOutcome outcome = null;
        if (display != null && !display.isBlank() && !displayMatches(found, display)) {
            // as HAPI FHIR's JPA server answers (TermReadSvcImpl at its default severity for a display mismatch):
            // the code is valid, the display draws a warning that names the expected one
            var message = "Concept Display \"" + display + "\" does not match expected \"" + found.display()
                    + "\" for '" + system.url() + "#" + found.code() + "'";
            outcome = issues(IssueSeverity.WARNING, IssueType.INVALID, "invalid-display", message, "display");
            out.addParameter().setName("message").setValue(new StringType(message));
        }
        if (found.status() == ConceptStatus.INACTIVE) {
            out.addParameter().setName("inactive").setValue(new BooleanType(true));
            var message = "The concept '" + found.code() + "' has a status of inactive and its use should be reviewed";
            if (outcome == null) {
                outcome = new OperationOutcome();
            }
            outcome.addIssue(issues(IssueSeverity.WARNING, IssueType.BUSINESSRULE, "code-comment", message, "code")
                    .getIssueFirstRep());
        }
        out.addParameter().setName("result").setValue(new BooleanType(true));
        if (outcome != null) {
            out.addParameter().setName("issues").setResource(outcome);
        }
        return out;
    }

    Parameters subsumes(CodeSystemVersionDetails system, String codeA, String codeB) {
        try {
            var outcome = terminology.subsumes(system.url(), system.version().version(), codeA, codeB);
            var out = new Parameters();
            out.addParameter().setName("outcome").setValue(new CodeType(outcome.fhirCode()));
            return out;
        } catch (ConceptNotFoundException e) {
            throw TerminologyOperationException.of(404, IssueType.CODEINVALID, "invalid-code", e.getMessage());
        }
    }

    Optional<ConceptDetails> concept(CodeSystemVersionDetails system, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return terminology.concept(system.url(), system.version().version(), code);
    }

    String display(CodeSystemVersionDetails system, String code, String display, String language) {
        if (language == null || language.regionMatches(true, 0, languageOf(system), 0, 2)) {
            return display;
        }
        return concept(system, code).map(c -> display(c, language)).orElse(display);
    }

    private static String display(ConceptDetails concept, String language) {
        if (language != null) {
            for (var tag : language.split(",")) {
                var lang = tag.split(";")[0].trim();
                for (var d : concept.designations()) {
                    if (d.language() != null
                            && !lang.isEmpty()
                            && d.language().regionMatches(true, 0, lang, 0, lang.length())) {
                        return d.value();
                    }
                }
            }
        }
        return concept.display();
    }

    private static boolean displayMatches(ConceptDetails concept, String display) {
        if (display.equalsIgnoreCase(concept.display())) {
            return true;
        }
        return concept.designations().stream().anyMatch(d -> display.equalsIgnoreCase(d.value()));
    }

    private static boolean isAbstract(ConceptDetails concept) {
        return concept.properties().stream()
                .anyMatch(p -> "notSelectable".equals(p.code()) && "true".equals(p.value()));
    }

    private static String languageOf(CodeSystemVersionDetails system) {
        return system.version().language() != null ? system.version().language() : "sv";
    }

    private static Type value(ConceptProperty property) {
        return switch (property.type()) {
            case "code" -> new CodeType(property.value());
            case "boolean" -> new BooleanType(property.value());
            case "integer" -> new IntegerType(property.value());
            case "Coding" -> {
                var parts = property.value().split("\\|", 3);
                yield new Coding(
                        parts[0].isEmpty() ? null : parts[0],
                        parts.length > 1 ? parts[1] : null,
                        parts.length > 2 ? parts[2] : null);
            }
            default -> new StringType(property.value());
        };
    }

    private static void property(Parameters out, String code, Type value, String description) {
        var p = out.addParameter().setName("property");
        p.addPart().setName("code").setValue(new CodeType(code));
        p.addPart().setName("value").setValue(value);
        if (description != null) {
            p.addPart().setName("description").setValue(new StringType(description));
        }
    }

    private static OperationOutcome issues(
            IssueSeverity severity, IssueType type, String txType, String message, String expression) {
        var outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(severity).setCode(type);
        issue.getDetails().addCoding(new Coding(TX_ISSUE_TYPE, txType, null));
        issue.getDetails().setText(message);
        issue.addExpression(expression);
        return outcome;
    }

    /**
     * The model's code system versions that match, as FHIR CodeSystem resources built when asked for: with all their
     * concepts, or (for a summary) without them.
     */
    List<java.util.function.Supplier<org.hl7.fhir.r4.model.CodeSystem>> search(
            String url, String identifier, String version, String name, boolean withConcepts) {
        var result = new ArrayList<java.util.function.Supplier<org.hl7.fhir.r4.model.CodeSystem>>();
        for (var system : terminology.codeSystems()) {
            if (url != null && !url.equals(system.url()) && !namedBy(system, url)) {
                continue;
            }
            if (identifier != null && !namedBy(system, identifier)) {
                continue;
            }
            if (name != null && !system.name().toLowerCase().startsWith(name.toLowerCase())) {
                continue;
            }
            for (var v : system.versions()) {
                if (version != null && !version.equals(v.version())) {
                    continue;
                }
                var details = terminology.codeSystem(system.url(), v.version());
                result.add(withConcepts ? () -> full(details) : () -> header(details));
            }
        }
        return result;
    }

    private static boolean namedBy(org.example.codeserver.codesystem.CodeSystemSummary system, String oid) {
        return ("urn:oid:" + system.oid()).equals(oid)
                || system.aliasOids().stream().anyMatch(a -> ("urn:oid:" + a).equals(oid));
    }

    /** A code system version of the model as a complete FHIR CodeSystem, by the id used in {@link #search}. */
    Optional<org.hl7.fhir.r4.model.CodeSystem> read(String id) {
        return find(id).map(this::full);
    }

    /**
     * The same without concepts (its {@code count} says how many there are): for a summary, or to name the code system
     * of an instance-level operation.
     */
    Optional<org.hl7.fhir.r4.model.CodeSystem> header(String id) {
        return find(id).map(ModelCodeSystems::header);
    }

    private org.hl7.fhir.r4.model.CodeSystem full(CodeSystemVersionDetails details) {
        return CodeSystemFhirExport.toHierarchicalResource(
                details, terminology.export(details.url(), details.version().version()));
    }

    private static org.hl7.fhir.r4.model.CodeSystem header(CodeSystemVersionDetails details) {
        var resource = CodeSystemFhirExport.toResource(details, List.of());
        resource.setCount(details.version().conceptCount());
        return resource;
    }

    private Optional<CodeSystemVersionDetails> find(String id) {
        for (var system : terminology.codeSystems()) {
            for (var v : system.versions()) {
                var details = terminology.codeSystem(system.url(), v.version());
                var empty = CodeSystemFhirExport.toResource(details, List.of());
                if (empty.getIdElement().getIdPart().equals(id)
                        || v.latest() && system.slug().equals(id)) {
                    return Optional.of(details);
                }
            }
        }
        return Optional.empty();
    }
}
