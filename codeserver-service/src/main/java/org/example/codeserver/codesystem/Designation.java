package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/**
 * Another term for a concept: a synonym, an alternative term or a translation.
 *
 * @param language BCP-47 language tag, e.g. {@code sv} or {@code en}
 * @param useSystem code system of the use code, e.g. {@code http://snomed.info/sct}
 * @param useCode kind of designation, e.g. {@code 900000000000013009} (synonym)
 */
public record Designation(
        @Nullable String language,
        @Nullable String useSystem,
        @Nullable String useCode,
        @Nullable String useDisplay,
        String value) {

    /** Use of a Swedish alternative term (SNOMED CT "synonym"). */
    public static Designation synonym(String language, String value) {
        return new Designation(language, "http://snomed.info/sct", "900000000000013009", "Synonym", value);
    }
}
