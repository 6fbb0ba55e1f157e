package org.example.hosp.register;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** A decision to lift a restriction: from {@code liftedOn} on it no longer applies. */
public record RestrictionLifting(@NotNull LocalDate liftedOn) {}
