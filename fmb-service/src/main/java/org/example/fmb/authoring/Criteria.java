package org.example.fmb.authoring;

import java.util.List;

/**
 * The selection criteria of a typical case. Each list holds groups; a group is one or more codes
 * that together describe the criterion (FMB's {@code urval...} lists); a comorbidity is a heading with
 * its ICD-10 codes.
 */
public record Criteria(
        List<List<Code>> severity,
        List<List<Code>> course,
        List<Measure> measures,
        List<List<Code>> workload,
        List<List<Code>> complicatingFactors,
        List<List<Comorbidity>> comorbidity) {

    public Criteria {
        severity = severity == null ? List.of() : List.copyOf(severity);
        course = course == null ? List.of() : List.copyOf(course);
        measures = measures == null ? List.of() : List.copyOf(measures);
        workload = workload == null ? List.of() : List.copyOf(workload);
        complicatingFactors = complicatingFactors == null ? List.of() : List.copyOf(complicatingFactors);
        comorbidity = comorbidity == null ? List.of() : List.copyOf(comorbidity);
    }

    public static Criteria none() {
        return new Criteria(null, null, null, null, null, null);
    }

    /** A comorbidity (samsjuklighet), e.g. "Astma" with J45. */
    public record Comorbidity(String heading, List<Code> icd10Codes) {
        public Comorbidity {
            icd10Codes = icd10Codes == null ? List.of() : List.copyOf(icd10Codes);
        }
    }

    /** A measure (åtgärd) and its status, e.g. "laparoskopisk åtgärd", status "utförd". */
    public record Measure(List<Code> codes, Code status) {
        public Measure {
            codes = codes == null ? List.of() : List.copyOf(codes);
        }
    }
}
