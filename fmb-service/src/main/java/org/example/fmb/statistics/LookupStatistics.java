package org.example.fmb.statistics;

import java.time.LocalDate;
import java.util.List;

/** Lookups in a period: per diagnosis and day, and the total. */
public record LookupStatistics(LocalDate from, LocalDate to, long total, List<DailyLookups> days) {}
