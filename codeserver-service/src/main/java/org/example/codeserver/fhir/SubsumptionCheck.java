package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.lang.Nullable;

/**
 * The input of CodeSystem {@code $subsumes}, parsed once at the HAPI edge: two codes of one code system.
 *
 * @param instance the code system of an instance-level call, else null
 */
record SubsumptionCheck(
        CodedValue a, CodedValue b, @Nullable CodeSystem instance, EngineInput engine) {

    static SubsumptionCheck of(TerminologyRequest request, @Nullable CodeSystem instance) {
        return new SubsumptionCheck(
                coding(request, instance, "codeA", "codingA"),
                coding(request, instance, "codeB", "codingB"),
                instance,
                request.engineInput());
    }

    /** The system both codes are from: the first one that names one. */
    @Nullable
    String system() {
        return a.system() != null ? a.system() : b.system();
    }

    private static CodedValue coding(
            TerminologyRequest request, @Nullable CodeSystem instance, String codeName, String codingName) {
        var coding = request.values(codingName, Coding.class).stream()
                .findFirst()
                .map(CodedValue::of)
                .orElseGet(() -> new CodedValue(
                        instance != null ? instance.getUrl() : request.string("system"),
                        instance != null && instance.hasVersion() ? instance.getVersion() : request.string("version"),
                        request.string(codeName),
                        null));
        if (coding.code() == null) {
            throw TerminologyOperationException.of(
                    400,
                    IssueType.REQUIRED,
                    "invalid-data",
                    "Parameter '" + codeName + "' or '" + codingName + "' is required");
        }
        return coding;
    }
}
