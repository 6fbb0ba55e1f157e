package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The cost one request may run up: its value sets may name only so many includes, excludes and filters, and its
 * concept selection must end before a deadline. Either limit answers {@code too-costly} (HTTP 422), as the HL7
 * terminology servers do.
 */
final class ExpansionBudget {

    private static final int CHECK_EVERY = 256;

    private final ExpansionProperties limits;
    private final long deadlineNanos;
    private int steps;

    private ExpansionBudget(ExpansionProperties limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.deadline().toNanos();
    }

    static ExpansionBudget start(ExpansionProperties limits) {
        return new ExpansionBudget(limits);
    }

    /** Refuses a value set whose compose names more includes, excludes or filters than a request may. */
    void admit(org.hl7.fhir.r4.model.ValueSet valueSet) {
        if (!valueSet.hasCompose()) {
            return;
        }
        var parts = new java.util.ArrayList<>(valueSet.getCompose().getInclude());
        parts.addAll(valueSet.getCompose().getExclude());
        admit(parts.size(), parts.stream().mapToInt(p -> p.getFilter().size()).sum());
    }

    /** The same for a value set in the engine's model. */
    void admit(org.hl7.fhir.r5.model.ValueSet valueSet) {
        if (!valueSet.hasCompose()) {
            return;
        }
        var parts = new java.util.ArrayList<>(valueSet.getCompose().getInclude());
        parts.addAll(valueSet.getCompose().getExclude());
        admit(parts.size(), parts.stream().mapToInt(p -> p.getFilter().size()).sum());
    }

    private void admit(int parts, int filters) {
        if (parts > limits.maxComposeParts()) {
            throw tooCostly("The value set has " + parts + " includes and excludes, more than the "
                    + limits.maxComposeParts() + " a request may have");
        }
        if (filters > limits.maxFilters()) {
            throw tooCostly("The value set has " + filters + " filters, more than the " + limits.maxFilters()
                    + " a request may have");
        }
    }

    /** One step of concept selection: past the deadline, the request ends here. Cheap enough to call per concept. */
    void step() {
        if (++steps % CHECK_EVERY == 0) {
            check();
        }
    }

    void check() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw tooCostly("Selecting the concepts of the value set took longer than the "
                    + limits.deadline().toMillis() + " ms a request may take; narrow its filters");
        }
    }

    private static TerminologyOperationException tooCostly(String message) {
        return TerminologyOperationException.of(422, IssueType.TOOCOSTLY, "too-costly", message);
    }
}
