package org.example.codeserver.codesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptSearchTests {

    private final ConceptIndex index = ConceptIndex.of(List.of(
            NewConcept.of("A1", "Virusinfektion, ospecificerad", null, 1),
            NewConcept.of("A2", "Infektion i örat", null, 2),
            NewConcept.of("A3", "Sjukdom i orat", null, 3),
            NewConcept.of("A4", "Shigellos (bakteriell dysenteri, rödsot)", null, 4),
            NewConcept.of("A5", "ECHO-virusenterit", null, 5),
            NewConcept.of("A6", "Ménières sjukdom", null, 6),
            new NewConcept(
                    "A7",
                    "Salmonellainfektioner",
                    null,
                    ConceptStatus.ACTIVE,
                    List.of(),
                    List.of(Designation.synonym("sv", "Salmonellos")),
                    List.of(),
                    7)));

    @Test
    void matchesWordPrefixesInAnyOrderCaseInsensitively() {
        assertThat(codes("ÖRAT INF")).containsExactly("A2");
        assertThat(codes("inf ör")).containsExactly("A2");
    }

    @Test
    void keepsÅÄÖAsLettersOfTheirOwnButFoldsOtherAccents() {
        assertThat(codes("örat")).containsExactly("A2");
        assertThat(codes("orat")).containsExactly("A3");
        assertThat(codes("menieres")).containsExactly("A6");
    }

    @Test
    void matchesAfterParenthesesHyphensAndInsideCompounds() {
        assertThat(codes("rödsot")).containsExactly("A4");
        assertThat(codes("dysenteri")).containsExactly("A4");
        assertThat(codes("virusenterit")).containsExactly("A5");
        assertThat(codes("infektion")).containsExactly("A2", "A7", "A1");
        assertThat(codes("fek")).isEmpty();
    }

    @Test
    void ranksExactCodeThenCodePrefixThenShortestDisplay() {
        assertThat(codes("a1")).containsExactly("A1");
        assertThat(codes("a")).startsWith("A1", "A2", "A3");
        assertThat(codes("salmonellos")).containsExactly("A7");
    }

    @Test
    void anEmptyQueryMatchesEverythingInPublishedOrder() {
        assertThat(index.search("  ").total()).isEqualTo(7);
        assertThat(codes(null)).startsWith("A1", "A2");
    }

    private List<String> codes(String text) {
        return Arrays.stream(index.search(text).ordinals())
                .mapToObj(i -> index.concepts().get(i).code())
                .toList();
    }
}
