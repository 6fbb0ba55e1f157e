package org.example.fmb.sickleave;

import java.util.List;

/**
 * The answer of a sick-leave check. {@code totalDays} = {@code daysAlreadyOnSickLeave} + the calendar
 * days of all periods, both ends included, whatever their degree (Webcert's rule: a day at 25 % is a day).
 */
public record SickLeaveCheckResult(
        int totalDays,
        int periodDays,
        int daysAlreadyOnSickLeave,
        Integer recommendedMaximumDays,
        boolean exceeded,
        Integer daysOverRecommendation,
        List<String> sourceSentences,
        List<DiagnosisRecommendation> diagnoses,
        List<String> warnings) {

    /** What FMB recommends for one requested code. */
    public record DiagnosisRecommendation(
            String code,
            String matchedCode,
            Long diagnosisId,
            String title,
            Integer maximumDays,
            List<Source> sources) {}

    /** A typical case that gives the maximum: its sentence and value × unit (d = 1, wk = 7, mo = 31 days). */
    public record Source(long typicalCaseId, String sentence, int maxValue, String unit, int maxDays) {}
}
