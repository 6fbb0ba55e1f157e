package org.example.hosp.register;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A decision to revoke a licence (restriction 001), from the date given. */
public record LicenceRevocation(
        @NotNull LocalDate revokedOn, @Size(max = 500) String description) {}
