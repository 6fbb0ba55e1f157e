package org.example.hosp.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @CsvSource({
        "197003122442, 197003122442",
        "19700312-2442, 197003122442",
        "7003122442, 197003122442",
        "700312-2442, 197003122442",
        "191212121212, 191212121212",
        "121212-1212, 201212121212",
        "121212+1212, 191212121212",
        "19121212-1212, 191212121212",
        "199107695315, 199107695315",
        "910769-5315, 199107695315"
    })
    void normalisesEveryAcceptedFormToTwelveDigits(String text, String expected) {
        assertThat(IdentityNumber.parse(text, TODAY).value()).isEqualTo(expected);
    }

    @Test
    void choosesTheCenturyThatMakesThePersonYoungerThanAHundred() {
        assertThat(IdentityNumber.parse("261122-0001", TODAY).value()).startsWith("2026");
        assertThat(IdentityNumber.parse("261123-0000", TODAY).value()).startsWith("1926");
        assertThat(IdentityNumber.parse("261122+0001", TODAY).value()).startsWith("1926");
        assertThat(IdentityNumber.parse("261123+0000", TODAY).value()).startsWith("1826");
    }

    @Test
    void readsTheBirthDateOfASamordningsnummerWithoutTheSixty() {
        var number = IdentityNumber.parse("199107695315", TODAY);
        assertThat(number.isSamordningsnummer()).isTrue();
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1991, 7, 9));
        assertThat(IdentityNumber.parse("197003122442", TODAY).isSamordningsnummer())
                .isFalse();
    }

    @Test
    void readsSexFromTheSecondToLastDigit() {
        assertThat(IdentityNumber.parse("198504172738", TODAY).isMale()).isTrue();
        assertThat(IdentityNumber.parse("197003122442", TODAY).isMale()).isFalse();
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryOnlyInLeapYears() {
        var leap = IdentityNumber.of(LocalDate.of(2000, 2, 29), 123, false).value();
        assertThat(IdentityNumber.parse(leap, TODAY).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        var nineteenHundred = "19000229" + "123" + IdentityNumber.luhn("000229123");
        assertThatThrownBy(() -> IdentityNumber.parse(nineteenHundred, TODAY))
                .isInstanceOf(MalformedIdentityNumberException.class)
                .hasMessageContaining("does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"197003122443", "19700312-2441", "700312-2440", "199107695316"})
    void refusesAWrongCheckDigit(String text) {
        assertThatThrownBy(() -> IdentityNumber.parse(text, TODAY))
                .isInstanceOf(MalformedIdentityNumberException.class)
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"197013122441", "197000122443", "197002302447", "197004312441", "197003922444", "197003602441"})
    void refusesDatesThatDoNotExist(String twelveWithAnyCheckDigit) {
        var nine = twelveWithAnyCheckDigit.substring(2, 11);
        var valid = twelveWithAnyCheckDigit.substring(0, 11) + IdentityNumber.luhn(nine);
        assertThatThrownBy(() -> IdentityNumber.parse(valid, TODAY))
                .isInstanceOf(MalformedIdentityNumberException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesABirthDateInTheFuture() {
        var future = IdentityNumber.of(TODAY.plusDays(1), 123, false).value();
        assertThatThrownBy(() -> IdentityNumber.parse(future, TODAY))
                .isInstanceOf(MalformedIdentityNumberException.class)
                .hasMessageContaining("future");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "1970031224",
                "19700312244",
                "1970031224420",
                "19700312+2442",
                "197003122-442",
                "19700312 2442",
                "700312*2442",
                "70031224x2",
                "abcdefghijkl",
                " 197003122442",
                "1970-03-12-2442"
            })
    void refusesMalformedText(String text) {
        assertThatThrownBy(() -> IdentityNumber.parse(text, TODAY))
                .isInstanceOf(MalformedIdentityNumberException.class);
    }

    @Test
    void neverRepeatsTheNumberInMessagesOrToString() {
        assertThat(IdentityNumber.parse("197003122442", TODAY).toString())
                .doesNotContain("2442")
                .doesNotContain("1970");
        assertThatThrownBy(() -> IdentityNumber.parse("197003122443", TODAY))
                .message()
                .doesNotContain("2443");
    }

    @Test
    void buildsValidNumbersFromTheirParts() {
        var number = IdentityNumber.of(LocalDate.of(1985, 4, 17), 273, false);
        assertThat(number.value()).isEqualTo("198504172738");
        var samordning = IdentityNumber.of(LocalDate.of(1991, 7, 9), 531, true);
        assertThat(samordning.value()).isEqualTo("199107695315");
        assertThat(IdentityNumber.parse(samordning.value(), TODAY)).isEqualTo(samordning);
    }

    @Test
    void computesTheLuhnDigitOfTheNineDigits() {
        assertThat(IdentityNumber.luhn("811218987")).isEqualTo(6);
        assertThat(IdentityNumber.luhn("121212121")).isEqualTo(2);
    }

    @Test
    void isEqualByValue() {
        assertThat(IdentityNumber.parse("700312-2442", TODAY))
                .isEqualTo(IdentityNumber.parse("197003122442", TODAY))
                .hasSameHashCodeAs(IdentityNumber.parse("19700312-2442", TODAY));
    }
}
