package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.lang.Nullable;

/**
 * The input of CodeSystem {@code $lookup}, parsed once at the HAPI edge.
 *
 * @param coding the code, with the system and version it was asked in (the instance's, for an instance-level call)
 * @param instance the code system of an instance-level call ({@code CodeSystem/{id}/$lookup}), else null
 * @param language the display language asked for ({@code displayLanguage}, else {@code Accept-Language})
 */
record CodeLookup(
        CodedValue coding,
        @Nullable CodeSystem instance,
        @Nullable String language,
        EngineInput engine) {

    static CodeLookup of(TerminologyRequest request, @Nullable CodeSystem instance) {
        var coding = request.values("coding", Coding.class).stream()
                .findFirst()
                .map(CodedValue::of)
                .orElseGet(() -> new CodedValue(
                        instance != null ? instance.getUrl() : request.string("system"),
                        instance != null && instance.hasVersion() ? instance.getVersion() : request.string("version"),
                        request.string("code"),
                        null));
        if (coding.code() == null) {
            throw TerminologyOperationException.of(
                    400, IssueType.REQUIRED, "invalid-data", "Parameter 'code' or 'coding' is required");
        }
        return new CodeLookup(coding, instance, Languages.of(request).preferred(), request.engineInput());
    }
}
