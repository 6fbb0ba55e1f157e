package org.example.hosp.register;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A specialist certificate to add to a doctor's or dentist's licence. */
public record NewSpecialistCertificate(
        @NotNull @Pattern(regexp = "[A-Za-z0-9]{1,10}") String specialityCode,
        @Size(max = 200) String specialityName,
        @NotNull LocalDate certifiedOn) {}
