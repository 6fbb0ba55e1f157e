package org.example.codeserver.codesystem;

/** Status of a code system version, as FHIR's publication status (draft, active, retired). */
public enum PublicationStatus {
    DRAFT,
    ACTIVE,
    RETIRED
}
