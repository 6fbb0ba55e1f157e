package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.springframework.lang.Nullable;

/** One code as an operation received it: the code, the system it claims (URL, OID or none), a version, a display. */
record CodedValue(
        @Nullable String system,
        @Nullable String version,
        @Nullable String code,
        @Nullable String display) {

    static CodedValue of(Coding coding) {
        return new CodedValue(coding.getSystem(), coding.getVersion(), coding.getCode(), coding.getDisplay());
    }
}
