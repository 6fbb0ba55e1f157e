package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMatchTests {

    @Test
    void needsEveryWordToStartAWordOfTheDisplay() {
        assertThat(TextMatch.matches(new String[] {"data", "exch"}, "x", "Data Exchange"))
                .isTrue();
        assertThat(TextMatch.matches(new String[] {"data", "report"}, "x", "Data Exchange"))
                .isFalse();
    }

    @Test
    void findsTheCodeItself() {
        assertThat(TextMatch.matches(new String[] {"code2a"}, "code2a", "Display 2a"))
                .isTrue();
    }
}
