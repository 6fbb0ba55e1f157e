package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.lang.Nullable;

/**
 * The input of {@code $validate-code} (CodeSystem, ValueSet and each part of {@code $batch-validate-code}), parsed
 * once at the HAPI edge.
 *
 * @param kind how the code came: a bare {@code code}, a {@code coding} or a {@code codeableConcept}
 * @param coded the code checked by this service's own model: the code (with the system and version it names), the
 *     coding, or the first coding of the codeable concept
 * @param codeSystem for CodeSystem {@code $validate-code}: the code system named by {@code url}/{@code version} or by
 *     the instance (either may be absent, then the coding names it); null for a value set
 * @param valueSet for ValueSet {@code $validate-code}: the value set; null for a code system
 * @param received the coding or codeable concept as received, for the HL7 engine; null for a bare code
 */
record CodeValidation(
        Kind kind,
        CodedValue coded,
        @Nullable Type received,
        @Nullable CodedValue codeSystem,
        @Nullable ValueSetSource valueSet,
        ValidationSettings settings,
        EngineInput engine) {

    enum Kind {
        CODE,
        CODING,
        CODEABLE_CONCEPT
    }

    /** CodeSystem {@code $validate-code}, at type level or on an instance. */
    static CodeValidation inCodeSystem(TerminologyRequest request, @Nullable CodeSystem instance) {
        var url = instance != null ? instance.getUrl() : request.string("url");
        var version = request.string("version") != null
                ? request.string("version")
                : instance != null && instance.hasVersion() ? instance.getVersion() : null;
        var codeSystem = new CodedValue(url, version, null, null);
        var kind = kind(request);
        var coded = kind == Kind.CODE
                ? new CodedValue(
                        url != null ? url : request.string("system"),
                        version,
                        request.string("code"),
                        request.string("display"))
                : firstCoding(request, kind);
        return new CodeValidation(
                kind,
                coded,
                received(request, kind),
                codeSystem,
                null,
                ValidationSettings.of(request),
                request.engineInput());
    }

    /** ValueSet {@code $validate-code}, at type level, on an instance, or as one part of a batch. */
    static CodeValidation inValueSet(TerminologyRequest request, @Nullable ValueSet instance) {
        var kind = kind(request);
        var coded = kind == Kind.CODE
                ? new CodedValue(
                        request.string("system"),
                        request.string("systemVersion"),
                        request.string("code"),
                        request.string("display"))
                : firstCoding(request, kind);
        return new CodeValidation(
                kind,
                coded,
                received(request, kind),
                null,
                ValueSetSource.of(request, instance),
                ValidationSettings.of(request),
                request.engineInput());
    }

    /** The system the code is checked in: the code system named by the operation, else the coding's. */
    @Nullable
    String system() {
        return codeSystem != null && codeSystem.system() != null ? codeSystem.system() : coded.system();
    }

    /** The version of that system asked for: the operation's, else the coding's. */
    @Nullable
    String systemVersion() {
        return codeSystem != null && codeSystem.version() != null ? codeSystem.version() : coded.version();
    }

    private static Kind kind(TerminologyRequest request) {
        if (request.string("code") != null) {
            return Kind.CODE;
        }
        if (!request.values("coding", Coding.class).isEmpty()) {
            return Kind.CODING;
        }
        if (!request.values("codeableConcept", CodeableConcept.class).isEmpty()) {
            return Kind.CODEABLE_CONCEPT;
        }
        // the HL7 terminology servers' wording, parenthesis and all
        throw TerminologyOperationException.of(
                400,
                IssueType.INVALID,
                null,
                "Unable to find code to validate (looked for coding | codeableConcept | code+system"
                        + " | code+inferSystem in parameters");
    }

    @Nullable
    private static Type received(TerminologyRequest request, Kind kind) {
        return switch (kind) {
            case CODE -> null;
            case CODING -> request.values("coding", Coding.class).get(0);
            case CODEABLE_CONCEPT ->
                request.values("codeableConcept", CodeableConcept.class).get(0);
        };
    }

    private static CodedValue firstCoding(TerminologyRequest request, Kind kind) {
        if (kind == Kind.CODING) {
            return CodedValue.of(request.values("coding", Coding.class).get(0));
        }
        var concept = request.values("codeableConcept", CodeableConcept.class).get(0);
        return concept.hasCoding()
                ? CodedValue.of(concept.getCodingFirstRep())
                : new CodedValue(null, null, null, null);
    }
}
