package org.example.codeserver.codesystem;

import java.util.List;
import org.springframework.lang.Nullable;

/** A code system resolved to one of its versions. */
public record CodeSystemVersionDetails(
        String slug,
        String url,
        @Nullable String oid,
        List<String> aliasOids,
        String name,
        @Nullable String title,
        @Nullable String publisher,
        @Nullable String description,
        VersionSummary version) {

    static CodeSystemVersionDetails of(CodeSystemSummary system, VersionSummary version) {
        return new CodeSystemVersionDetails(
                system.slug(),
                system.url(),
                system.oid(),
                system.aliasOids(),
                system.name(),
                system.title(),
                system.publisher(),
                system.description(),
                version);
    }
}
