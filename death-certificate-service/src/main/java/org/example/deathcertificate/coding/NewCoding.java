package org.example.deathcertificate.coding;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A coder's coding of a certificate: codes for every line and the chosen underlying cause. */
public record NewCoding(
        @Schema(description = "The version this coding builds on (the latest one); absent for the first coding")
        Integer basedOnVersion,

        @NotEmpty @Size(max = 13) List<@Valid CodedLine> lines,

        @NotBlank @Schema(description = "The underlying cause of death, ICD-10-SE", example = "I25.1")
        String underlyingCause,

        @Size(max = 1000) String note) {

    public NewCoding {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
