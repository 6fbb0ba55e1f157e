package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/** A property that the concepts of a code system version may carry (FHIR {@code CodeSystem.property}). */
public record PropertyDefinition(
        String code,
        @Nullable String uri,
        String type,
        @Nullable String description) {}
