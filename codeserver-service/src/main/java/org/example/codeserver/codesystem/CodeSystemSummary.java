package org.example.codeserver.codesystem;

import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A code system with all its versions, newest first.
 *
 * @param slug short name used in the JSON API paths, e.g. {@code icd-10-se}
 * @param oid OID without {@code urn:oid:}
 */
public record CodeSystemSummary(
        String slug,
        String url,
        @Nullable String oid,
        List<String> aliasOids,
        String name,
        @Nullable String title,
        @Nullable String publisher,
        @Nullable String description,
        List<VersionSummary> versions) {}
