package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/**
 * A concept found by a text search.
 *
 * @param matchedTerm the alternative term (designation) that matched, when the display itself did not
 */
public record SearchHit(
        String code,
        @Nullable String display,
        ConceptStatus status,
        @Nullable String matchedTerm) {}
