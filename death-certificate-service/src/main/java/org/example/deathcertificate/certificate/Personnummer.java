package org.example.deathcertificate.certificate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Swedish personnummer or samordningsnummer in its 12-digit form (yyyyMMddNNNC). A samordningsnummer has 60
 * added to the day of birth. The last digit is a Luhn check digit over the 10-digit form.
 */
public record Personnummer(String value) {

    public static final String PERSONNUMMER_OID = "1.2.752.129.2.1.3.1";
    public static final String SAMORDNINGSNUMMER_OID = "1.2.752.129.2.1.3.3";

    /** Why the value is not a valid number, or empty when it is. */
    public static Optional<String> problem(String value) {
        if (value == null || !value.matches("\\d{12}")) {
            return Optional.of("must be 12 digits (yyyyMMddNNNC)");
        }
        if (birthDate(value).isEmpty()) {
            return Optional.of("does not start with a valid date of birth");
        }
        if (!checkDigitMatches(value)) {
            return Optional.of("has a wrong check digit");
        }
        return Optional.empty();
    }

    public boolean isSamordningsnummer() {
        return Integer.parseInt(value.substring(6, 8)) > 60;
    }

    public String oid() {
        return isSamordningsnummer() ? SAMORDNINGSNUMMER_OID : PERSONNUMMER_OID;
    }

    public LocalDate birthDate() {
        return birthDate(value).orElseThrow();
    }

    static Optional<LocalDate> birthDate(String value) {
        int year = Integer.parseInt(value.substring(0, 4));
        int month = Integer.parseInt(value.substring(4, 6));
        int day = Integer.parseInt(value.substring(6, 8));
        if (day > 60) {
            day -= 60;
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static boolean checkDigitMatches(String value) {
        var tenDigits = value.substring(2);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = tenDigits.charAt(i) - '0';
            int product = digit * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        int check = (10 - sum % 10) % 10;
        return check == tenDigits.charAt(9) - '0';
    }

    @Override
    public String toString() {
        return "Personnummer[hidden]";
    }
}
