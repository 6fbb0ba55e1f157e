package org.example.fmb.authoring;

import java.util.List;

/** The fixed code objects of the FMB information structure (metadata every page carries). */
public final class FmbVocabulary {

    private static final String TARGET_GROUP_SYSTEM = "1.2.752.116.3.2.2.2";
    private static final String TARGET_GROUP_NAME = "Kunskapsstödsdomäner metadata: primär målgrupp";

    public static final List<Code> TARGET_GROUPS = List.of(
            new Code("profession", TARGET_GROUP_SYSTEM, TARGET_GROUP_NAME, "profession"),
            new Code("myndigheter", TARGET_GROUP_SYSTEM, TARGET_GROUP_NAME, "andra statliga myndigheter"));

    public static final Code SUPPORTING = new Code(
            "stodjande",
            "1.2.752.116.3.2.2.3",
            "Kunskapsstödsdomäner metadata: grad av styrning",
            "stödjande (kunskapsunderlag utan rekommendationer)");
    public static final Code GUIDING = new Code(
            "vagledande",
            "1.2.752.116.3.2.2.3",
            "Kunskapsstödsdomäner metadata: grad av styrning",
            "vägledande (rekommendationer)");
    public static final Code WITHOUT_EVIDENCE_GRADING = new Code(
            "utan_evidensgradering",
            "1.2.752.116.3.2.2.4",
            "Kunskapsstödsdomäner metadata: bästa tillgängliga kunskap",
            "kunskapssammanställning utan evidensgradering");

    public static final Code DIAGNOSIS_DOCUMENT_TYPE = new Code(
            "forskaringsmedicinskt_beslutstöd",
            "1.2.752.116.3.2.1",
            "Socialstyrelsens kunskapsstöd",
            "Försäkringsmedicinskt beslutstöd");
    public static final Code TYPICAL_CASE_DOCUMENT_TYPE = new Code(
            "rekommendation_fmb",
            "1.2.752.116.3.2.1",
            "Socialstyrelsens kunskapsstöd",
            "Rekommendation inom försäkringsmedicinskt beslutstöd");
    public static final Code STATUS_VALID = new Code("giltig", "1.2.752.116.3.2.3", "Status", "giltig");
    public static final String DEGREE_SYSTEM = "1.2.752.116.3.1.14";
    public static final String DEGREE_NAME = "Sjukskrivningsgrad";
    public static final String PURPOSE = "syfte:val_av_atgard";

    private FmbVocabulary() {}

    /** Keywords of a diagnosis page: its ICD-10 codes, then the metadata codes. */
    static List<Code> diagnosisKeywords(List<Code> icd10Codes) {
        var keywords = new java.util.ArrayList<>(icd10Codes);
        keywords.add(SUPPORTING);
        keywords.add(WITHOUT_EVIDENCE_GRADING);
        return keywords;
    }

    /** Keywords of a typical case: its ICD-10 codes and measure codes, then the metadata codes. */
    static List<Code> typicalCaseKeywords(List<Code> icd10Codes, Criteria criteria) {
        var keywords = new java.util.ArrayList<>(icd10Codes);
        criteria.measures()
                .forEach(measure -> measure.codes().stream()
                        .filter(code -> code.kod() != null && !keywords.contains(code))
                        .forEach(keywords::add));
        keywords.add(GUIDING);
        keywords.add(WITHOUT_EVIDENCE_GRADING);
        return keywords;
    }
}
