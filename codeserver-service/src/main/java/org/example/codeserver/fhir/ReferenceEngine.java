package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CodeSystem;
import org.springframework.stereotype.Component;

/**
 * The terminology operations on FHIR-defined content (stored resources and those the caller sends along), answered by
 * the HL7 reference engine of the FHIR core library in a context borrowed from the {@link TerminologyWorkspace} for
 * the request. Each operation's mapping onto the engine is a class of its own.
 */
@Component
class ReferenceEngine implements TerminologyEngine {

    private final TerminologyWorkspace workspace;

    ReferenceEngine(TerminologyWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Parameters lookup(CodeLookup lookup) {
        try (var lease = workspace.open(lookup.engine().definitions())) {
            return ReferenceLookup.lookup(lease.context(), lookup);
        }
    }

    @Override
    public Parameters validate(CodeValidation validation, ExpansionBudget budget) {
        try (var lease = workspace.open(validation.engine().definitions(), budget)) {
            requireSupplements(lease.context(), validation.engine());
            return ReferenceValidation.validate(lease.context(), validation, budget);
        }
    }

    @Override
    public Parameters subsumes(SubsumptionCheck check) {
        try (var lease = workspace.open(check.engine().definitions())) {
            return ReferenceLookup.subsumes(lease.context(), check);
        }
    }

    @Override
    public ValueSet expand(ValueSetExpansion expansion, ExpansionBudget budget) {
        try (var lease = workspace.open(expansion.engine().definitions(), budget)) {
            requireSupplements(lease.context(), expansion.engine());
            return ReferenceExpansion.expand(lease.context(), expansion, budget);
        }
    }

    /** A supplement asked for by {@code useSupplement} that nobody defines is an error, not silently left out. */
    private static void requireSupplements(SimpleWorkerContext context, EngineInput input) {
        for (var url : input.supplements()) {
            requireSupplement(context, url);
        }
    }

    /**
     * The same for the supplements a value set names with the {@code valueset-supplement} extension (the engine would
     * fail on them later with a bare message): answered 404 with the issue type {@code not-found}.
     */
    static void requireSupplements(SimpleWorkerContext context, org.hl7.fhir.r5.model.ValueSet valueSet) {
        for (var extension : valueSet.getExtension()) {
            if (ValueSetPreparation.SUPPLEMENT.equals(extension.getUrl()) && extension.hasValue()) {
                requireSupplement(context, extension.getValue().primitiveValue());
            }
        }
    }

    private static void requireSupplement(SimpleWorkerContext context, String url) {
        if (context.fetchResource(CodeSystem.class, url) == null) {
            var outcome = new OperationOutcome();
            var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.NOTFOUND);
            issue.addExtension(
                    "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
                    new StringType("VALUESET_SUPPLEMENT_MISSING"));
            issue.getDetails()
                    .addCoding(new Coding("http://hl7.org/fhir/tools/CodeSystem/tx-issue-type", "not-found", null));
            issue.getDetails().setText("Required supplement not found: " + url);
            throw new TerminologyOperationException(404, outcome);
        }
    }

    /** Whether the stored definitions (not the model) define the code system. */
    boolean defines(String system, ExpansionBudget budget) {
        try (var lease = workspace.open(java.util.List.of(), budget)) {
            return lease.context().fetchCodeSystem(system) != null;
        }
    }
}
