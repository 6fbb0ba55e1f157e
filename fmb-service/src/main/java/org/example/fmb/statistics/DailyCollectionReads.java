package org.example.fmb.statistics;

import java.time.LocalDate;

/** Reads of one Webcert collection by one client on one day. */
public record DailyCollectionReads(LocalDate day, String client, String collection, long reads) {}
