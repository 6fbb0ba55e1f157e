package org.example.codeserver.codesystem;

import java.util.List;
import org.springframework.lang.Nullable;

/** What changed from one version of a code system to another: added and removed codes and renamed concepts. */
public record VersionDiff(
        String system,
        @Nullable String fromVersion,
        @Nullable String toVersion,
        List<ConceptSummary> added,
        List<ConceptSummary> removed,
        List<RenamedConcept> renamed) {}
