package org.example.fmb.sickleave;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.TypicalCaseContent;
import org.example.fmb.codes.CodeCheck;
import org.example.fmb.codes.CodeValidationService;
import org.example.fmb.content.PublishedContent;
import org.example.fmb.content.PublishedContentService;
import org.example.fmb.sickleave.InvalidSickLeaveException.FieldError;
import org.example.fmb.sickleave.SickLeaveCheckResult.DiagnosisRecommendation;
import org.example.fmb.sickleave.SickLeaveCheckResult.Source;
import org.example.fmb.statistics.CheckOutcome;
import org.example.fmb.statistics.LookupStatisticsService;
import org.springframework.stereotype.Service;

/**
 * Compares a planned sick leave with FMB: total calendar days against the largest recommended maximum
 * over the typical cases that match the diagnosis codes.
 */
@Service
public class SickLeaveCheckService {

    private static final Set<Integer> DEGREES = Set.of(25, 50, 75, 100);
    /** The checks of codes of this form are counted per code (not whatever a caller sends while unverified). */
    private static final java.util.regex.Pattern COUNTED_CODE =
            java.util.regex.Pattern.compile("[A-Z][0-9]{2}[0-9A-Z]{0,4}");
    /** Requested code forms remembered per published picture; beyond that, answers are computed each time. */
    private static final int REMEMBERED_CODES = 10_000;

    private final PublishedContentService content;
    private final CodeValidationService codes;
    private final LookupStatisticsService statistics;
    private volatile Recommendations recommendations = new Recommendations(null);

    SickLeaveCheckService(
            PublishedContentService content, CodeValidationService codes, LookupStatisticsService statistics) {
        this.content = content;
        this.codes = codes;
        this.statistics = statistics;
    }

    public SickLeaveCheckResult check(SickLeaveCheckRequest request) {
        var errors = new ArrayList<FieldError>();
        var periods = request.periods();
        for (int i = 0; i < periods.size(); i++) {
            var period = periods.get(i);
            if (period.to().isBefore(period.from())) {
                errors.add(new FieldError("periods[" + i + "].to", "must not be before from (" + period.from() + ")"));
            }
            if (!DEGREES.contains(period.degree())) {
                errors.add(new FieldError("periods[" + i + "].degree", "must be 25, 50, 75 or 100"));
            }
        }
        for (int j = 0; j < periods.size(); j++) {
            for (int i = 0; i < j; i++) {
                var a = periods.get(i);
                var b = periods.get(j);
                if (!a.to().isBefore(a.from())
                        && !b.to().isBefore(b.from())
                        && !b.from().isAfter(a.to())
                        && !a.from().isAfter(b.to())) {
                    errors.add(new FieldError(
                            "periods[" + j + "].from",
                            "overlaps periods[" + i + "] (" + a.from() + " – " + a.to() + ")"));
                }
            }
        }
        var warnings = new ArrayList<String>();
        var requested = request.icd10Codes();
        for (int i = 0; i < requested.size(); i++) {
            var code = Code.normalized(requested.get(i));
            if (code.length() < 3) {
                errors.add(new FieldError("icd10Codes[" + i + "]", "an ICD-10-SE code has at least three characters"));
                continue;
            }
            var check = codes.icd10(code);
            if (check == CodeCheck.INVALID) {
                errors.add(
                        new FieldError("icd10Codes[" + i + "]", "'" + requested.get(i) + "' is not an ICD-10-SE code"));
            } else if (check == CodeCheck.UNVERIFIED) {
                warnings.add("icd10Codes[" + i + "]: '" + requested.get(i)
                        + "' could not be verified against the code server");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSickLeaveException(errors);
        }

        var periodDays = periods.stream()
                .mapToInt(p -> (int) ChronoUnit.DAYS.between(p.from(), p.to()) + 1)
                .sum();
        var already = request.daysAlreadyOnSickLeave() == null ? 0 : request.daysAlreadyOnSickLeave();
        var total = periodDays + already;

        var snapshot = content.current();
        var recommendations =
                requested.stream().map(code -> recommendation(snapshot, code)).toList();
        Integer maximum = recommendations.stream()
                .map(DiagnosisRecommendation::maximumDays)
                .filter(java.util.Objects::nonNull)
                .max(Integer::compare)
                .orElse(null);
        var sentences = recommendations.stream()
                .filter(r -> r.maximumDays() != null && r.maximumDays().equals(maximum))
                .flatMap(r -> r.sources().stream().map(Source::sentence))
                .distinct()
                .toList();
        if (maximum == null) {
            warnings.add("FMB gives no recommended maximum for these codes");
        }
        var exceeded = maximum != null && total > maximum;
        for (var r : recommendations) {
            var code = Code.normalized(r.code());
            if (COUNTED_CODE.matcher(code).matches()) {
                statistics.countCheck(
                        code,
                        r.maximumDays() == null
                                ? CheckOutcome.NONE
                                : total > r.maximumDays() ? CheckOutcome.OVER : CheckOutcome.WITHIN);
            }
        }
        return new SickLeaveCheckResult(
                total,
                periodDays,
                already,
                maximum,
                exceeded,
                exceeded ? total - maximum : null,
                sentences,
                recommendations,
                warnings);
    }

    /**
     * What FMB recommends today for a code, by the check's rule (the largest maximum over the typical cases of the
     * code's most specific level), without counting it as a lookup.
     */
    public DiagnosisRecommendation recommendationFor(String code) {
        return workOut(content.current(), Code.normalized(code));
    }

    /** What FMB recommends for one requested code, worked out once per published picture and code. */
    private DiagnosisRecommendation recommendation(PublishedContent snapshot, String code) {
        var current = recommendations;
        if (current.snapshot != snapshot) {
            current = new Recommendations(snapshot);
            recommendations = current;
        }
        var recommendation = current.byCode.get(code);
        if (recommendation == null) {
            recommendation = workOut(snapshot, code);
            if (current.byCode.size() < REMEMBERED_CODES) {
                current.byCode.put(code, recommendation);
            }
        }
        if (recommendation.diagnosisId() != null) {
            statistics.count(recommendation.diagnosisId());
        }
        return recommendation;
    }

    private static DiagnosisRecommendation workOut(PublishedContent snapshot, String code) {
        var match = snapshot.byCode(code);
        if (match.isEmpty()) {
            return new DiagnosisRecommendation(code, null, null, null, null, List.of());
        }
        var diagnosis = match.get().diagnosis();
        var cases = matchingCases(diagnosis.content().typicalCases(), Code.normalized(code));
        Integer maximum = cases.stream()
                .map(TypicalCaseContent::maxDays)
                .filter(java.util.Objects::nonNull)
                .max(Integer::compare)
                .orElse(null);
        var sources = maximum == null
                ? List.<Source>of()
                : cases.stream()
                        .filter(tc -> maximum.equals(tc.maxDays()))
                        .map(tc -> new Source(
                                tc.fmbId(),
                                tc.sentence(),
                                tc.maxValue(),
                                tc.maxUnit().fmbCode(),
                                tc.maxDays()))
                        .toList();
        return new DiagnosisRecommendation(
                code,
                match.get().matchedCode(),
                diagnosis.id(),
                diagnosis.content().title(),
                maximum,
                sources);
    }

    private record Recommendations(
            PublishedContent snapshot, ConcurrentHashMap<String, DiagnosisRecommendation> byCode) {
        Recommendations(PublishedContent snapshot) {
            this(snapshot, new ConcurrentHashMap<>());
        }
    }

    /** The typical cases for the most specific level of the code that has any (F321 → F32), else all of them. */
    static List<TypicalCaseContent> matchingCases(List<TypicalCaseContent> cases, String code) {
        for (var candidate = code;
                candidate.length() >= 3;
                candidate = candidate.substring(0, candidate.length() - 1)) {
            var level = candidate;
            var hits = cases.stream()
                    .filter(tc -> tc.icd10Codes().stream()
                            .anyMatch(c -> Code.normalized(c.kod()).equals(level)))
                    .toList();
            if (!hits.isEmpty()) {
                return hits;
            }
        }
        return cases;
    }
}
