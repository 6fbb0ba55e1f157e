package org.example.codeserver.codesystem;

/** How code A relates to code B in the hierarchy (FHIR {@code $subsumes} outcome). */
public enum Subsumption {
    EQUIVALENT,
    SUBSUMES,
    SUBSUMED_BY,
    NOT_SUBSUMED;

    /** The FHIR code, e.g. {@code subsumed-by}. */
    public String fhirCode() {
        return name().toLowerCase().replace('_', '-');
    }
}
