package org.example.codeserver.importing;

import java.time.LocalDate;
import java.util.List;
import org.example.codeserver.codesystem.PublicationStatus;
import org.springframework.lang.Nullable;

/**
 * What the files do not say about the code system: its identity and version. Values given override what a file says
 * (FHIR, custom CSV); the defaults of each format apply to what is left out.
 */
public record ImportMetadata(
        @Nullable String url,
        @Nullable String oid,
        List<String> aliasOids,
        @Nullable String slug,
        @Nullable String name,
        @Nullable String title,
        @Nullable String publisher,
        @Nullable String version,
        @Nullable PublicationStatus status,
        @Nullable LocalDate effectiveDate) {

    public ImportMetadata {
        aliasOids = aliasOids == null ? List.of() : List.copyOf(aliasOids);
    }

    static ImportMetadata none() {
        return new ImportMetadata(null, null, List.of(), null, null, null, null, null, null, null);
    }

    static String or(@Nullable String given, @Nullable String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }
}
