package org.example.fmb.diagnosis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.Criteria;
import org.example.fmb.authoring.MarkupPolicy;
import org.example.fmb.authoring.PublishedDiagnosis;
import org.example.fmb.authoring.Reference;
import org.example.fmb.authoring.TypicalCaseContent;

/** A published diagnosis page with every section and its typical cases. */
public record DiagnosisDetails(
        long id,
        int version,
        LocalDate validFrom,
        LocalDate validTo,
        OffsetDateTime lastUpdated,
        String title,
        CodeItem diseaseGroup,
        List<CodeItem> icd10Codes,
        String insuranceMedicalInformation,
        String symptomsPrognosisTreatment,
        String rehabilitationInformation,
        Section functionalImpairment,
        Section activityLimitation,
        List<Reference> references,
        List<TypicalCase> typicalCases,
        String requestedCode,
        String matchedCode) {

    static DiagnosisDetails of(PublishedDiagnosis d, String requestedCode, String matchedCode) {
        var c = d.content();
        return new DiagnosisDetails(
                d.id(),
                d.versionNumber(),
                d.validFrom(),
                d.validTo(),
                d.lastUpdated(),
                c.title(),
                CodeItem.of(c.diseaseGroup()),
                CodeItem.of(c.icd10Codes()),
                c.insuranceMedicalInformation(),
                c.symptomsPrognosisTreatment(),
                c.rehabilitationInformation(),
                new Section(
                        c.functionalImpairment(),
                        CodeItem.of(c.functionalImpairmentCentral()),
                        CodeItem.of(c.functionalImpairmentComplementary())),
                new Section(
                        c.activityLimitation(),
                        CodeItem.of(c.activityLimitationCentral()),
                        CodeItem.of(c.activityLimitationComplementary())),
                c.references(),
                c.typicalCases().stream().map(TypicalCase::of).toList(),
                requestedCode,
                matchedCode);
    }

    DiagnosisDetails forCode(String requested, String matched) {
        return new DiagnosisDetails(
                id,
                version,
                validFrom,
                validTo,
                lastUpdated,
                title,
                diseaseGroup,
                icd10Codes,
                insuranceMedicalInformation,
                symptomsPrognosisTreatment,
                rehabilitationInformation,
                functionalImpairment,
                activityLimitation,
                references,
                typicalCases,
                requested,
                matched);
    }

    /** The same page with its markup cleaned again by {@link MarkupPolicy}, for rendering as HTML. */
    DiagnosisDetails withCleanMarkup() {
        return new DiagnosisDetails(
                id,
                version,
                validFrom,
                validTo,
                lastUpdated,
                title,
                diseaseGroup,
                icd10Codes,
                MarkupPolicy.sanitize(insuranceMedicalInformation),
                MarkupPolicy.sanitize(symptomsPrognosisTreatment),
                MarkupPolicy.sanitize(rehabilitationInformation),
                functionalImpairment,
                activityLimitation,
                references,
                typicalCases,
                requestedCode,
                matchedCode);
    }

    /** A code with its system (OID) and display text. */
    public record CodeItem(String code, String system, String systemName, String display) {
        static CodeItem of(Code code) {
            return code == null
                    ? null
                    : new CodeItem(code.kod(), code.kodsystem(), code.kodsystemnamn(), code.beskrivning());
        }

        static List<CodeItem> of(List<Code> codes) {
            return codes.stream().map(CodeItem::of).toList();
        }
    }

    /** Functional impairment or activity limitation: text plus central and complementary ICF codes. */
    public record Section(String text, List<CodeItem> centralIcfCodes, List<CodeItem> complementaryIcfCodes) {}

    /** A typical case with its selection criteria and recommended sick leave. */
    public record TypicalCase(
            long id,
            String sentence,
            String condition,
            List<CodeItem> icd10Codes,
            List<String> severity,
            List<String> course,
            List<String> measures,
            List<String> workload,
            List<String> complicatingFactors,
            List<String> comorbidity,
            RecommendedSickLeave recommendedSickLeave) {

        static TypicalCase of(TypicalCaseContent tc) {
            Criteria c = tc.criteria();
            return new TypicalCase(
                    tc.fmbId(),
                    tc.sentence(),
                    tc.conditionSentence(),
                    CodeItem.of(tc.icd10Codes()),
                    texts(c.severity()),
                    texts(c.course()),
                    c.measures().stream()
                            .map(m -> String.join(
                                            " + ",
                                            m.codes().stream()
                                                    .map(Code::beskrivning)
                                                    .toList())
                                    + (m.status() == null
                                            ? ""
                                            : " (" + m.status().beskrivning() + ")"))
                            .toList(),
                    texts(c.workload()),
                    texts(c.complicatingFactors()),
                    c.comorbidity().stream()
                            .map(g -> String.join(
                                    " + ",
                                    g.stream()
                                            .map(Criteria.Comorbidity::heading)
                                            .toList()))
                            .toList(),
                    new RecommendedSickLeave(
                            tc.recommendation(),
                            tc.maxValue(),
                            tc.maxUnit() == null ? null : tc.maxUnit().fmbCode(),
                            tc.maxDegree() == null ? null : tc.maxDegree().fmbText(),
                            tc.maxDays()));
        }

        private static List<String> texts(List<List<Code>> groups) {
            return groups.stream()
                    .map(g ->
                            String.join(" + ", g.stream().map(Code::beskrivning).toList()))
                    .toList();
        }
    }

    /** The recommended maximum: value and unit (d, wk, mo), degree, and the same in days (month = 31). */
    public record RecommendedSickLeave(String text, Integer maxValue, String unit, String degree, Integer maxDays) {}
}
