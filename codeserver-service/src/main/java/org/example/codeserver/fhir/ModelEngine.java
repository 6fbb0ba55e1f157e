package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.stereotype.Component;

/**
 * The terminology operations on the authority's own code systems (ICD-10-SE, KVÅ, KSH97-P, ICF, …) and on value sets
 * that consist of them only, answered from the in-memory index of the code system model. {@link TerminologyEngines}
 * hands it only requests it can answer.
 */
@Component
class ModelEngine implements TerminologyEngine {

    private final ModelCodeSystems codeSystems;
    private final ModelValueSets valueSets;

    ModelEngine(ModelCodeSystems codeSystems, ModelValueSets valueSets) {
        this.codeSystems = codeSystems;
        this.valueSets = valueSets;
    }

    @Override
    public Parameters lookup(CodeLookup lookup) {
        var coding = lookup.coding();
        var system = codeSystems.codeSystem(coding.system(), coding.version()).orElseThrow();
        return codeSystems.lookup(system, coding.code(), lookup.language());
    }

    @Override
    public Parameters validate(CodeValidation validation, ExpansionBudget budget) {
        var coded = validation.coded();
        var settings = validation.settings();
        if (validation.valueSet() == null) {
            var system = codeSystems
                    .codeSystem(validation.system(), validation.systemVersion())
                    .orElseThrow();
            return codeSystems.validate(
                    system, coded.code(), coded.display(), settings.languages().preferred(), null);
        }
        var valueSet = valueSets.resolve(validation.valueSet()).orElseThrow();
        var systemUrl = systemIn(validation, valueSet);
        var system = codeSystems.codeSystem(systemUrl, coded.version());
        if (system.isEmpty()) {
            return UnknownCodeSystem.validation(coded.system(), coded.code(), valueSet.getUrl());
        }
        if (valueSets.contains(valueSet, systemUrl, coded.code(), budget)) {
            return codeSystems.validate(
                    system.get(),
                    coded.code(),
                    coded.display(),
                    settings.languages().preferred(),
                    null);
        }
        return codeSystems.notFound(system.get(), coded.code(), valueSet.getUrl());
    }

    /** The system a code is checked in against a value set of the model: its own, else the value set's first. */
    static String systemIn(CodeValidation validation, ValueSet valueSet) {
        return validation.coded().system() != null
                ? validation.coded().system()
                : valueSet.getCompose().getIncludeFirstRep().getSystem();
    }

    @Override
    public Parameters subsumes(SubsumptionCheck check) {
        var system = codeSystems.codeSystem(check.system(), check.a().version()).orElseThrow();
        return codeSystems.subsumes(system, check.a().code(), check.b().code());
    }

    @Override
    public ValueSet expand(ValueSetExpansion expansion, ExpansionBudget budget) {
        var valueSet = valueSets.resolve(expansion.valueSet()).orElseThrow();
        return valueSets.expand(
                valueSet,
                expansion.filter(),
                expansion.paging().offset(),
                expansion.paging().count(),
                expansion.activeOnly(),
                expansion.languages().preferred(),
                expansion.echoed(),
                budget);
    }
}
