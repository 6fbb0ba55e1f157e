package org.example.deathcertificate.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Icd10CodeTests {

    @Test
    void normalisesToTheCodeServersFormAndWritesTheDot() {
        var code = new Icd10Code(" i21.9 ");

        assertThat(code.value()).isEqualTo("I219");
        assertThat(code.dotted()).isEqualTo("I21.9");
        assertThat(new Icd10Code("A083A").dotted()).isEqualTo("A08.3A");
        assertThat(new Icd10Code("I10").dotted()).isEqualTo("I10");
    }

    @Test
    void knowsSwedishExtensionsExternalCausesAndPlacesOfOccurrence() {
        assertThat(new Icd10Code("A083A").hasSwedishExtension()).isTrue();
        assertThat(new Icd10Code("I219").hasSwedishExtension()).isFalse();
        assertThat(new Icd10Code("W1900").isExternalCause()).isTrue();
        assertThat(new Icd10Code("Y98").isExternalCause()).isTrue();
        assertThat(new Icd10Code("Y99").isExternalCause()).isFalse();
        assertThat(new Icd10Code("S7200").isExternalCause()).isFalse();
        assertThat(new Icd10Code("W1900").isPlaceOfOccurrence()).isTrue();
        assertThat(new Icd10Code("V0100").isPlaceOfOccurrence()).isFalse();
    }

    @Test
    void refusesWhatIsNotACode() {
        assertThatThrownBy(() -> new Icd10Code("hjärtinfarkt")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Icd10Code.looksLikeCode("F32-F39")).isFalse();
    }
}
