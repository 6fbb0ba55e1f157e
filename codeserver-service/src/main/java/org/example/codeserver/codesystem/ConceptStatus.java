package org.example.codeserver.codesystem;

/** Whether a concept may still be used in new records. */
public enum ConceptStatus {
    ACTIVE,
    INACTIVE
}
