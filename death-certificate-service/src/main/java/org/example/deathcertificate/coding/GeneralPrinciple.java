package org.example.deathcertificate.coding;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The simple rules of the ICD-10 instruction manual (volume 2) that a program can apply to a well-ordered chain.
 * General principle: when more than one condition is entered, the condition on the lowest used line of part I is
 * selected if it could have given rise to all the conditions above it. Whether it could is a medical judgment, so
 * the answer is only a suggestion: a chain is taken as well ordered when its used lines follow each other from
 * line A without a gap. For a death from injury or poisoning the external cause (chapter XX) is suggested instead.
 */
final class GeneralPrinciple {

    static final String RULE_GENERAL = "GENERAL_PRINCIPLE";
    static final String RULE_EXTERNAL = "EXTERNAL_CAUSE";

    private GeneralPrinciple() {}

    /**
     * @param chain codes of lines A, B, C, D in order (an empty list for a line without codes)
     * @param injuryCodes codes of every other line that may hold an external cause (line 12)
     * @param manifestation whether a code is a manifestation (*) code, which is never an underlying cause
     */
    static Optional<Suggested> suggest(
            List<List<String>> chain,
            List<String> injuryCodes,
            boolean injuryOrPoisoning,
            Predicate<String> manifestation) {
        if (injuryOrPoisoning) {
            var external = Stream.concat(injuryCodes.stream(), chain.stream().flatMap(List::stream))
                    .filter(code -> Icd10Code.looksLikeCode(code) && new Icd10Code(code).isExternalCause())
                    .findFirst();
            if (external.isPresent()) {
                return Optional.of(
                        new Suggested(
                                external.get(),
                                RULE_EXTERNAL,
                                "Död i samband med skada eller förgiftning: den yttre orsaken (kapitel XX) är underliggande dödsorsak."));
            }
        }
        int lowest = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).isEmpty()) {
                break;
            }
            lowest = i;
        }
        for (int i = lowest + 1; i < chain.size(); i++) {
            if (!chain.get(i).isEmpty()) {
                return Optional.empty(); // a gap: not a well-ordered chain
            }
        }
        if (lowest < 0) {
            return Optional.empty();
        }
        var code = chain.get(lowest).get(0);
        if (manifestation.test(code)) {
            return Optional.empty();
        }
        return Optional.of(new Suggested(
                code,
                RULE_GENERAL,
                "Allmänna principen: tillståndet på den lägsta använda raden (" + (char) ('A' + lowest)
                        + ") i en välordnad kedja, om det kan ha orsakat allt ovanför."));
    }

    record Suggested(String code, String rule, String explanation) {}
}
