package org.example.codeserver.codesystem;

import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A concept to import.
 *
 * @param parents codes of the parent concepts in the same version (several are allowed, FHIR poly-hierarchy)
 * @param line line (or row) of the source file the concept came from, used in error messages; 0 when unknown
 */
public record NewConcept(
        String code,
        @Nullable String display,
        @Nullable String definition,
        ConceptStatus status,
        List<String> parents,
        List<Designation> designations,
        List<ConceptProperty> properties,
        int line) {

    public NewConcept {
        parents = List.copyOf(parents);
        designations = List.copyOf(designations);
        properties = List.copyOf(properties);
    }

    /** An active concept with a display, at most one parent and no designations. */
    public static NewConcept of(String code, String display, @Nullable String parent, int line) {
        return new NewConcept(
                code,
                display,
                null,
                ConceptStatus.ACTIVE,
                parent == null ? List.of() : List.of(parent),
                List.of(),
                List.of(),
                line);
    }
}
