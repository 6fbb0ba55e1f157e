package org.example.fmb.adherence;

import java.time.Instant;
import java.time.YearMonth;

/**
 * An upload of episodes: how many, how many had no recommended maximum (a code FMB has no diagnosis or no maximum
 * for), and the months their starts span.
 */
public record UploadSummary(
        long id,
        Instant uploadedAt,
        long episodes,
        long withoutRecommendation,
        YearMonth firstMonth,
        YearMonth lastMonth) {}
