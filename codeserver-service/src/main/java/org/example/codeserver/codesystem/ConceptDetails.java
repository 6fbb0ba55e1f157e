package org.example.codeserver.codesystem;

import java.util.List;
import org.springframework.lang.Nullable;

/**
 * Everything known about one concept in one code system version.
 *
 * @param system canonical URL of the code system
 * @param version the version that answered
 * @param code the code as stored (ICD-10-SE without dot, e.g. {@code F321})
 */
public record ConceptDetails(
        String system,
        @Nullable String version,
        String code,
        @Nullable String display,
        @Nullable String definition,
        ConceptStatus status,
        List<Designation> designations,
        List<ConceptProperty> properties,
        List<ConceptSummary> parents,
        List<ConceptSummary> children) {

    static ConceptDetails of(String system, @Nullable String version, IndexedConcept concept) {
        return new ConceptDetails(
                system,
                version,
                concept.code(),
                concept.display(),
                concept.definition(),
                concept.status(),
                concept.designations(),
                concept.properties(),
                concept.parents().stream().map(ConceptSummary::of).toList(),
                concept.children().stream().map(ConceptSummary::of).toList());
    }
}
