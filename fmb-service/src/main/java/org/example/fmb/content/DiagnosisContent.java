package org.example.fmb.content;

import java.util.List;

/**
 * Every section of an FMB diagnosis page, as one version holds it. Markup sections hold the HTML
 * subset FMB uses; an absent section is null (sent as an empty object), never invented.
 */
public record DiagnosisContent(String title, String heading, String description, Code diseaseGroup,
        List<Code> icd10Codes, List<Code> keywords, List<Code> targetGroups,
        String insuranceMedicalInformation, String symptomsPrognosisTreatment, String rehabilitationInformation,
        String functionalImpairment, List<Code> functionalImpairmentCentral,
        List<Code> functionalImpairmentComplementary, String activityLimitation,
        List<Code> activityLimitationCentral, List<Code> activityLimitationComplementary,
        List<Reference> references, List<TypicalCaseContent> typicalCases) {

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

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
