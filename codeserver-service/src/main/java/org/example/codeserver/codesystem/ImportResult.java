package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/** The outcome of an import: which version was stored, how many concepts, and how long it took. */
public record ImportResult(
        String slug, String url, @Nullable String version, int conceptCount, long millis) {}
