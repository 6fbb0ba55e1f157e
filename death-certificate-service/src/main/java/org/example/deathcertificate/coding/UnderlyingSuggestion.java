package org.example.deathcertificate.coding;

import io.swagger.v3.oas.annotations.media.Schema;

/** A suggested underlying cause from a mechanical rule; the coder decides. */
@Schema(
        description =
                "A suggestion only, from the general principle of the ICD-10 instruction manual applied mechanically")
public record UnderlyingSuggestion(String code, String dotted, String who, String rule, String explanation) {}
