package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.lang.Nullable;

/**
 * The input of ConceptMap {@code $translate}, parsed once at the HAPI edge.
 *
 * @param code the code to translate, with the system it is in (source side, or the target side when reversed)
 * @param targetSystem the system the answer should be in, or null for any
 * @param reverse whether the maps are read from target to source
 * @param mapUrl the canonical of the one map to use, or null for every map (or the instance)
 * @param instance the map of an instance-level call, else null
 */
record Translation(
        CodedValue code,
        @Nullable String targetSystem,
        boolean reverse,
        @Nullable String mapUrl,
        @Nullable ConceptMap instance,
        EngineInput engine) {

    static Translation of(TerminologyRequest request, @Nullable ConceptMap instance) {
        var system = request.string("sourceSystem") != null ? request.string("sourceSystem") : request.string("system");
        var code = request.string("sourceCode") != null ? request.string("sourceCode") : request.string("code");
        var coding = request.values("sourceCoding", Coding.class).stream()
                .findFirst()
                .or(() -> request.values("coding", Coding.class).stream().findFirst());
        if (coding.isPresent()) {
            system = coding.get().getSystem();
            code = coding.get().getCode();
        }
        var reverse = request.flag("reverse", false) || code == null && request.string("targetCode") != null;
        if (reverse && request.string("targetCode") != null) {
            code = request.string("targetCode");
            system = request.string("targetSystem");
        }
        if (code == null) {
            throw TerminologyOperationException.of(
                    400,
                    IssueType.REQUIRED,
                    "invalid-data",
                    "Parameter 'sourceCode' (or 'code', 'sourceCoding') is required");
        }
        return new Translation(
                new CodedValue(system, null, code, null),
                reverse ? request.string("sourceSystem") : request.string("targetSystem"),
                reverse,
                request.string("url"),
                instance,
                request.engineInput());
    }
}
