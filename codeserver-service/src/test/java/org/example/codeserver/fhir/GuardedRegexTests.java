package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GuardedRegexTests {

    @Test
    void matchesOrdinaryPatterns() {
        assertThat(GuardedRegex.matches(Pattern.compile("F3[0-9]+"), "F321")).isTrue();
        assertThat(GuardedRegex.matches(Pattern.compile("F3[0-9]+"), "G321")).isFalse();
    }

    @Test
    void givesUpOnCatastrophicBacktrackingInsteadOfHanging() {
        var evil = Pattern.compile("(a+)+$");
        var text = "a".repeat(60) + "!";
        assertThat(GuardedRegex.matches(evil, text)).isFalse();
        assertThat(GuardedRegex.matches(evil, "a".repeat(60))).isTrue();
    }
}
