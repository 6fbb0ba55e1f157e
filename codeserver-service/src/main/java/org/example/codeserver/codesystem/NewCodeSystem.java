package org.example.codeserver.codesystem;

import java.time.LocalDate;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * One version of a code system to import, as parsed from a file or a FHIR CodeSystem resource. Every importer
 * produces this; {@link CodeSystemImportService#importVersion(NewCodeSystem)} stores it in one transaction.
 *
 * @param url canonical URL, e.g. {@code http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se}
 * @param oid OID without {@code urn:oid:}, e.g. {@code 1.2.752.116.1.1.1}
 * @param aliasOids further OIDs that name the same code system
 * @param slug short name used in the JSON API paths; {@code null} = the last path segment of the URL
 * @param version version string; {@code null} for a FHIR code system that has none
 * @param hierarchyMeaning FHIR hierarchy meaning ({@code is-a}, {@code part-of}, {@code grouped-by}, ...)
 * @param content FHIR content mode ({@code complete}, {@code fragment}, {@code not-present}, ...)
 * @param source where the content came from (file names), for the record
 */
public record NewCodeSystem(
        String url,
        @Nullable String oid,
        List<String> aliasOids,
        @Nullable String slug,
        String name,
        @Nullable String title,
        @Nullable String publisher,
        @Nullable String description,
        @Nullable String version,
        PublicationStatus status,
        @Nullable LocalDate effectiveDate,
        @Nullable String language,
        @Nullable String hierarchyMeaning,
        String content,
        boolean caseSensitive,
        @Nullable String source,
        List<PropertyDefinition> properties,
        List<NewConcept> concepts) {

    public NewCodeSystem {
        aliasOids = List.copyOf(aliasOids);
        properties = List.copyOf(properties);
        concepts = List.copyOf(concepts);
    }

    /** The slug to use: the given one or the last path segment of the canonical URL. */
    public String effectiveSlug() {
        if (slug != null && !slug.isBlank()) {
            return slug;
        }
        var trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        var last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return last.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** The same code system with other concepts (used by importers that build the header first). */
    public NewCodeSystem withConcepts(List<NewConcept> newConcepts) {
        return new NewCodeSystem(
                url,
                oid,
                aliasOids,
                slug,
                name,
                title,
                publisher,
                description,
                version,
                status,
                effectiveDate,
                language,
                hierarchyMeaning,
                content,
                caseSensitive,
                source,
                properties,
                newConcepts);
    }
}
