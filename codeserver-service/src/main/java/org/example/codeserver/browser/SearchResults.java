package org.example.codeserver.browser;

import java.util.List;
import org.springframework.lang.Nullable;

/**
 * The answer to a search over one or every code system, grouped by code system.
 *
 * @param corrected the query actually searched when the one typed found nothing and a spelling correction did
 * @param total the true number of matching concepts over all groups
 */
public record SearchResults(
        String query, @Nullable String system, @Nullable String corrected, int total, List<SystemHits> groups) {

    /** The matches in one code system: the true total and the first hits, best first. */
    public record SystemHits(String slug, String title, int total, int offset, List<Hit> hits) {}

    /**
     * One matching concept.
     *
     * @param segments the display cut into pieces, the matched words marked
     * @param matchedTerm the alternative term that matched, when the display did not
     */
    public record Hit(
            String code,
            @Nullable String display,
            List<Segment> segments,
            @Nullable String matchedTerm,
            String href) {}
}
