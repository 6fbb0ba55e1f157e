package org.example.hosp.register;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A trial period (002) or limited prescribing right (003) on a licence; revocation (001) has its own request. */
public record NewRestriction(
        @NotNull @Pattern(regexp = "002|003", message = "must be 002 (trial period) or 003 (limited prescribing)")
        String code,

        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @Size(max = 500) String description) {}
