package org.example.codeserver.fhir;

import org.springframework.stereotype.Component;

/**
 * Chooses, once per request, the engine that answers it: the code system model when the request lies wholly in it
 * (and the caller sent no definitions of its own), else the HL7 reference engine.
 */
@Component
class TerminologyEngines {

    private final ModelEngine model;
    private final ReferenceEngine reference;
    private final ModelCodeSystems codeSystems;
    private final ModelValueSets valueSets;
    private final ExpansionProperties limits;

    TerminologyEngines(
            ModelEngine model,
            ReferenceEngine reference,
            ModelCodeSystems codeSystems,
            ModelValueSets valueSets,
            ExpansionProperties limits) {
        this.model = model;
        this.reference = reference;
        this.codeSystems = codeSystems;
        this.valueSets = valueSets;
        this.limits = limits;
    }

    /** The cost budget of one request, started now. */
    ExpansionBudget budget() {
        return ExpansionBudget.start(limits);
    }

    TerminologyEngine forLookup(CodeLookup lookup) {
        var coding = lookup.coding();
        return !lookup.engine().definitionsSent()
                        && codeSystems
                                .codeSystem(coding.system(), coding.version())
                                .isPresent()
                ? model
                : reference;
    }

    TerminologyEngine forSubsumption(SubsumptionCheck check) {
        return !check.engine().definitionsSent()
                        && codeSystems
                                .codeSystem(check.system(), check.a().version())
                                .isPresent()
                ? model
                : reference;
    }

    /**
     * The model for a code in one of its code systems, or checked against a value set that lies wholly in it; also for
     * a code whose system nobody defines, so that it is answered as unknown rather than guessed at.
     */
    TerminologyEngine forValidation(CodeValidation validation, ExpansionBudget budget) {
        if (validation.engine().definitionsSent() || validation.coded().code() == null) {
            return reference;
        }
        if (validation.valueSet() == null) {
            return codeSystems
                            .codeSystem(validation.system(), validation.systemVersion())
                            .isPresent()
                    ? model
                    : reference;
        }
        var valueSet = valueSets.resolve(validation.valueSet());
        if (valueSet.isEmpty()) {
            return reference;
        }
        var system = ModelEngine.systemIn(validation, valueSet.get());
        if (codeSystems.codeSystem(system, validation.coded().version()).isPresent()) {
            return model;
        }
        var claimed = validation.coded().system();
        return claimed != null && !codeSystems.knows(claimed) && !reference.defines(claimed, budget)
                ? model
                : reference;
    }

    TerminologyEngine forExpansion(ValueSetExpansion expansion) {
        return !expansion.engine().definitionsSent()
                        && valueSets.resolve(expansion.valueSet()).isPresent()
                ? model
                : reference;
    }
}
