package org.example.deathcertificate.export;

import java.time.Year;
import java.time.YearMonth;

/** A year or a month of deaths (by the date of death; a partial date counts in the year or month it names). */
public record ExportPeriod(String prefix) {

    public static ExportPeriod of(Year year, YearMonth month) {
        if ((year == null) == (month == null)) {
            throw new InvalidExportPeriodException();
        }
        return new ExportPeriod(year != null ? String.format("%04d", year.getValue()) : month.toString());
    }

    /** Matches date_of_death_text (YYYY-MM-DD, with 00 for unknown parts). */
    String likePattern() {
        return prefix + "-%";
    }
}
