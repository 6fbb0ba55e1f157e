package org.example.codeserver.fhir;

import java.util.Locale;

/** Word-prefix matching of a text filter against a concept, as $expand's {@code filter} parameter does. */
final class TextMatch {

    private TextMatch() {}

    /** True when every filter word starts some word of the display, or the whole filter equals the code. */
    static boolean matches(String[] words, String code, String display) {
        if (words.length == 1 && code != null && code.equalsIgnoreCase(words[0])) {
            return true;
        }
        if (display == null) {
            return false;
        }
        var tokens = display.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        for (var word : words) {
            var found = false;
            for (var token : tokens) {
                if (token.startsWith(word)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
