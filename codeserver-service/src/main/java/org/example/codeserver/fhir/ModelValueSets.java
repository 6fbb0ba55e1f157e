package org.example.codeserver.fhir;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.example.codeserver.codesystem.CodeSystemVersionDetails;
import org.example.codeserver.codesystem.ConceptDetails;
import org.example.codeserver.codesystem.ConceptNotFoundException;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.ConceptSummary;
import org.example.codeserver.codesystem.TerminologyService;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.springframework.stereotype.Service;

/**
 * {@code $expand} and value-set membership for value sets whose compose names only the authority's own code systems:
 * answered from the in-memory index of the code system model, with its Swedish search for text filters.
 */
@Service
class ModelValueSets {

    static final int MAX_EXPANSION = 10_000;

    private final TerminologyService terminology;
    private final ModelCodeSystems codeSystems;
    private final TerminologyResourceService resources;
    private final Clock clock;

    ModelValueSets(
            TerminologyService terminology,
            ModelCodeSystems codeSystems,
            TerminologyResourceService resources,
            Clock clock) {
        this.terminology = terminology;
        this.codeSystems = codeSystems;
        this.resources = resources;
        this.clock = clock;
    }

    /**
     * The value set when it lies wholly in the code system model: sent whole, stored, or the implicit value set of a
     * code system of the model ({@code ?vs}, {@code ?fhir_vs}).
     */
    Optional<ValueSet> resolve(ValueSetSource source) {
        var valueSet = source.resource();
        if (valueSet == null) {
            if (source.url() == null) {
                return Optional.empty();
            }
            var system = source.implicitSystem();
            if (system != null && codeSystems.knows(system)) {
                valueSet = new ValueSet();
                valueSet.setUrl(source.url());
                valueSet.setStatus(Enumerations.PublicationStatus.ACTIVE);
                valueSet.getCompose().addInclude().setSystem(system);
            } else {
                var stored = resources.search("ValueSet", source.url(), source.version(), null);
                if (stored.isEmpty()) {
                    return Optional.empty();
                }
                valueSet = (ValueSet) stored.get(stored.size() - 1);
            }
        }
        return covers(valueSet) ? Optional.of(valueSet) : Optional.empty();
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
            if (!part.hasSystem() || part.hasValueSet() || !codeSystems.knows(part.getSystem())) {
                return false;
            }
            for (var f : part.getFilter()) {
                if (!Set.of("is-a", "descendent-of", "=", "regex", "is-not-a")
                        .contains(f.getOp().toCode())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** $expand of a value set whose compose {@link #covers} only code systems of the model. */
    ValueSet expand(
            ValueSet valueSet,
            String filter,
            int offset,
            int count,
            boolean activeOnly,
            String displayLanguage,
            List<Parameters.ParametersParameterComponent> echo,
            ExpansionBudget budget) {
        budget.admit(valueSet);
        var result = new ValueSet();
        result.setUrl(valueSet.getUrl());
        result.setVersion(valueSet.getVersion());
        result.setName(valueSet.getName());
        result.setTitle(valueSet.getTitle());
        result.setStatus(valueSet.getStatus());
        var expansion = result.getExpansion();
        expansion.setIdentifier("urn:uuid:" + UUID.randomUUID());
        expansion.setTimestampElement(new DateTimeType(Date.from(clock.instant())));
        for (var p : echo) {
            expansion.addParameter().setName(p.getName()).setValue(p.getValue());
        }
        var includes = valueSet.getCompose().getInclude();
        var used = new LinkedHashSet<String>();
        for (var include : includes) {
            var system = codeSystems
                    .codeSystem(include.getSystem(), include.getVersion())
                    .orElseThrow();
            used.add(system.url()
                    + (system.version().version() == null
                            ? ""
                            : "|" + system.version().version()));
        }
        used.forEach(u -> expansion.addParameter().setName("used-codesystem").setValue(new UriType(u)));

        var whole = includes.size() == 1
                && !includes.get(0).hasConcept()
                && !includes.get(0).hasFilter()
                && !valueSet.getCompose().hasExclude()
                && !activeOnly;
        if (whole) {
            var include = includes.get(0);
            var system = codeSystems
                    .codeSystem(include.getSystem(), include.getVersion())
                    .orElseThrow();
            var version = system.version().version();
            if (filter != null && !filter.isBlank()) {
                var page = terminology.search(system.url(), version, filter, offset, count);
                expansion.setTotal(page.total());
                for (var hit : page.hits()) {
                    contains(
                            expansion,
                            system,
                            hit.code(),
                            codeSystems.display(system, hit.code(), hit.display(), displayLanguage),
                            hit.status() == ConceptStatus.INACTIVE);
                }
            } else {
                var page = terminology.concepts(system.url(), version, offset, count);
                tooCostly(page.total(), count, valueSet);
                expansion.setTotal(page.total());
                for (var c : page.concepts()) {
                    contains(
                            expansion,
                            system,
                            c.code(),
                            codeSystems.display(system, c.code(), c.display(), displayLanguage),
                            c.status() == ConceptStatus.INACTIVE);
                }
            }
        } else {
            List<Member> members = new ArrayList<>();
            for (var include : includes) {
                var system = codeSystems
                        .codeSystem(include.getSystem(), include.getVersion())
                        .orElseThrow();
                for (var c : select(system, include, budget)) {
                    members.add(new Member(system, c));
                }
            }
            for (var exclude : valueSet.getCompose().getExclude()) {
                var system = codeSystems
                        .codeSystem(exclude.getSystem(), exclude.getVersion())
                        .orElseThrow();
                var excluded = new LinkedHashSet<String>();
                select(system, exclude, budget).forEach(c -> excluded.add(c.code()));
                members.removeIf(m -> m.system().url().equals(system.url())
                        && excluded.contains(m.concept().code()));
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
                contains(
                        expansion,
                        m.system(),
                        m.concept().code(),
                        codeSystems.display(
                                m.system(), m.concept().code(), m.concept().display(), displayLanguage),
                        m.concept().status() == ConceptStatus.INACTIVE);
            }
        }
        if (offset > 0 || count < Integer.MAX_VALUE) {
            expansion.setOffset(offset);
        }
        return result;
    }

    /** Whether the code is in the value set (compose {@link #covers} only code systems of the model). */
    boolean contains(ValueSet valueSet, String system, String code, ExpansionBudget budget) {
        budget.admit(valueSet);
        var stored = codeSystems
                .codeSystem(system, null)
                .flatMap(cs -> codeSystems.concept(cs, code))
                .map(ConceptDetails::code);
        if (stored.isEmpty()) {
            return false;
        }
        return containsStored(valueSet, system, stored.get(), budget);
    }

    private boolean containsStored(ValueSet valueSet, String system, String code, ExpansionBudget budget) {
        var included = false;
        for (var include : valueSet.getCompose().getInclude()) {
            var cs = codeSystems
                    .codeSystem(include.getSystem(), include.getVersion())
                    .orElseThrow();
            if ((system == null || cs.url().equals(system) || knowsAs(cs, system))
                    && select(cs, include, budget).stream()
                            .anyMatch(c -> c.code().equals(code))) {
                included = true;
                break;
            }
        }
        if (!included) {
            return false;
        }
        for (var exclude : valueSet.getCompose().getExclude()) {
            var cs = codeSystems
                    .codeSystem(exclude.getSystem(), exclude.getVersion())
                    .orElseThrow();
            if ((system == null || cs.url().equals(system) || knowsAs(cs, system))
                    && select(cs, exclude, budget).stream()
                            .anyMatch(c -> c.code().equals(code))) {
                return false;
            }
        }
        return true;
    }

    private boolean knowsAs(CodeSystemVersionDetails cs, String system) {
        return codeSystems
                .codeSystem(system, null)
                .map(other -> other.url().equals(cs.url()))
                .orElse(false);
    }

    private record Member(CodeSystemVersionDetails system, ConceptSummary concept) {}

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
            for (var code :
                    terminology.searchCodes(system.url(), system.version().version(), filter)) {
                var m = byCode.get(code);
                if (m != null) {
                    ranked.add(m);
                }
            }
        }
        return ranked;
    }

    private List<ConceptSummary> select(
            CodeSystemVersionDetails system, ConceptSetComponent part, ExpansionBudget budget) {
        var version = system.version().version();
        if (part.hasConcept()) {
            var result = new ArrayList<ConceptSummary>();
            for (var c : part.getConcept()) {
                codeSystems
                        .concept(system, c.getCode())
                        .ifPresent(d -> result.add(new ConceptSummary(d.code(), d.display(), d.status())));
            }
            return result;
        }
        List<ConceptSummary> selected = null;
        for (var f : part.getFilter()) {
            budget.check();
            List<ConceptSummary> matching;
            switch (f.getOp().toCode()) {
                case "is-a" -> {
                    matching = new ArrayList<>();
                    codeSystems
                            .concept(system, f.getValue())
                            .ifPresent(d -> matching.add(new ConceptSummary(d.code(), d.display(), d.status())));
                    matching.addAll(descendants(system, f.getValue()));
                }
                case "descendent-of" -> matching = descendants(system, f.getValue());
                case "is-not-a" -> {
                    var excluded = new java.util.HashSet<String>();
                    excluded.add(f.getValue());
                    descendants(system, f.getValue()).forEach(c -> excluded.add(c.code()));
                    matching = all(system).stream()
                            .filter(c -> !excluded.contains(c.code()))
                            .toList();
                }
                case "regex" -> matching = regex(system, f.getProperty(), f.getValue(), budget);
                default -> matching = byProperty(system, f.getProperty(), f.getValue(), budget);
            }
            if (selected == null) {
                selected = matching;
            } else {
                var keep = new java.util.HashSet<String>();
                matching.forEach(c -> keep.add(c.code()));
                selected =
                        selected.stream().filter(c -> keep.contains(c.code())).toList();
            }
        }
        return selected != null ? selected : all(system);
    }

    private List<ConceptSummary> all(CodeSystemVersionDetails system) {
        return terminology
                .concepts(system.url(), system.version().version(), 0, Integer.MAX_VALUE)
                .concepts();
    }

    private List<ConceptSummary> descendants(CodeSystemVersionDetails system, String code) {
        try {
            return terminology.descendants(system.url(), system.version().version(), code);
        } catch (ConceptNotFoundException e) {
            return List.of();
        }
    }

    private List<ConceptSummary> regex(
            CodeSystemVersionDetails system, String property, String value, ExpansionBudget budget) {
        if (!"code".equals(property)) {
            throw TerminologyOperationException.of(
                    400,
                    IssueType.NOTSUPPORTED,
                    "vs-invalid",
                    "The regex filter is supported on the property 'code' only, not '" + property + "'");
        }
        var pattern = RegexFilter.compile(value);
        var result = new ArrayList<ConceptSummary>();
        for (var c : all(system)) {
            budget.step();
            if (pattern.matches(c.code())) {
                result.add(c);
            }
        }
        return result;
    }

    private List<ConceptSummary> byProperty(
            CodeSystemVersionDetails system, String property, String value, ExpansionBudget budget) {
        var result = new ArrayList<ConceptSummary>();
        for (var c : terminology.export(system.url(), system.version().version())) {
            budget.step();
            var matches = switch (property) {
                case "code" -> c.code().equals(value);
                case "display" -> value.equals(c.display());
                case "status", "inactive" ->
                    ("inactive".equals(property)
                                    ? Boolean.toString(c.status() == ConceptStatus.INACTIVE)
                                    : c.status().name().toLowerCase())
                            .equals(value.toLowerCase());
                case "parent" -> c.parents().stream().anyMatch(p -> p.code().equals(value));
                default ->
                    c.properties().stream()
                            .anyMatch(
                                    p -> p.code().equals(property) && p.value().equals(value));
            };
            if (matches) {
                result.add(new ConceptSummary(c.code(), c.display(), c.status()));
            }
        }
        return result;
    }

    private void tooCostly(int total, int count, ValueSet valueSet) {
        if (count == Integer.MAX_VALUE && total > MAX_EXPANSION) {
            throw TerminologyOperationException.of(
                    422,
                    IssueType.TOOCOSTLY,
                    "too-costly",
                    "The value set '"
                            + valueSet.getUrl() + "' has " + total + " codes, more than the " + MAX_EXPANSION
                            + " an expansion may hold; use count and offset to page through it, or a text filter");
        }
    }

    private void contains(
            ValueSet.ValueSetExpansionComponent expansion,
            CodeSystemVersionDetails system,
            String code,
            String display,
            boolean inactive) {
        var c = expansion.addContains().setSystem(system.url()).setCode(code).setDisplay(display);
        if (system.version().version() != null) {
            c.setVersion(system.version().version());
        }
        if (inactive) {
            c.setInactive(true);
        }
    }
}
