package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r5.model.Enumerations.FilterOperator;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.model.ValueSet.ConceptSetComponent;

/**
 * Value set filters {@code code regex …} evaluated with a work budget, so that a pathological pattern cannot hang the
 * server (catastrophic backtracking). A code whose match exceeds the budget counts as not matching. The filter is
 * replaced by the list of matching codes before the value set reaches the engine.
 */
final class GuardedRegex {

    private static final int BUDGET = 200_000;

    private GuardedRegex() {
    }

    static void precompute(SimpleWorkerContext context, ValueSet valueSet) {
        if (!valueSet.hasCompose()) {
            return;
        }
        var includes = new ArrayList<ConceptSetComponent>(valueSet.getCompose().getInclude());
        includes.addAll(valueSet.getCompose().getExclude());
        for (var include : includes) {
            if (include.hasSystem() && include.hasFilter() && !include.hasConcept() && include.getFilter().stream()
                    .allMatch(f -> f.getOp() == FilterOperator.REGEX && "code".equals(f.getProperty()))) {
                var codeSystem = include.hasVersion() ? context.fetchCodeSystem(include.getSystem(), include.getVersion(), null)
                        : context.fetchCodeSystem(include.getSystem());
                if (codeSystem == null) {
                    continue;
                }
                var patterns = new ArrayList<Pattern>();
                for (var filter : include.getFilter()) {
                    try {
                        patterns.add(Pattern.compile(filter.getValue()));
                    } catch (PatternSyntaxException e) {
                        return; // leave an invalid pattern to the engine, which reports it
                    }
                }
                var matching = new ArrayList<String>();
                collect(codeSystem.getConcept(), patterns, matching);
                include.getFilter().clear();
                if (matching.isEmpty()) {
                    valueSet.getCompose().getInclude().remove(include);
                    valueSet.getCompose().getExclude().remove(include);
                } else {
                    matching.forEach(code -> include.addConcept().setCode(code));
                }
            }
        }
    }

    private static void collect(List<ConceptDefinitionComponent> concepts, List<Pattern> patterns, List<String> into) {
        for (var concept : concepts) {
            if (patterns.stream().allMatch(p -> matches(p, concept.getCode()))) {
                into.add(concept.getCode());
            }
            collect(concept.getConcept(), patterns, into);
        }
    }

    static boolean matches(Pattern pattern, String text) {
        try {
            return pattern.matcher(new BudgetedText(text, new int[] {BUDGET})).matches();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private record BudgetedText(String text, int[] budget) implements CharSequence {

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
