package org.example.fmb.authoring;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A reference of a diagnosis page (text and link). */
@JsonPropertyOrder({"text", "uri"})
public record Reference(String text, String uri) {

    /** Whether {@code uri} is an absolute http(s) address, the only kind a reference may link to. */
    public static boolean isWebLink(String uri) {
        try {
            var parsed = java.net.URI.create(uri.strip());
            return parsed.getScheme() != null
                    && parsed.getHost() != null
                    && ("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
