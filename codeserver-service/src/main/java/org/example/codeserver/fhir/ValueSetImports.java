package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.utilities.i18n.I18nConstants;

/**
 * The value sets a value set imports ({@code compose.include.valueSet} and {@code compose.exclude.valueSet}), followed
 * before the engine runs: a value set that imports itself, directly or through others, is refused with 400 and the
 * issue type {@code vs-invalid} (the engine would stop on the circle with a bare processing error).
 */
final class ValueSetImports {

    private ValueSetImports() {}

    static void requireNoCircle(SimpleWorkerContext context, ValueSet valueSet) {
        follow(context, valueSet, new ArrayList<>(), new HashSet<>());
    }

    /** Depth first; {@code done} holds the value sets whose imports are known to end, so none is walked twice. */
    private static void follow(SimpleWorkerContext context, ValueSet valueSet, List<String> pathway, Set<String> done) {
        var here = valueSet.getVersionedUrl();
        if (pathway.contains(here)) {
            throw circle(context, here, pathway);
        }
        if (!done.add(here)) {
            return;
        }
        pathway.add(here);
        var sets = new ArrayList<>(valueSet.getCompose().getInclude());
        sets.addAll(valueSet.getCompose().getExclude());
        for (var set : sets) {
            for (var imported : set.getValueSet()) {
                var target = context.fetchResource(ValueSet.class, imported.getValue());
                if (target != null) {
                    follow(context, target, pathway, done);
                }
            }
        }
        pathway.remove(pathway.size() - 1);
    }

    private static TerminologyOperationException circle(
            SimpleWorkerContext context, String valueSet, List<String> pathway) {
        var outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.PROCESSING);
        issue.addExtension(
                "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
                new StringType(I18nConstants.VALUESET_CIRCULAR_REFERENCE));
        issue.getDetails()
                .addCoding(new Coding("http://hl7.org/fhir/tools/CodeSystem/tx-issue-type", "vs-invalid", null));
        issue.getDetails()
                .setText(
                        context.formatMessage(I18nConstants.VALUESET_CIRCULAR_REFERENCE, valueSet, pathway.toString()));
        return new TerminologyOperationException(400, outcome);
    }
}
