package org.example.deathcertificate.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonnummerTests {

    @Test
    void acceptsAPersonnummerWithACorrectCheckDigit() {
        assertThat(Personnummer.problem("192703104329")).isEmpty();
        assertThat(Personnummer.problem("191212121212")).isEmpty();
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThat(Personnummer.problem("192703104321")).contains("has a wrong check digit");
    }

    @Test
    void acceptsASamordningsnummerAndFindsItsDateOfBirth() {
        var samordningsnummer = new Personnummer("192703704326");

        assertThat(Personnummer.problem(samordningsnummer.value())).isEmpty();
        assertThat(samordningsnummer.isSamordningsnummer()).isTrue();
        assertThat(samordningsnummer.oid()).isEqualTo(Personnummer.SAMORDNINGSNUMMER_OID);
        assertThat(samordningsnummer.birthDate()).isEqualTo(LocalDate.of(1927, 3, 10));
    }

    @Test
    void refusesAnImpossibleDateOfBirthAndAWrongLength() {
        assertThat(Personnummer.problem("192702314321")).contains("does not start with a valid date of birth");
        assertThat(Personnummer.problem("2703104329")).contains("must be 12 digits (yyyyMMddNNNC)");
    }

    @Test
    void neverShowsTheNumberWhenPrinted() {
        assertThat(new Personnummer("192703104329")).hasToString("Personnummer[hidden]");
    }
}
