package org.example.codeserver.codesystem;

import java.util.List;
import org.springframework.lang.Nullable;

/** A concept in a JSON download of a version: parents by code, no children (they follow from the parents). */
public record ExportedConcept(
        String code,
        @Nullable String display,
        @Nullable String definition,
        ConceptStatus status,
        List<String> parents,
        List<Designation> designations,
        List<ConceptProperty> properties) {

    static ExportedConcept of(ConceptDetails concept) {
        return new ExportedConcept(
                concept.code(),
                concept.display(),
                concept.definition(),
                concept.status(),
                concept.parents().stream().map(ConceptSummary::code).toList(),
                concept.designations(),
                concept.properties());
    }
}
