package org.example.fmb.authoring;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A typical case (typfall) of a diagnosis: its sentence, selection criteria and recommended sick leave.
 * {@code fmbId} is the stable FMB id (null for a new case in a draft); {@code keywords} and
 * {@code lastUpdated} are kept by the system. {@code description} and {@code validFrom} are what the FMB source
 * says of the case itself where it differs from its diagnosis (null: "Typfall för diagnosrubriken …" and the
 * diagnosis' validity).
 */
public record TypicalCaseContent(
        Long fmbId,
        String sentence,
        String conditionSentence,
        List<Code> icd10Codes,
        Criteria criteria,
        String recommendation,
        Integer maxValue,
        DurationUnit maxUnit,
        Degree maxDegree,
        List<Code> keywords,
        String versionLabel,
        OffsetDateTime lastUpdated,
        String description,
        java.time.LocalDate validFrom) {

    public TypicalCaseContent(
            Long fmbId,
            String sentence,
            String conditionSentence,
            List<Code> icd10Codes,
            Criteria criteria,
            String recommendation,
            Integer maxValue,
            DurationUnit maxUnit,
            Degree maxDegree,
            List<Code> keywords,
            String versionLabel,
            OffsetDateTime lastUpdated) {
        this(
                fmbId,
                sentence,
                conditionSentence,
                icd10Codes,
                criteria,
                recommendation,
                maxValue,
                maxUnit,
                maxDegree,
                keywords,
                versionLabel,
                lastUpdated,
                null,
                null);
    }

    public TypicalCaseContent {
        icd10Codes = icd10Codes == null ? List.of() : List.copyOf(icd10Codes);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        criteria = criteria == null ? Criteria.none() : criteria;
    }

    public TypicalCaseContent withIcd10Codes(List<Code> codes) {
        return new TypicalCaseContent(
                fmbId,
                sentence,
                conditionSentence,
                codes,
                criteria,
                recommendation,
                maxValue,
                maxUnit,
                maxDegree,
                keywords,
                versionLabel,
                lastUpdated,
                description,
                validFrom);
    }

    public TypicalCaseContent withCriteria(Criteria newCriteria) {
        return new TypicalCaseContent(
                fmbId,
                sentence,
                conditionSentence,
                icd10Codes,
                newCriteria,
                recommendation,
                maxValue,
                maxUnit,
                maxDegree,
                keywords,
                versionLabel,
                lastUpdated,
                description,
                validFrom);
    }

    /** The fields the system keeps (the FMB id, keywords, version label and time of the last change). */
    public TypicalCaseContent withSystemFields(
            Long newFmbId, List<Code> newKeywords, String newVersionLabel, OffsetDateTime newLastUpdated) {
        return new TypicalCaseContent(
                newFmbId,
                sentence,
                conditionSentence,
                icd10Codes,
                criteria,
                recommendation,
                maxValue,
                maxUnit,
                maxDegree,
                newKeywords,
                newVersionLabel,
                newLastUpdated,
                description,
                validFrom);
    }

    /** The recommended maximum in days (value × unit, month = 31 days), or null when the case gives none. */
    public Integer maxDays() {
        return maxValue == null || maxUnit == null ? null : maxValue * maxUnit.days();
    }

    /** Whether two cases say the same thing (same sentence, codes, criteria and recommendation). */
    public boolean sameAs(TypicalCaseContent other) {
        return java.util.Objects.equals(norm(sentence), norm(other.sentence))
                && icd10Codes.equals(other.icd10Codes)
                && criteria.equals(other.criteria)
                && java.util.Objects.equals(maxValue, other.maxValue)
                && maxUnit == other.maxUnit
                && maxDegree == other.maxDegree;
    }

    private static String norm(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ");
    }
}
