package org.example.fmb.authoring;

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

    /** A diagnosis with a title and nothing else yet; the {@code with…} methods fill in the sections. */
    public static DiagnosisContent titled(String title) {
        return new DiagnosisContent(
                title, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
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
        return withMarkup(
                        MarkupPolicy.sanitize(insuranceMedicalInformation),
                        MarkupPolicy.sanitize(symptomsPrognosisTreatment),
                        MarkupPolicy.sanitize(rehabilitationInformation))
                .withReferences(safeReferences);
    }

    public DiagnosisContent withTitle(String newTitle) {
        return new DiagnosisContent(
                newTitle,
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
                purpose);
    }

    /** The disease group and the diagnosis' ICD-10-SE codes. */
    public DiagnosisContent withCodes(Code newDiseaseGroup, List<Code> newIcd10Codes) {
        return new DiagnosisContent(
                title,
                heading,
                description,
                newDiseaseGroup,
                newIcd10Codes,
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
                purpose);
    }

    public DiagnosisContent withKeywords(List<Code> newKeywords) {
        return new DiagnosisContent(
                title,
                heading,
                description,
                diseaseGroup,
                icd10Codes,
                newKeywords,
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
                purpose);
    }

    /** The three markup sections: insurance-medical information, symptoms/prognosis/treatment, rehabilitation. */
    public DiagnosisContent withMarkup(String insurance, String symptoms, String rehabilitation) {
        return new DiagnosisContent(
                title,
                heading,
                description,
                diseaseGroup,
                icd10Codes,
                keywords,
                targetGroups,
                insurance,
                symptoms,
                rehabilitation,
                functionalImpairment,
                functionalImpairmentCentral,
                functionalImpairmentComplementary,
                activityLimitation,
                activityLimitationCentral,
                activityLimitationComplementary,
                references,
                typicalCases,
                purpose);
    }

    /** Functional impairment: its text and its central and complementary ICF codes. */
    public DiagnosisContent withFunctionalImpairment(String text, List<Code> central, List<Code> complementary) {
        return new DiagnosisContent(
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
                text,
                central,
                complementary,
                activityLimitation,
                activityLimitationCentral,
                activityLimitationComplementary,
                references,
                typicalCases,
                purpose);
    }

    /** Activity limitation: its text and its central and complementary ICF codes. */
    public DiagnosisContent withActivityLimitation(String text, List<Code> central, List<Code> complementary) {
        return new DiagnosisContent(
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
                text,
                central,
                complementary,
                references,
                typicalCases,
                purpose);
    }

    public DiagnosisContent withReferences(List<Reference> newReferences) {
        return new DiagnosisContent(
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
                newReferences,
                typicalCases,
                purpose);
    }

    public DiagnosisContent withTypicalCases(List<TypicalCaseContent> newTypicalCases) {
        return new DiagnosisContent(
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
                newTypicalCases,
                purpose);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
