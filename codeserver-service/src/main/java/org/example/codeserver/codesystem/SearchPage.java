package org.example.codeserver.codesystem;

import java.util.List;
import org.springframework.lang.Nullable;

/**
 * One page of search results, best first.
 *
 * @param total the true number of matching concepts, not the page size
 */
public record SearchPage(
        String system, @Nullable String version, String query, int total, int offset, List<SearchHit> hits) {}
