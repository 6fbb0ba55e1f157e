package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.example.codeserver.codesystem.CodeSystemFhirExport;
import org.example.codeserver.codesystem.CodeSystemNotFoundException;
import org.example.codeserver.codesystem.CodeSystemVersionDetails;
import org.example.codeserver.codesystem.ConceptDetails;
import org.example.codeserver.codesystem.ConceptNotFoundException;
import org.example.codeserver.codesystem.ConceptProperty;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.ConceptSummary;
import org.example.codeserver.codesystem.TerminologyService;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.springframework.stereotype.Service;

/**
 * The terminology operations on the authority's own code systems (ICD-10-SE, KVÅ, KSH97-P, ICF, …), answered from
 * the in-memory index of the code system model: no FHIR resource is built for the whole code system, and text
 * filters use the model's Swedish search.
 */
@Service
public class IndexedTerminologyService {

    static final int MAX_EXPANSION = 10_000;
    private static final String TX_ISSUE_TYPE = "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type";
    private static final String PREFERRED_FOR_LANGUAGE = "http://terminology.hl7.org/CodeSystem/hl7TermMaintInfra";

    private final TerminologyService terminology;

    IndexedTerminologyService(TerminologyService terminology) {
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
                throw TerminologyOperationException.of(404, IssueType.NOTFOUND, "not-found",
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
        return terminology.codeSystem(system).versions().stream().map(v -> String.valueOf(v.version())).toList();
    }

    Parameters lookup(CodeSystemVersionDetails system, String code, String displayLanguage) {
        var concept = concept(system, code).orElseThrow(() -> TerminologyOperationException.of(404, IssueType.CODEINVALID,
                "invalid-code", "Unknown code '" + code + "' in the CodeSystem '" + system.url() + "' version '"
                        + system.version().version() + "'"));
        var out = new Parameters();
        out.addParameter().setName("name").setValue(new StringType(system.name()));
        out.addParameter().setName("system").setValue(new UriType(system.url()));
        if (system.version().version() != null) {
            out.addParameter().setName("version").setValue(new StringType(system.version().version()));
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
            d.addPart().setName("use").setValue(new Coding(PREFERRED_FOR_LANGUAGE, "preferredForLanguage", "Preferred For Language"));
            d.addPart().setName("value").setValue(new StringType(concept.display()));
        }
        for (var designation : concept.designations()) {
            var d = out.addParameter().setName("designation");
            if (designation.language() != null) {
                d.addPart().setName("language").setValue(new CodeType(designation.language()));
            }
            if (designation.useCode() != null) {
                d.addPart().setName("use").setValue(new Coding(designation.useSystem(), designation.useCode(), designation.useDisplay()));
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

    Parameters validate(CodeSystemVersionDetails system, String code, String display, String displayLanguage,
            boolean lenientDisplay, String valueSetUrl) {
        var out = new Parameters();
        var concept = concept(system, code);
        var version = system.version().version();
        if (concept.isEmpty()) {
            var message = valueSetUrl == null
                    ? "Unknown code '" + code + "' in the CodeSystem '" + system.url() + "' version '" + version + "'"
                    : "The provided code '" + system.url() + "#" + code + "' was not found in the value set '" + valueSetUrl + "'";
            out.addParameter().setName("code").setValue(new CodeType(code));
            out.addParameter().setName("system").setValue(new UriType(system.url()));
            if (version != null) {
                out.addParameter().setName("version").setValue(new StringType(version));
            }
            out.addParameter().setName("result").setValue(new BooleanType(false));
            out.addParameter().setName("message").setValue(new StringType(message));
            out.addParameter().setName("issues").setResource(issues(IssueSeverity.ERROR, IssueType.CODEINVALID,
                    valueSetUrl == null ? "invalid-code" : "not-in-vs", message, "code"));
            return out;
        }
        var found = concept.get();
        var preferred = display(found, displayLanguage);
        out.addParameter().setName("code").setValue(new CodeType(found.code()));
        out.addParameter().setName("system").setValue(new UriType(system.url()));
        if (version != null) {
            out.addParameter().setName("version").setValue(new StringType(version));
        }
        if (preferred != null) {
            out.addParameter().setName("display").setValue(new StringType(preferred));
        }
        var valid = true;
        OperationOutcome outcome = null;
        if (display != null && !display.isBlank() && !displayMatches(found, display)) {
            var message = "Wrong Display Name '" + display + "' for " + system.url() + "#" + found.code()
                    + ". Valid display is '" + found.display() + "'";
            valid = lenientDisplay;
            outcome = issues(lenientDisplay ? IssueSeverity.WARNING : IssueSeverity.ERROR, IssueType.INVALID, "invalid-display",
                    message, "display");
            out.addParameter().setName("message").setValue(new StringType(message));
        }
        if (found.status() == ConceptStatus.INACTIVE) {
            out.addParameter().setName("inactive").setValue(new BooleanType(true));
            var message = "The concept '" + found.code() + "' has a status of inactive and its use should be reviewed";
            if (outcome == null) {
                outcome = new OperationOutcome();
            }
            outcome.addIssue(issues(IssueSeverity.WARNING, IssueType.BUSINESSRULE, "code-comment", message, "code").getIssueFirstRep());
        }
        out.addParameter().setName("result").setValue(new BooleanType(valid));
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

    /**
     * Whether every include and exclude of the compose names a code system of the model (and nothing else),
     * so that the expansion can be answered from the index.
     */
    boolean covers(ValueSet valueSet) {
        if (!valueSet.hasCompose() || !valueSet.getCompose().hasInclude()) {
            return false;
        }
        var parts = new ArrayList<>(valueSet.getCompose().getInclude());
        parts.addAll(valueSet.getCompose().getExclude());
        for (var part : parts) {
            if (!part.hasSystem() || part.hasValueSet() || !knows(part.getSystem())) {
                return false;
            }
            for (var f : part.getFilter()) {
                if (!Set.of("is-a", "descendent-of", "=", "regex", "is-not-a").contains(f.getOp().toCode())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** $expand of a value set whose compose {@link #covers} only code systems of the model. */
    ValueSet expand(ValueSet valueSet, String filter, int offset, int count, boolean activeOnly, String displayLanguage,
            List<Parameters.ParametersParameterComponent> echo) {
        var result = new ValueSet();
        result.setUrl(valueSet.getUrl());
        result.setVersion(valueSet.getVersion());
        result.setName(valueSet.getName());
        result.setTitle(valueSet.getTitle());
        result.setStatus(valueSet.getStatus());
        var expansion = result.getExpansion();
        expansion.setIdentifier("urn:uuid:" + UUID.randomUUID());
        expansion.setTimestampElement(DateTimeType.now());
        for (var p : echo) {
            expansion.addParameter().setName(p.getName()).setValue(p.getValue());
        }
        var includes = valueSet.getCompose().getInclude();
        var used = new LinkedHashSet<String>();
        for (var include : includes) {
            var system = codeSystem(include.getSystem(), include.getVersion()).orElseThrow();
            used.add(system.url() + (system.version().version() == null ? "" : "|" + system.version().version()));
        }
        used.forEach(u -> expansion.addParameter().setName("used-codesystem").setValue(new UriType(u)));

        var whole = includes.size() == 1 && !includes.get(0).hasConcept() && !includes.get(0).hasFilter()
                && !valueSet.getCompose().hasExclude() && !activeOnly;
        if (whole) {
            var include = includes.get(0);
            var system = codeSystem(include.getSystem(), include.getVersion()).orElseThrow();
            var version = system.version().version();
            if (filter != null && !filter.isBlank()) {
                var page = terminology.search(system.url(), version, filter, offset, count);
                expansion.setTotal(page.total());
                for (var hit : page.hits()) {
                    contains(expansion, system, hit.code(), display(system, hit.code(), hit.display(), displayLanguage),
                            hit.status() == ConceptStatus.INACTIVE);
                }
            } else {
                var page = terminology.concepts(system.url(), version, offset, count);
                tooCostly(page.total(), count, valueSet);
                expansion.setTotal(page.total());
                for (var c : page.concepts()) {
                    contains(expansion, system, c.code(), display(system, c.code(), c.display(), displayLanguage),
                            c.status() == ConceptStatus.INACTIVE);
                }
            }
        } else {
            List<Member> members = new ArrayList<>();
            for (var include : includes) {
                var system = codeSystem(include.getSystem(), include.getVersion()).orElseThrow();
                for (var c : select(system, include)) {
                    members.add(new Member(system, c));
                }
            }
            for (var exclude : valueSet.getCompose().getExclude()) {
                var system = codeSystem(exclude.getSystem(), exclude.getVersion()).orElseThrow();
                var excluded = new LinkedHashSet<String>();
                select(system, exclude).forEach(c -> excluded.add(c.code()));
                members.removeIf(m -> m.system().url().equals(system.url()) && excluded.contains(m.concept().code()));
            }
            if (activeOnly) {
                members.removeIf(m -> m.concept().status() == ConceptStatus.INACTIVE);
            }
            if (filter != null && !filter.isBlank()) {
                members = rankByText(members, filter);
            }
            tooCostly(members.size(), count, valueSet);
            expansion.setTotal(members.size());
            for (int i = offset; i < members.size() && i - offset < count; i++) {
                var m = members.get(i);
                contains(expansion, m.system(), m.concept().code(),
                        display(m.system(), m.concept().code(), m.concept().display(), displayLanguage),
                        m.concept().status() == ConceptStatus.INACTIVE);
            }
        }
        if (offset > 0 || count < Integer.MAX_VALUE) {
            expansion.setOffset(offset);
        }
        return result;
    }

    /** Whether the code is in the value set (compose {@link #covers} only code systems of the model). */
    boolean contains(ValueSet valueSet, String system, String code) {
        var stored = codeSystem(system, null).flatMap(cs -> concept(cs, code)).map(ConceptDetails::code);
        if (stored.isEmpty()) {
            return false;
        }
        return containsStored(valueSet, system, stored.get());
    }

    private boolean containsStored(ValueSet valueSet, String system, String code) {
        var included = false;
        for (var include : valueSet.getCompose().getInclude()) {
            var cs = codeSystem(include.getSystem(), include.getVersion()).orElseThrow();
            if ((system == null || cs.url().equals(system) || knowsAs(cs, system))
                    && select(cs, include).stream().anyMatch(c -> c.code().equals(code))) {
                included = true;
                break;
            }
        }
        if (!included) {
            return false;
        }
        for (var exclude : valueSet.getCompose().getExclude()) {
            var cs = codeSystem(exclude.getSystem(), exclude.getVersion()).orElseThrow();
            if ((system == null || cs.url().equals(system) || knowsAs(cs, system))
                    && select(cs, exclude).stream().anyMatch(c -> c.code().equals(code))) {
                return false;
            }
        }
        return true;
    }

    private boolean knowsAs(CodeSystemVersionDetails cs, String system) {
        return codeSystem(system, null).map(other -> other.url().equals(cs.url())).orElse(false);
    }

    private record Member(CodeSystemVersionDetails system, ConceptSummary concept) {
    }

    private List<Member> rankByText(List<Member> members, String filter) {
        var ranked = new ArrayList<Member>();
        var bySystem = new java.util.LinkedHashMap<String, List<Member>>();
        for (var m : members) {
            bySystem.computeIfAbsent(m.system().url(), k -> new ArrayList<>()).add(m);
        }
        for (var group : bySystem.values()) {
            var system = group.get(0).system();
            var byCode = new java.util.HashMap<String, Member>();
            group.forEach(m -> byCode.put(m.concept().code(), m));
            for (var code : terminology.searchCodes(system.url(), system.version().version(), filter)) {
                var m = byCode.get(code);
                if (m != null) {
                    ranked.add(m);
                }
            }
        }
        return ranked;
    }

    private List<ConceptSummary> select(CodeSystemVersionDetails system, ConceptSetComponent part) {
        var version = system.version().version();
        if (part.hasConcept()) {
            var result = new ArrayList<ConceptSummary>();
            for (var c : part.getConcept()) {
                concept(system, c.getCode()).ifPresent(d -> result.add(new ConceptSummary(d.code(), d.display(), d.status())));
            }
            return result;
        }
        List<ConceptSummary> selected = null;
        for (var f : part.getFilter()) {
            List<ConceptSummary> matching;
            switch (f.getOp().toCode()) {
                case "is-a" -> {
                    matching = new ArrayList<>();
                    concept(system, f.getValue()).ifPresent(d -> matching.add(new ConceptSummary(d.code(), d.display(), d.status())));
                    matching.addAll(descendants(system, f.getValue()));
                }
                case "descendent-of" -> matching = descendants(system, f.getValue());
                case "is-not-a" -> {
                    var excluded = new java.util.HashSet<String>();
                    excluded.add(f.getValue());
                    descendants(system, f.getValue()).forEach(c -> excluded.add(c.code()));
                    matching = all(system).stream().filter(c -> !excluded.contains(c.code())).toList();
                }
                case "regex" -> matching = regex(system, f.getProperty(), f.getValue());
                default -> matching = byProperty(system, f.getProperty(), f.getValue());
            }
            if (selected == null) {
                selected = matching;
            } else {
                var keep = new java.util.HashSet<String>();
                matching.forEach(c -> keep.add(c.code()));
                selected = selected.stream().filter(c -> keep.contains(c.code())).toList();
            }
        }
        return selected != null ? selected : all(system);
    }

    private List<ConceptSummary> all(CodeSystemVersionDetails system) {
        return terminology.concepts(system.url(), system.version().version(), 0, Integer.MAX_VALUE).concepts();
    }

    private List<ConceptSummary> descendants(CodeSystemVersionDetails system, String code) {
        try {
            return terminology.descendants(system.url(), system.version().version(), code);
        } catch (ConceptNotFoundException e) {
            return List.of();
        }
    }

    private List<ConceptSummary> regex(CodeSystemVersionDetails system, String property, String value) {
        if (!"code".equals(property)) {
            throw TerminologyOperationException.of(400, IssueType.NOTSUPPORTED, "vs-invalid",
                    "The regex filter is supported on the property 'code' only, not '" + property + "'");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw TerminologyOperationException.of(400, IssueType.INVALID, "vs-invalid", "Invalid regex '" + value + "'");
        }
        return all(system).stream().filter(c -> GuardedRegex.matches(pattern, c.code())).toList();
    }

    private List<ConceptSummary> byProperty(CodeSystemVersionDetails system, String property, String value) {
        var result = new ArrayList<ConceptSummary>();
        for (var c : terminology.export(system.url(), system.version().version())) {
            var matches = switch (property) {
                case "code" -> c.code().equals(value);
                case "display" -> value.equals(c.display());
                case "status", "inactive" -> ("inactive".equals(property)
                        ? Boolean.toString(c.status() == ConceptStatus.INACTIVE)
                        : c.status().name().toLowerCase()).equals(value.toLowerCase());
                case "parent" -> c.parents().stream().anyMatch(p -> p.code().equals(value));
                default -> c.properties().stream().anyMatch(p -> p.code().equals(property) && p.value().equals(value));
            };
            if (matches) {
                result.add(new ConceptSummary(c.code(), c.display(), c.status()));
            }
        }
        return result;
    }

    private void tooCostly(int total, int count, ValueSet valueSet) {
        if (count == Integer.MAX_VALUE && total > MAX_EXPANSION) {
            throw TerminologyOperationException.of(422, IssueType.TOOCOSTLY, "too-costly", "The value set '"
                    + valueSet.getUrl() + "' has " + total + " codes, more than the " + MAX_EXPANSION
                    + " an expansion may hold; use count and offset to page through it, or a text filter");
        }
    }

    private void contains(ValueSet.ValueSetExpansionComponent expansion, CodeSystemVersionDetails system, String code,
            String display, boolean inactive) {
        var c = expansion.addContains().setSystem(system.url()).setCode(code).setDisplay(display);
        if (system.version().version() != null) {
            c.setVersion(system.version().version());
        }
        if (inactive) {
            c.setInactive(true);
        }
    }

    private Optional<ConceptDetails> concept(CodeSystemVersionDetails system, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return terminology.concept(system.url(), system.version().version(), code);
    }

    private String display(CodeSystemVersionDetails system, String code, String display, String language) {
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
                    if (d.language() != null && !lang.isEmpty() && d.language().regionMatches(true, 0, lang, 0, lang.length())) {
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
        return concept.properties().stream().anyMatch(p -> "notSelectable".equals(p.code()) && "true".equals(p.value()));
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
                yield new Coding(parts[0].isEmpty() ? null : parts[0], parts.length > 1 ? parts[1] : null,
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

    private static OperationOutcome issues(IssueSeverity severity, IssueType type, String txType, String message, String expression) {
        var outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(severity).setCode(type);
        issue.getDetails().addCoding(new Coding(TX_ISSUE_TYPE, txType, null));
        issue.getDetails().setText(message);
        issue.addExpression(expression);
        return outcome;
    }

    /** The model's code system versions as FHIR CodeSystem resources, without their concepts (search results). */
    List<org.hl7.fhir.r4.model.CodeSystem> search(String url, String version, String name) {
        var result = new ArrayList<org.hl7.fhir.r4.model.CodeSystem>();
        for (var system : terminology.codeSystems()) {
            if (url != null && !url.equals(system.url()) && !("urn:oid:" + system.oid()).equals(url)) {
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
                var resource = CodeSystemFhirExport.toResource(details, List.of());
                resource.setCount(v.conceptCount());
                resource.getMeta().addTag("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "SUBSETTED",
                        "concepts left out of search results; read the resource for all of them");
                result.add(resource);
            }
        }
        return result;
    }

    /** A code system version of the model as a complete FHIR CodeSystem, by the id used in {@link #search}. */
    Optional<org.hl7.fhir.r4.model.CodeSystem> read(String id) {
        return find(id).map(d -> CodeSystemFhirExport.toResource(d, terminology.export(d.url(), d.version().version())));
    }

    /** The same without concepts: enough to name the code system of an instance-level operation. */
    Optional<org.hl7.fhir.r4.model.CodeSystem> header(String id) {
        return find(id).map(d -> CodeSystemFhirExport.toResource(d, List.of()));
    }

    private Optional<CodeSystemVersionDetails> find(String id) {
        for (var system : terminology.codeSystems()) {
            for (var v : system.versions()) {
                var details = terminology.codeSystem(system.url(), v.version());
                var empty = CodeSystemFhirExport.toResource(details, List.of());
                if (empty.getIdElement().getIdPart().equals(id) || v.latest() && system.slug().equals(id)) {
                    return Optional.of(details);
                }
            }
        }
        return Optional.empty();
    }
}
