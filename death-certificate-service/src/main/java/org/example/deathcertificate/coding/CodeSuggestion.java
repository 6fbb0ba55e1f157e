package org.example.deathcertificate.coding;

import io.swagger.v3.oas.annotations.media.Schema;

/** A code the code server finds for a line's text, best first. */
public record CodeSuggestion(
        @Schema(description = "ICD-10-SE, without dot", example = "I219")
        String code,

        @Schema(example = "I21.9") String dotted,
        String display,

        @Schema(description = "The code at WHO ICD-10 level (no Swedish extension)", example = "I21.9")
        String who) {}
