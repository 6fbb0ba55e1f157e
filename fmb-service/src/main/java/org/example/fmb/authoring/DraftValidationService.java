package org.example.fmb.authoring;

import java.util.ArrayList;
import java.util.List;
import org.example.fmb.codes.CodeCheck;
import org.example.fmb.codes.CodeValidationService;
import org.springframework.stereotype.Service;

/**
 * What a draft must satisfy before review: required sections, ICD-10-SE and ICF codes that exist
 * (per the code server; unverifiable codes are warnings), durations with unit and degree, no two
 * identical typical cases, comorbidities' codes that exist, and only the HTML FMB uses in markup sections ({@link MarkupPolicy}).
 */
@Service
class DraftValidationService {

    private final CodeValidationService codes;

    DraftValidationService(CodeValidationService codes) {
        this.codes = codes;
    }

    record Report(List<FieldMessage> errors, List<String> warnings) {}

    Report validate(DiagnosisContent c) {
        var errors = new ArrayList<FieldMessage>();
        var warnings = new ArrayList<String>();
        required(errors, "title", c.title());
        required(errors, "insuranceMedicalInformation", c.insuranceMedicalInformation());
        required(errors, "symptomsPrognosisTreatment", c.symptomsPrognosisTreatment());
        required(errors, "functionalImpairment", c.functionalImpairment());
        required(errors, "activityLimitation", c.activityLimitation());
        if (c.diseaseGroup() == null || blank(c.diseaseGroup().kod())) {
            errors.add(new FieldMessage("diseaseGroup", "is required"));
        }
        if (c.icd10Codes().isEmpty()) {
            errors.add(new FieldMessage("icd10Codes", "at least one ICD-10-SE code is required"));
        }
        if (c.typicalCases().isEmpty()) {
            errors.add(new FieldMessage("typicalCases", "at least one typical case is required"));
        }
        markup(errors, "insuranceMedicalInformation", c.insuranceMedicalInformation());
        markup(errors, "symptomsPrognosisTreatment", c.symptomsPrognosisTreatment());
        markup(errors, "rehabilitationInformation", c.rehabilitationInformation());

        checkCodes(errors, warnings, "icd10Codes", c.icd10Codes(), true);
        checkCodes(errors, warnings, "functionalImpairmentCentral", c.functionalImpairmentCentral(), false);
        checkCodes(errors, warnings, "functionalImpairmentComplementary", c.functionalImpairmentComplementary(), false);
        checkCodes(errors, warnings, "activityLimitationCentral", c.activityLimitationCentral(), false);
        checkCodes(errors, warnings, "activityLimitationComplementary", c.activityLimitationComplementary(), false);

        var cases = c.typicalCases();
        for (int i = 0; i < cases.size(); i++) {
            var tc = cases.get(i);
            var field = "typicalCases[" + i + "]";
            required(errors, field + ".sentence", tc.sentence());
            if (tc.icd10Codes().isEmpty()) {
                errors.add(new FieldMessage(field + ".icd10Codes", "at least one ICD-10-SE code is required"));
            }
            for (int j = 0; j < tc.icd10Codes().size(); j++) {
                var code = tc.icd10Codes().get(j);
                if (c.icd10Codes().stream()
                        .noneMatch(d -> Code.normalized(d.kod()).equals(Code.normalized(code.kod())))) {
                    errors.add(new FieldMessage(
                            field + ".icd10Codes[" + j + "]",
                            "'" + code.kod() + "' is not one of the diagnosis' ICD-10-SE codes"));
                }
            }
            var comorbidity = tc.criteria().comorbidity();
            for (int j = 0; j < comorbidity.size(); j++) {
                for (int m = 0; m < comorbidity.get(j).size(); m++) {
                    var name = field + ".criteria.comorbidity[" + j + "][" + m + "].icd10Codes";
                    checkCodes(errors, warnings, name, comorbidity.get(j).get(m).icd10Codes(), true);
                }
            }
            if (tc.maxValue() != null && tc.maxUnit() == null) {
                errors.add(new FieldMessage(field + ".maxUnit", "a duration needs its unit (d, wk or mo)"));
            }
            if (tc.maxValue() == null && tc.maxUnit() != null) {
                errors.add(new FieldMessage(field + ".maxValue", "a unit needs its value"));
            }
            if (tc.maxValue() != null && tc.maxValue() < 0) {
                errors.add(new FieldMessage(field + ".maxValue", "must not be negative"));
            }
            if (tc.maxDegree() == null) {
                errors.add(new FieldMessage(field + ".maxDegree", "a recommendation needs its degree (FULL or PART)"));
            }
            for (int k = 0; k < i; k++) {
                if (cases.get(k).sameAs(tc)) {
                    errors.add(new FieldMessage(field, "is identical to typicalCases[" + k + "]"));
                }
            }
        }
        return new Report(errors, warnings);
    }

    private static void markup(List<FieldMessage> errors, String field, String html) {
        errors.addAll(MarkupPolicy.problems(field, html));
    }

    private void checkCodes(
            List<FieldMessage> errors, List<String> warnings, String field, List<Code> list, boolean icd10) {
        for (int i = 0; i < list.size(); i++) {
            var code = list.get(i);
            if (code == null || blank(code.kod())) {
                errors.add(new FieldMessage(field + "[" + i + "]", "a code is required"));
                continue;
            }
            var check = icd10
                    ? codes.icd10(Code.normalized(code.kod()))
                    : codes.icf(code.kod().trim());
            if (check == CodeCheck.INVALID) {
                errors.add(new FieldMessage(
                        field + "[" + i + "]",
                        "'" + code.kod() + "' does not exist in " + (icd10 ? "ICD-10-SE" : "ICF")));
            } else if (check == CodeCheck.UNVERIFIED) {
                warnings.add(
                        field + "[" + i + "]: '" + code.kod() + "' could not be verified (code server unavailable)");
            }
        }
    }

    private static void required(List<FieldMessage> errors, String field, String value) {
        if (!MarkupPolicy.hasText(value)) {
            errors.add(new FieldMessage(field, "is required"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
