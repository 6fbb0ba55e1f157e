package org.example.deathcertificate.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class DoiSchematronTests {

    static final DoiSchematron schematron = new DoiSchematron();

    @Test
    void givesEachMessageItsOwnAnswerWhenOneThreadChecksManyInARow() throws IOException {
        var example = example();
        var withoutTerminalCause = example.replaceAll("(?s)<svar id=\"8\">.*?</svar>", "");

        for (int i = 0; i < 3; i++) {
            assertThat(schematron.validate(bytes(example))).isEmpty();
            assertThat(schematron.validate(bytes(withoutTerminalCause)))
                    .extracting(Violation::message)
                    .contains("Ett intyg måste ha en 'Terminal dödsorsak'");
            assertThat(schematron.validate(bytes(example.substring(0, example.length() / 2))))
                    .extracting(Violation::message)
                    .containsExactly("the message is not well-formed XML without DTD");
            assertThat(schematron.validate(bytes(example))).isEmpty();
        }
    }

    @Test
    void refusesADtdOnItsOwn() throws IOException {
        var withDtd = example()
                .replaceFirst(
                        "<ns2:RegisterCertificate",
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ns2:RegisterCertificate");

        assertThat(schematron.validate(bytes(withDtd)))
                .extracting(Violation::message)
                .containsExactly("the message is not well-formed XML without DTD");
        assertThat(schematron.validate(bytes(example()))).isEmpty();
    }

    private static String example() throws IOException {
        var text = new ClassPathResource("examples/doi-registercertificate.xml")
                .getContentAsString(StandardCharsets.UTF_8);
        return text.substring(text.indexOf("<ns2:RegisterCertificate")).strip();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
