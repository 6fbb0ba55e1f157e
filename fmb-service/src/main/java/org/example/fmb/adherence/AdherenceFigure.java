package org.example.fmb.adherence;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.YearMonth;
import java.util.Locale;

/**
 * How sick-leave lengths compare with FMB for one diagnosis, in one region (or all: {@code region} empty) and one
 * month of the start (or all: {@code month} null). Lengths are calendar days.
 */
public record AdherenceFigure(
        long diagnosisId,
        String title,
        String region,
        String regionName,
        YearMonth month,
        long episodes,
        int medianDays,
        int p75Days,
        int p90Days,

        @Schema(description = "The recommended maximum in days (the largest over the diagnosis' codes), or null")
        Integer maxDays,

        @Schema(description = "The share of episodes no longer than the recommended maximum of their code, or null")
        Double withinMaxShare) {

    static final String CSV_HEADER = "diagnosis_id,title,region,region_name,month,episodes,median_days,p75_days,"
            + "p90_days,max_days,within_max_share\n";

    static AdherenceFigure of(AdherenceRepository.Figure f, String title) {
        return new AdherenceFigure(
                f.diagnosisId(),
                title,
                f.region(),
                Region.titleOf(f.region()),
                f.month(),
                f.episodes(),
                f.medianDays(),
                f.p75Days(),
                f.p90Days(),
                f.maxDays(),
                f.maxDays() == null ? null : (double) f.withinMax() / f.episodes());
    }

    String csvRow() {
        return String.join(
                        ",",
                        Long.toString(diagnosisId),
                        quoted(title),
                        region,
                        quoted(regionName),
                        month == null ? "" : month.toString(),
                        Long.toString(episodes),
                        Integer.toString(medianDays),
                        Integer.toString(p75Days),
                        Integer.toString(p90Days),
                        maxDays == null ? "" : maxDays.toString(),
                        withinMaxShare == null ? "" : String.format(Locale.ROOT, "%.4f", withinMaxShare))
                + "\n";
    }

    private static String quoted(String text) {
        return text == null ? "" : '"' + text.replace("\"", "\"\"") + '"';
    }
}
