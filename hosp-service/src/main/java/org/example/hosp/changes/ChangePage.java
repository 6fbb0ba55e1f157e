package org.example.hosp.changes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of the change feed and the cursor to continue from. */
public record ChangePage(
        List<ChangeEntry> changes,

        @Schema(description = "Pass as 'after' for the next page; always present, also when the page is empty")
        String next,

        @Schema(description = "True when the page is full and more changes may follow at once")
        boolean more) {}
