package org.example.deathcertificate.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneralPrincipleTests {

    @Test
    void suggestsTheFirstCodeOnTheLowestUsedLineOfAWellOrderedChain() {
        var suggestion = GeneralPrinciple.suggest(
                List.of(List.of("I219"), List.of("I251", "I10"), List.of("E119"), List.of()),
                List.of(),
                false,
                code -> false);

        assertThat(suggestion)
                .get()
                .extracting(GeneralPrinciple.Suggested::code)
                .isEqualTo("E119");
        assertThat(suggestion.get().rule()).isEqualTo(GeneralPrinciple.RULE_GENERAL);
        assertThat(suggestion.get().explanation()).contains("(C)");
    }

    @Test
    void suggestsNothingForAChainWithAGap() {
        var suggestion = GeneralPrinciple.suggest(
                List.of(List.of("I219"), List.of(), List.of("E119"), List.of()), List.of(), false, code -> false);

        assertThat(suggestion).isEmpty();
    }

    @Test
    void suggestsNothingWhenTheLowestLineIsAManifestation() {
        var suggestion = GeneralPrinciple.suggest(
                List.of(List.of("I219"), List.of("D638")), List.of(), false, code -> code.equals("D638"));

        assertThat(suggestion).isEmpty();
    }

    @Test
    void suggestsTheExternalCauseForAnInjury() {
        var suggestion =
                GeneralPrinciple.suggest(List.of(List.of("S7200"), List.of()), List.of("W1900"), true, code -> false);

        assertThat(suggestion)
                .get()
                .extracting(GeneralPrinciple.Suggested::code)
                .isEqualTo("W1900");
        assertThat(suggestion.get().rule()).isEqualTo(GeneralPrinciple.RULE_EXTERNAL);
    }
}
