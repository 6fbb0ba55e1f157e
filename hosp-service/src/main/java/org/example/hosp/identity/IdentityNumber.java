package org.example.hosp.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A validated personnummer or samordningsnummer, always held in its 12-digit form {@code YYYYMMDDNNNC}.
 * <p>
 * Accepted input: {@code YYYYMMDDNNNC}, {@code YYYYMMDD-NNNC}, {@code YYMMDDNNNC}, {@code YYMMDD-NNNC} and
 * {@code YYMMDD+NNNC}. In the 10-digit forms the century is the one that makes the person younger than 100
 * years on the reference date, or at least 100 years old with {@code +} (Folkbokföringslagen 18 §). A
 * samordningsnummer has 60 added to its day of birth. The check digit is the Luhn digit of the 10-digit form.
 * {@link #toString()} masks the number so that it cannot end up in a log by accident.
 */
public final class IdentityNumber implements Comparable<IdentityNumber> {

    private final String value;

    private IdentityNumber(String value) {
        this.value = value;
    }

    /** Parses against the clock's date (for the century of the 10-digit forms and the not-in-the-future rule). */
    public static IdentityNumber parse(String text, Clock clock) {
        return parse(text, LocalDate.now(clock));
    }

    public static IdentityNumber parse(String text, LocalDate today) {
        if (text == null || text.isEmpty()) {
            throw new MalformedIdentityNumberException("it is empty");
        }
        String twelve;
        switch (text.length()) {
            case 12 -> twelve = digits(text, "12 digits");
            case 13 -> {
                if (text.charAt(8) != '-') {
                    throw new MalformedIdentityNumberException("the 13-character form is YYYYMMDD-NNNN");
                }
                twelve = digits(text.substring(0, 8) + text.substring(9), "YYYYMMDD-NNNN");
            }
            case 10 -> twelve = withCentury(digits(text, "10 digits"), false, today);
            case 11 -> {
                char separator = text.charAt(6);
                if (separator != '-' && separator != '+') {
                    throw new MalformedIdentityNumberException("the 11-character form is YYMMDD-NNNN or YYMMDD+NNNN");
                }
                twelve = withCentury(
                        digits(text.substring(0, 6) + text.substring(7), "YYMMDD-NNNN"), separator == '+', today);
            }
            default ->
                throw new MalformedIdentityNumberException(
                        "expected YYYYMMDDNNNN, YYYYMMDD-NNNN or YYMMDD-NNNN (YYMMDD+NNNN from 100 years)");
        }
        var birthDate = birthDateOf(twelve);
        if (birthDate.isAfter(today)) {
            throw new MalformedIdentityNumberException("the date of birth is in the future");
        }
        if (luhn(twelve.substring(2, 11)) != twelve.charAt(11) - '0') {
            throw new MalformedIdentityNumberException("the check digit does not match");
        }
        return new IdentityNumber(twelve);
    }

    /** Builds a valid number from its parts, computing the check digit (for generators and tests). */
    public static IdentityNumber of(LocalDate birthDate, int serial, boolean samordningsnummer) {
        if (serial < 0 || serial > 999) {
            throw new IllegalArgumentException("The serial number has three digits");
        }
        int year = birthDate.getYear();
        int day = birthDate.getDayOfMonth() + (samordningsnummer ? 60 : 0);
        var digits = new char[12];
        put(digits, 0, year / 100, 2);
        put(digits, 2, year % 100, 2);
        put(digits, 4, birthDate.getMonthValue(), 2);
        put(digits, 6, day, 2);
        put(digits, 8, serial, 3);
        digits[11] = (char) ('0' + luhn(new String(digits, 2, 9)));
        return new IdentityNumber(new String(digits));
    }

    private static void put(char[] digits, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            digits[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The Luhn check digit for the nine digits {@code YYMMDDNNN}. */
    public static int luhn(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int digit = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** The 12-digit form {@code YYYYMMDDNNNC}. */
    @JsonValue
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public boolean isSamordningsnummer() {
        return Integer.parseInt(value.substring(6, 8)) > 60;
    }

    /** Legal sex as encoded in the second-to-last digit: odd for men, even for women. */
    public boolean isMale() {
        return (value.charAt(10) - '0') % 2 == 1;
    }

    private static String digits(String text, String form) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new MalformedIdentityNumberException("the form " + form + " allows digits only");
            }
        }
        return text;
    }

    private static String withCentury(String ten, boolean hundredOrOlder, LocalDate today) {
        int yy = Integer.parseInt(ten.substring(0, 2));
        int month = Integer.parseInt(ten.substring(2, 4));
        int day = dayOfBirth(Integer.parseInt(ten.substring(4, 6)));
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        var birthDate = date(year, month, day);
        if (birthDate.isAfter(today)) {
            year -= 100;
        }
        if (hundredOrOlder) {
            year -= 100;
        }
        return String.format("%04d", year).substring(0, 2) + ten;
    }

    private static LocalDate birthDateOf(String twelve) {
        return date(
                Integer.parseInt(twelve.substring(0, 4)),
                Integer.parseInt(twelve.substring(4, 6)),
                dayOfBirth(Integer.parseInt(twelve.substring(6, 8))));
    }

    private static int dayOfBirth(int day) {
        return day > 60 ? day - 60 : day;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new MalformedIdentityNumberException("the date of birth does not exist");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(IdentityNumber other) {
        return value.compareTo(other.value);
    }

    /** Masked on purpose: identity numbers never go to logs. Use {@link #value()} for the number. */
    @Override
    public String toString() {
        return "IdentityNumber[********-****]";
    }
}
