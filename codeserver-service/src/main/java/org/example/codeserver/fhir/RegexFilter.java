package org.example.codeserver.fhir;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r5.model.Enumerations.FilterOperator;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.model.ValueSet.ConceptSetComponent;

/**
 * Value set filters with the operator {@code regex}, matched by RE2/J: in time linear in the text whatever the pattern,
 * so that no pattern backtracks (catastrophically or otherwise). The whole code or property value must match. Before a
 * value set reaches the HL7 engine (whose regex engine backtracks), its regex filters are replaced by the codes they
 * select.
 */
final class RegexFilter {

    static final int MAX_PATTERN_LENGTH = 1_000;

    private RegexFilter() {}

    static Pattern compile(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_PATTERN_LENGTH) {
            throw TerminologyOperationException.of(
                    400,
                    IssueType.INVALID,
                    "vs-invalid",
                    "A regex filter needs a pattern of 1 to " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw TerminologyOperationException.of(
                    400,
                    IssueType.INVALID,
                    "vs-invalid",
                    "Invalid regex '" + value + "' (RE2 syntax: no backreferences or lookaround)");
        }
    }

    /** Replaces every include and exclude whose filters include a regex by the list of codes they select. */
    static void precompute(SimpleWorkerContext context, ValueSet valueSet, ExpansionBudget budget) {
        if (!valueSet.hasCompose()) {
            return;
        }
        var parts = new ArrayList<ConceptSetComponent>(valueSet.getCompose().getInclude());
        parts.addAll(valueSet.getCompose().getExclude());
        for (var part : parts) {
            if (part.getFilter().stream().noneMatch(f -> f.getOp() == FilterOperator.REGEX)) {
                continue;
            }
            if (part.hasConcept() || part.getFilter().stream().anyMatch(f -> f.getOp() != FilterOperator.REGEX)) {
                throw TerminologyOperationException.of(
                        400,
                        IssueType.NOTSUPPORTED,
                        "vs-invalid",
                        "A regex filter can be combined only with other regex filters in the same include or exclude");
            }
            if (!part.hasSystem()) {
                continue;
            }
            var codeSystem = part.hasVersion()
                    ? context.fetchCodeSystem(part.getSystem(), part.getVersion(), null)
                    : context.fetchCodeSystem(part.getSystem());
            if (codeSystem == null) {
                continue; // the engine reports the unknown code system
            }
            var filters = part.getFilter().stream()
                    .map(f -> new Compiled(f.getProperty(), compile(f.getValue())))
                    .toList();
            var matching = new ArrayList<String>();
            collect(codeSystem.getConcept(), filters, matching, budget);
            part.getFilter().clear();
            if (matching.isEmpty()) {
                valueSet.getCompose().getInclude().remove(part);
                valueSet.getCompose().getExclude().remove(part);
            } else {
                matching.forEach(code -> part.addConcept().setCode(code));
            }
        }
    }

    private static void collect(
            List<ConceptDefinitionComponent> concepts,
            List<Compiled> filters,
            List<String> into,
            ExpansionBudget budget) {
        for (var concept : concepts) {
            budget.step();
            if (filters.stream().allMatch(f -> f.matches(concept))) {
                into.add(concept.getCode());
            }
            collect(concept.getConcept(), filters, into, budget);
        }
    }

    private record Compiled(String property, Pattern pattern) {

        boolean matches(ConceptDefinitionComponent concept) {
            if (property == null || "code".equals(property)) {
                return pattern.matches(concept.getCode());
            }
            if ("display".equals(property)) {
                return concept.hasDisplay() && pattern.matches(concept.getDisplay());
            }
            return concept.getProperty().stream()
                    .anyMatch(p -> property.equals(p.getCode())
                            && p.hasValue()
                            && p.getValue().isPrimitive()
                            && pattern.matches(p.getValue().primitiveValue()));
        }
    }
}
