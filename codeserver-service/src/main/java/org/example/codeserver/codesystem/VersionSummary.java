package org.example.codeserver.codesystem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * One version of a code system.
 *
 * @param latest whether this is the version used when a caller names no version (the newest active one)
 * @param content FHIR content mode ({@code complete} for every bundled code system)
 */
public record VersionSummary(
        @Nullable String version,
        PublicationStatus status,
        @Nullable LocalDate effectiveDate,
        @Nullable String language,
        @Nullable String hierarchyMeaning,
        int conceptCount,
        String content,
        boolean caseSensitive,
        boolean latest,
        @Nullable String source,
        Instant importedAt,
        List<PropertyDefinition> properties) {

    /** Whether the version holds every concept of the code system (FHIR content {@code complete}). */
    public boolean contentComplete() {
        return "complete".equals(content);
    }
}
