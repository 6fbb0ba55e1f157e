package org.example.deathcertificate.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Certificates that arrived from {@code from} to {@code to} (inclusive, Swedish time), without personal data. */
public record Statistics(
        LocalDate from,
        LocalDate to,
        List<Month> months,
        Counts total,

        @Schema(description = "Days from the date of death to arrival (certificates with a complete date of death)")
        LeadTime deathToArrival,

        @Schema(description = "Days from the date of death to the first coding")
        LeadTime deathToCoding,

        Backlog backlog) {

    /** Arrivals in one month by channel; {@code uncoded} of them are still waiting for a coder. */
    public record Month(String month, Counts counts, long coded, long uncoded) {}

    /**
     * @param electronicShare WEBCERT and API arrivals over all arrivals (0–1); null when there are none
     */
    public record Counts(long webcert, long paper, long api, long total, Double electronicShare) {

        static Counts of(long webcert, long paper, long api) {
            long total = webcert + paper + api;
            return new Counts(webcert, paper, api, total, total == 0 ? null : (double) (webcert + api) / total);
        }
    }

    public record LeadTime(long count, Double mean, Double median, Double p90) {}

    /**
     * @param uncoded all certificates waiting for a coder now, whenever they arrived
     * @param oldestUncodedReceivedAt when the oldest of them arrived
     */
    public record Backlog(long uncoded, Instant oldestUncodedReceivedAt, long uncodedInPeriod) {}
}
