package org.example.hosp.register;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** A licence to issue: the profession's two-letter code and the date of issue. */
public record NewLicence(
        @NotNull @Pattern(regexp = "[A-Z]{2}") String professionCode,
        @NotNull LocalDate licensedOn) {}
