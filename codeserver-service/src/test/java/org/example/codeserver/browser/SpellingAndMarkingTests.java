package org.example.codeserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The edit distance behind typo tolerance and the marking of matched words, without the application. */
class SpellingAndMarkingTests {

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Vocabulary.distance("hjärtinfrakt", "hjärtinfarkt", 2)).isEqualTo(1);
        assertThat(Vocabulary.distance("diabetis", "diabetes", 2)).isEqualTo(1);
    }

    @Test
    void åäöAreLettersSoAForÄIsAnEdit() {
        assertThat(Vocabulary.distance("hjartinfarkt", "hjärtinfarkt", 2)).isEqualTo(1);
        assertThat(Vocabulary.distance("hår", "här", 1)).isEqualTo(1);
        assertThat(Vocabulary.distance("hjärta", "hjärta", 1)).isZero();
    }

    @Test
    void theDistanceStopsAtTheLimit() {
        assertThat(Vocabulary.distance("infarkt", "abcdefg", 1)).isEqualTo(2);
        assertThat(Vocabulary.distance("kolera", "koleraa", 1)).isEqualTo(1);
    }

    @Test
    void wordStartsAndCompoundTailsAreMarked() {
        var segments = Segment.mark("Akut hjärtinfarkt", List.of("akut", "infarkt"));
        assertThat(segments)
                .containsExactly(new Segment("Akut", true), new Segment(" hjärt", false), new Segment("infarkt", true));
        assertThat(Segment.mark("Virusinfektion", List.of("vir")))
                .containsExactly(new Segment("Vir", true), new Segment("usinfektion", false));
        assertThat(Segment.mark("Ospecificerad", List.of("fic")))
                .as("a short word inside a word is no compound tail")
                .containsExactly(new Segment("Ospecificerad", false));
    }
}
