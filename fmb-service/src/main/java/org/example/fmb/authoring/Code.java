package org.example.fmb.authoring;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An FMB code object. Webcert compares these objects as a whole, so the same code is always built
 * with the same four values; the field names are those of the FMB wire format.
 */
@JsonPropertyOrder({"kod", "kodsystem", "kodsystemnamn", "beskrivning"})
public record Code(String kod, String kodsystem, String kodsystemnamn, String beskrivning) {

    public static final String ICD10_SYSTEM = "1.2.752.116.1.1.1.3.2";
    public static final String ICD10_NAME = "ICD-10";
    public static final String ICF_SYSTEM = "1.2.752.116.1.1.3.3.1";
    public static final String ICF_NAME = "ICF";

    public static Code icd10(String code, String text) {
        return new Code(code, ICD10_SYSTEM, ICD10_NAME, text);
    }

    public static Code icf(String code, String text) {
        return new Code(code, ICF_SYSTEM, ICF_NAME, text);
    }

    public static Code textOnly(String text) {
        return new Code(null, null, null, text);
    }

    /** The code without dot and spaces, upper case: the form FMB and the lookup index use. */
    public static String normalized(String code) {
        return code == null ? "" : code.replace(".", "").replace(" ", "").trim().toUpperCase(java.util.Locale.ROOT);
    }
}
