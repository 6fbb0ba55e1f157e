package org.example.fmb.sickleave;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Diagnoses and sick-leave periods to check against FMB's recommendations. */
public record SickLeaveCheckRequest(
        @Schema(description = "ICD-10-SE codes, with or without dot", example = "[\"F32.1\"]") @NotEmpty @Size(max = 20)
        List<@NotBlank @Size(max = 10) String> icd10Codes,

        @NotEmpty @Size(max = 50) List<@Valid @NotNull Period> periods,

        @Schema(description = "Days already on sick leave before these periods (same illness)")
        @PositiveOrZero
        @Max(100_000)
        Integer daysAlreadyOnSickLeave) {

    /** A sick-leave period, both dates included, with its degree in percent (25, 50, 75 or 100). */
    public record Period(
            @NotNull LocalDate from,
            @NotNull LocalDate to,

            @Schema(allowableValues = {"25", "50", "75", "100"}) @NotNull
            Integer degree) {}
}
