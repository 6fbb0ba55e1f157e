package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FourEyesPropertiesTests {

    private final FourEyesProperties fourEyes = new FourEyesProperties(Map.of(
            "anna", List.of("anna.andersson", "fmb-editor"),
            "rita", List.of("Rita.Reviewer", "fmb-reviewer")));

    @Test
    void treatsTheIdentitiesOfOnePersonAsThatPerson() {
        assertThat(fourEyes.personOf("fmb-editor")).contains("anna");
        assertThat(fourEyes.personOf(" RITA.reviewer ")).contains("rita");
        assertThat(fourEyes.personOf("bo")).isEmpty();
    }

    @Test
    void refusesApprovalByAnotherIdentityOfSomeoneInvolved() {
        assertThatThrownBy(
                        () -> fourEyes.requireSecondPerson(List.of("anna.andersson"), "fmb-editor", "wrote version 3"))
                .isInstanceOf(FourEyesException.class)
                .hasMessageContaining("Four-eyes")
                .hasMessageContaining("(anna)");
        assertThatThrownBy(() -> fourEyes.requireSecondPerson(List.of("bo"), "BO", "wrote version 3"))
                .isInstanceOf(FourEyesException.class);
    }

    @Test
    void letsADifferentPersonApprove() {
        assertThatCode(() -> fourEyes.requireSecondPerson(List.of("anna.andersson", "fmb-editor"), "fmb-reviewer", "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> fourEyes.requireSecondPerson(List.of("anna.andersson"), "anna", "x"))
                .as("an unlisted identity that happens to be a person's name is not that person")
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAConfigurationThatGivesOneIdentityToTwoPeople() {
        assertThatThrownBy(() -> new FourEyesProperties(Map.of("a", List.of("x"), "b", List.of("X "))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is listed for both");
    }
}
