package org.example.fmb.statistics;

import java.time.LocalDate;

/** How many times a diagnosis was looked up on a day. */
public record DailyLookups(long diagnosisId, LocalDate day, long lookups) {}
