package org.example.deathcertificate.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** One line of the cause-of-death chain, or one contributing condition: what, since when, and how it began. */
public record CauseLine(
        @NotBlank @Size(max = 400) String description, LocalDate onsetDate, Specification specification) {

    /** "Specificera tillståndet": SNOMED CT 424124008 (sudden onset), 90734009 (chronic), or NullFlavor NI. */
    public enum Specification {
        PLOTSLIG("424124008"),
        KRONISK("90734009"),
        UPPGIFT_SAKNAS("NI");

        private final String code;

        Specification(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Specification ofCode(String code) {
            for (var specification : values()) {
                if (specification.code.equals(code)) {
                    return specification;
                }
            }
            throw new IllegalArgumentException("Unknown specification code " + code);
        }
    }
}
