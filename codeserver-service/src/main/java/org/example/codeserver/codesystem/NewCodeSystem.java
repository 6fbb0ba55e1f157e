package org.example.codeserver.codesystem;

import java.time.LocalDate;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * One version of a code system to import, as parsed from a file or a FHIR CodeSystem resource. Every importer
 * produces this; {@link CodeSystemImportService#importVersion(NewCodeSystem)} stores it in one transaction. It has
 * three parts: which code system it is, which release of it, and how it defines its concepts. The accessors of the
 * parts' fields are repeated here for readers.
 */
public record NewCodeSystem(Identity identity, Release release, Definition definition) {

    /**
     * Which code system this is.
     *
     * @param url canonical URL, e.g. {@code http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se}
     * @param oid OID without {@code urn:oid:}, e.g. {@code 1.2.752.116.1.1.1}
     * @param aliasOids further OIDs that name the same code system
     * @param slug short name used in the JSON API paths; {@code null} = the last path segment of the URL
     */
    public record Identity(
            String url,
            @Nullable String oid,
            List<String> aliasOids,
            @Nullable String slug,
            String name,
            @Nullable String title,
            @Nullable String publisher,
            @Nullable String description) {

        public Identity {
            aliasOids = List.copyOf(aliasOids);
        }
    }

    /**
     * Which release of it.
     *
     * @param version version string; {@code null} for a FHIR code system that has none
     */
    public record Release(
            @Nullable String version,
            PublicationStatus status,
            @Nullable LocalDate effectiveDate,
            @Nullable String language) {}

    /**
     * How it defines its concepts.
     *
     * @param hierarchyMeaning FHIR hierarchy meaning ({@code is-a}, {@code part-of}, {@code grouped-by}, ...)
     * @param content FHIR content mode ({@code complete}, {@code fragment}, {@code not-present}, ...)
     * @param source where the content came from (file names), for the record
     */
    public record Definition(
            @Nullable String hierarchyMeaning,
            String content,
            boolean caseSensitive,
            @Nullable String source,
            List<PropertyDefinition> properties,
            List<NewConcept> concepts) {

        public Definition {
            properties = List.copyOf(properties);
            concepts = List.copyOf(concepts);
        }
    }

    public String url() {
        return identity.url();
    }

    @Nullable
    public String oid() {
        return identity.oid();
    }

    public List<String> aliasOids() {
        return identity.aliasOids();
    }

    @Nullable
    public String slug() {
        return identity.slug();
    }

    public String name() {
        return identity.name();
    }

    @Nullable
    public String title() {
        return identity.title();
    }

    @Nullable
    public String publisher() {
        return identity.publisher();
    }

    @Nullable
    public String description() {
        return identity.description();
    }

    @Nullable
    public String version() {
        return release.version();
    }

    public PublicationStatus status() {
        return release.status();
    }

    @Nullable
    public LocalDate effectiveDate() {
        return release.effectiveDate();
    }

    @Nullable
    public String language() {
        return release.language();
    }

    @Nullable
    public String hierarchyMeaning() {
        return definition.hierarchyMeaning();
    }

    public String content() {
        return definition.content();
    }

    public boolean caseSensitive() {
        return definition.caseSensitive();
    }

    @Nullable
    public String source() {
        return definition.source();
    }

    public List<PropertyDefinition> properties() {
        return definition.properties();
    }

    public List<NewConcept> concepts() {
        return definition.concepts();
    }

    /** The slug to use: the given one or the last path segment of the canonical URL. */
    public String effectiveSlug() {
        var slug = identity.slug();
        if (slug != null && !slug.isBlank()) {
            return slug;
        }
        var url = identity.url();
        var trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        var last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return last.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** The same code system with other concepts (used by importers that build the header first). */
    public NewCodeSystem withConcepts(List<NewConcept> newConcepts) {
        return new NewCodeSystem(
                identity,
                release,
                new Definition(
                        definition.hierarchyMeaning(),
                        definition.content(),
                        definition.caseSensitive(),
                        definition.source(),
                        definition.properties(),
                        newConcepts));
    }
}
