package org.example.codeserver.codesystem;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeSystemVersionTests {

    @Test
    void failsWhenTheDatabaseHoldsAnotherNumberOfConceptsThanTheSource() {
        var source = new NewCodeSystem(
                new NewCodeSystem.Identity("http://example.org/cs", null, List.of(), null, "CS", null, null, null),
                new NewCodeSystem.Release("1", PublicationStatus.ACTIVE, null, null),
                new NewCodeSystem.Definition(
                        null,
                        "complete",
                        true,
                        null,
                        List.of(),
                        List.of(NewConcept.of("A", "Alfa", null, 1), NewConcept.of("B", "Beta", "A", 2))));
        var version = new CodeSystemVersion(new CodeSystem("cs", source.url(), null, "CS"), source, Instant.now());
        assertThatCode(() -> version.confirmStored(2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> version.confirmStored(1))
                .isInstanceOf(InvalidCodeSystemException.class)
                .hasMessageContaining("Stored 1 concepts but the source has 2");
    }
}
