package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.Enumerations.FilterOperator;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.model.ValueSet.ConceptSetComponent;

/**
 * What is done to a value set before the HL7 engine sees it, in the same way whether it is stored or sent with the
 * request: regex filters are replaced by the codes they select ({@link RegexFilter}); a hierarchy filter on the
 * property {@code code} ({@code is-a}, {@code descendent-of}, {@code is-not-a}, {@code generalizes}) is read as one on
 * {@code concept}, the code's place in the hierarchy (the HL7 terminology servers accept both; the engine only
 * {@code concept}) unless the code system defines a property of its own called {@code code}; and a "needs
 * supplement" extension is dropped when the supplement is at hand, since the engine then merges it by itself.
 */
final class ValueSetPreparation {

    static final String SUPPLEMENT = "http://hl7.org/fhir/StructureDefinition/valueset-supplement";
    private static final List<FilterOperator> HIERARCHY =
            List.of(FilterOperator.ISA, FilterOperator.DESCENDENTOF, FilterOperator.ISNOTA, FilterOperator.GENERALIZES);

    private ValueSetPreparation() {}

    static void prepare(SimpleWorkerContext context, ValueSet valueSet, ExpansionBudget budget) {
        RegexFilter.precompute(context, valueSet, budget);
        readCodeHierarchyAsConcept(context, valueSet);
        dropSatisfiedSupplementRequirements(context, valueSet);
    }

    private static void readCodeHierarchyAsConcept(SimpleWorkerContext context, ValueSet valueSet) {
        var parts = new ArrayList<ConceptSetComponent>(valueSet.getCompose().getInclude());
        parts.addAll(valueSet.getCompose().getExclude());
        for (var part : parts) {
            for (var filter : part.getFilter()) {
                if ("code".equals(filter.getProperty())
                        && HIERARCHY.contains(filter.getOp())
                        && !definesCodeProperty(context, part)) {
                    filter.setProperty("concept");
                }
            }
        }
    }

    private static boolean definesCodeProperty(SimpleWorkerContext context, ConceptSetComponent part) {
        if (!part.hasSystem()) {
            return false;
        }
        var codeSystem = part.hasVersion()
                ? context.fetchCodeSystem(part.getSystem(), part.getVersion(), null)
                : context.fetchCodeSystem(part.getSystem());
        return codeSystem != null && codeSystem.getProperty().stream().anyMatch(p -> "code".equals(p.getCode()));
    }

    /** A value set's "needs supplement" extension, when the supplement is at hand. */
    private static void dropSatisfiedSupplementRequirements(SimpleWorkerContext context, ValueSet valueSet) {
        valueSet.getExtension()
                .removeIf(e -> SUPPLEMENT.equals(e.getUrl())
                        && e.hasValue()
                        && context.fetchResource(
                                        org.hl7.fhir.r5.model.CodeSystem.class,
                                        e.getValue().primitiveValue())
                                != null);
    }
}
