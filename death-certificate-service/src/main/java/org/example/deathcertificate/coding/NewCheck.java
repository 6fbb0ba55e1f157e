package org.example.deathcertificate.coding;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A second coder's verdict on one coding version. */
public record NewCheck(
        @NotNull @Min(1) @Schema(description = "The coding version checked (must be the latest)")
        Integer version,

        @NotNull Boolean agrees,
        @Size(max = 1000) String comment) {}
