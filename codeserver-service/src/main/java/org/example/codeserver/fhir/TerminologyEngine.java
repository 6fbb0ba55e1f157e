package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * One way of answering the terminology operations: {@link ModelEngine} answers from the index of the authority's own
 * code systems, {@link ReferenceEngine} with the HL7 reference engine over FHIR-defined content. Which one answers a
 * request is chosen once, by {@link TerminologyEngines}.
 */
interface TerminologyEngine {

    Parameters lookup(CodeLookup lookup);

    Parameters validate(CodeValidation validation, ExpansionBudget budget);

    Parameters subsumes(SubsumptionCheck check);

    ValueSet expand(ValueSetExpansion expansion, ExpansionBudget budget);
}
