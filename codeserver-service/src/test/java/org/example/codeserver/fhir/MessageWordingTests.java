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
}
