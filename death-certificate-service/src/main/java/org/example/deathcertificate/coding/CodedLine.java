package org.example.deathcertificate.coding;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The codes a coder gives one line of the certificate. */
public record CodedLine(
        @NotBlank
        @Schema(
                description = "A–D (cause chain), 10.1–10.8 (contributing), 12 (how the injury came about)",
                example = "A")
        String line,

        @NotNull
        @Size(min = 1, max = 6)
        @Schema(description = "ICD-10-SE codes, with or without dot", example = "[\"I21.9\"]")
        List<@NotBlank String> codes) {

    public CodedLine {
        codes = codes == null ? null : List.copyOf(codes);
    }
}
