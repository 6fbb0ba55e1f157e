package org.example.codeserver.fhir;

import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.lang.Nullable;

/**
 * The value set an operation works on: sent whole (the instance of {@code ValueSet/{id}/$…} or a {@code valueSet}
 * parameter), or named by canonical URL ({@code url}, or a {@code valueSet} uri) and version.
 *
 * @param url the canonical URL without version, when the value set is named
 * @param version the version asked for ({@code valueSetVersion}, or the {@code |version} of the URL)
 * @param resource the value set itself, when the request carries it
 */
record ValueSetSource(
        @Nullable String url,
        @Nullable String version,
        @Nullable ValueSet resource) {

    static ValueSetSource of(TerminologyRequest request, @Nullable ValueSet instance) {
        var resource = instance != null ? instance : request.resource("valueSet", ValueSet.class);
        var url = request.string("url");
        if (url == null && resource == null) {
            url = request.string("valueSet");
        }
        var version = request.string("valueSetVersion");
        if (url != null && url.contains("|")) {
            version = url.substring(url.indexOf('|') + 1);
            url = url.substring(0, url.indexOf('|'));
        }
        return new ValueSetSource(url, version, resource);
    }

    /** Whether the request carries the value set itself rather than naming a stored one. */
    boolean sent() {
        return resource != null;
    }

    /** The code system of an implicit value set ({@code <system>?vs} or {@code ?fhir_vs}), else null. */
    @Nullable
    String implicitSystem() {
        if (url == null) {
            return null;
        }
        if (url.endsWith("?vs")) {
            return url.substring(0, url.length() - 3);
        }
        return url.endsWith("?fhir_vs") ? url.substring(0, url.length() - 8) : null;
    }
}
