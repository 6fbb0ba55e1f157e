package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageWordingTests {

    @Test
    void listsValidVersionsWithOr() {
        assertThat(MessageWording.apply("… could not be found. Valid versions: 1.0.0,1.2.0"))
                .isEqualTo("… could not be found. Valid versions: 1.0.0 or 1.2.0");
        assertThat(MessageWording.apply("Valid versions: 1,2,3; more")).isEqualTo("Valid versions: 1, 2 or 3; more");
    }

    @Test
    void leavesOtherTextsAlone() {
        assertThat(MessageWording.apply("Valid versions: 1.0.0")).isEqualTo("Valid versions: 1.0.0");
        assertThat(MessageWording.apply("Unknown code 'X'")).isEqualTo("Unknown code 'X'");
    }

    @Test
    void namesTheDisplayOfACodeNotInTheValueSetInBrackets() {
        assertThat(MessageWording.apply("The provided code 'http://x/cs#c1: 'Wrong Display'' was not found in the value"
                        + " set 'http://x/vs|1'"))
                .isEqualTo("The provided code 'http://x/cs#c1 ('Wrong Display')' was not found in the value set"
                        + " 'http://x/vs|1'");
        assertThat(MessageWording.apply("The provided code 'http://x/cs#c1' was not found in the value set 'v'"))
                .isEqualTo("The provided code 'http://x/cs#c1' was not found in the value set 'v'");
    }

    @Test
    void saysThatARetiredConceptIsInactive() {
        assertThat(MessageWording.apply("The concept 'c' has a status of retired and its use should be reviewed"))
                .isEqualTo("The concept 'c' has a status of retired and inactive and its use should be reviewed");
        assertThat(MessageWording.apply("The concept 'c' has a status of inactive and its use should be reviewed"))
                .isEqualTo("The concept 'c' has a status of inactive and its use should be reviewed");
        assertThat(MessageWording.apply("The presence of the concept 'c' in the system 's' in the value set v is marked"
                        + " with a status of deprecated and its use should be reviewed"))
                .endsWith("with a status of deprecated and its use should be reviewed");
    }
}
