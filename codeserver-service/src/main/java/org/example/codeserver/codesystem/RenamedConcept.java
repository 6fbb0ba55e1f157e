package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/** A code present in both versions whose display text changed. */
public record RenamedConcept(
        String code, @Nullable String fromDisplay, @Nullable String toDisplay) {}
