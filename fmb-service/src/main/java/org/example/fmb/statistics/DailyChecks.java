package org.example.fmb.statistics;

import java.time.LocalDate;

/** Sick-leave checks of one code with one outcome on one day. */
public record DailyChecks(LocalDate day, String icd10Code, CheckOutcome outcome, long checks) {}
