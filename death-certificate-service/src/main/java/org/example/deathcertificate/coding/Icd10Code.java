package org.example.deathcertificate.coding;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ICD-10-SE code as the code server stores it: upper case, no dot ({@code I219}, {@code A083A}). The WHO ICD-10
 * level is the code without the Swedish fifth-character extension: {@code A083A} is WHO {@code A08.3}.
 */
public record Icd10Code(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][0-9]{2}[0-9A-Z]{0,3}");

    public Icd10Code {
        value = value.strip().replace(".", "").toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an ICD-10 code: " + value);
        }
    }

    public static boolean looksLikeCode(String text) {
        return text != null
                && SHAPE.matcher(text.strip().replace(".", "").toUpperCase(Locale.ROOT))
                        .matches();
    }

    /** The code with its dot, as people write it: {@code I21.9}. */
    public String dotted() {
        return dotted(value);
    }

    static String dotted(String code) {
        return code.length() <= 3 ? code : code.substring(0, 3) + "." + code.substring(3);
    }

    /** The three-character category. */
    public String category() {
        return value.substring(0, 3);
    }

    /** The four-character subcategory when the code has one, else the category. */
    public String subcategory() {
        return value.length() >= 4 ? value.substring(0, 4) : value;
    }

    /** A Swedish extension: a fifth character (or more) that WHO's ICD-10 does not have. */
    public boolean hasSwedishExtension() {
        return value.length() > 4;
    }

    /** Chapter XX, external causes of morbidity and mortality: V01–Y98. */
    public boolean isExternalCause() {
        char chapter = value.charAt(0);
        return chapter == 'V'
                || chapter == 'W'
                || chapter == 'X'
                || (chapter == 'Y' && category().compareTo("Y99") < 0);
    }

    /** W00–Y34 with a fourth character: in WHO's ICD-10 that character is the place of occurrence. */
    public boolean isPlaceOfOccurrence() {
        var category = category();
        return value.length() >= 4
                && Character.isDigit(value.charAt(3))
                && category.compareTo("W00") >= 0
                && category.compareTo("Y34") <= 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
