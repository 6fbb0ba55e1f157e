package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/** A concept by code, display and status, as listed in hierarchies, diffs and pages. */
public record ConceptSummary(String code, @Nullable String display, ConceptStatus status) {

    static ConceptSummary of(IndexedConcept concept) {
        return new ConceptSummary(concept.code(), concept.display(), concept.status());
    }
}
