package org.example.fmb.content;

import java.util.List;

/**
 * Every section of an FMB diagnosis page, as one version holds it. Markup sections hold the HTML
 * subset FMB uses; an absent section is null (sent as an empty object), never invented. {@code purpose} is
 * FMB's optional "syfte" code.
 */
public record DiagnosisContent(
        String title,
        String heading,
        String description,
        Code diseaseGroup,
        List<Code> icd10Codes,
        List<Code> keywords,
        List<Code> targetGroups,
        String insuranceMedicalInformation,
        String symptomsPrognosisTreatment,
        String rehabilitationInformation,
        String functionalImpairment,
        List<Code> functionalImpairmentCentral,
        List<Code> functionalImpairmentComplementary,
        String activityLimitation,
        List<Code> activityLimitationCentral,
        List<Code> activityLimitationComplementary,
        List<Reference> references,
        List<TypicalCaseContent> typicalCases,
        String purpose) {

    public DiagnosisContent(
            String title,
            String heading,
            String description,
            Code diseaseGroup,
            List<Code> icd10Codes,
            List<Code> keywords,
            List<Code> targetGroups,
            String insuranceMedicalInformation,
            String symptomsPrognosisTreatment,
            String rehabilitationInformation,
            String functionalImpairment,
            List<Code> functionalImpairmentCentral,
            List<Code> functionalImpairmentComplementary,
            String activityLimitation,
            List<Code> activityLimitationCentral,
            List<Code> activityLimitationComplementary,
            List<Reference> references,
            List<TypicalCaseContent> typicalCases) {
        this(
                title,
                heading,
                description,
                diseaseGroup,
                icd10Codes,
                keywords,
                targetGroups,
                insuranceMedicalInformation,
                symptomsPrognosisTreatment,
                rehabilitationInformation,
                functionalImpairment,
                functionalImpairmentCentral,
                functionalImpairmentComplementary,
                activityLimitation,
                activityLimitationCentral,
                activityLimitationComplementary,
                references,
                typicalCases,
                null);
    }

    public DiagnosisContent {
        icd10Codes = copy(icd10Codes);
        keywords = copy(keywords);
        targetGroups = copy(targetGroups);
        functionalImpairmentCentral = copy(functionalImpairmentCentral);
        functionalImpairmentComplementary = copy(functionalImpairmentComplementary);
        activityLimitationCentral = copy(activityLimitationCentral);
        activityLimitationComplementary = copy(activityLimitationComplementary);
        references = copy(references);
        typicalCases = copy(typicalCases);
    }

    /**
     * This content as it may be shown: markup cleaned with {@link MarkupPolicy}, references that do not link
     * to an http(s) address kept as text only.
     */
    public DiagnosisContent sanitized() {
        var safeReferences = references.stream()
                .map(r -> r.uri() == null || Reference.isWebLink(r.uri()) ? r : new Reference(r.text(), null))
                .toList();
        return new DiagnosisContent(
                title,
                heading,
                description,
                diseaseGroup,
                icd10Codes,
                keywords,
                targetGroups,
                MarkupPolicy.sanitize(insuranceMedicalInformation),
                MarkupPolicy.sanitize(symptomsPrognosisTreatment),
                MarkupPolicy.sanitize(rehabilitationInformation),
                functionalImpairment,
                functionalImpairmentCentral,
                functionalImpairmentComplementary,
                activityLimitation,
                activityLimitationCentral,
                activityLimitationComplementary,
                safeReferences,
                typicalCases,
                purpose);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
