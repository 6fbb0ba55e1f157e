package org.example.hosp.synthetic;

import java.time.LocalDate;
import java.util.List;
import org.example.hosp.register.RegisterRows;

/** The named demo persons with fixed identity numbers (listed in docs/hosp.md), loaded with the synthetic register. */
final class DemoPersons {

    static final String SPECIALIST_DOCTOR = "197003122442";
    static final String NURSE_WITH_REVOKED_LICENCE = "198504172738";
    static final String DOCTOR_WITH_LIMITED_PRESCRIBING = "197809223824";
    static final String PROTECTED_IDENTITY = "199002148261";
    static final String DENTIST_ON_TRIAL_PERIOD = "198211069151";
    static final String PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER = "199107695315";
    static final String DECEASED_DOCTOR = "194505132995";
    static final String NURSE_AND_MIDWIFE = "198806301480";

    static final List<String> IDENTITY_NUMBERS = List.of(
            SPECIALIST_DOCTOR,
            NURSE_WITH_REVOKED_LICENCE,
            DOCTOR_WITH_LIMITED_PRESCRIBING,
            PROTECTED_IDENTITY,
            DENTIST_ON_TRIAL_PERIOD,
            PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER,
            DECEASED_DOCTOR,
            NURSE_AND_MIDWIFE);
    static final List<String> PRESCRIBER_CODES = List.of("7000011", "7000029", "7000037", "7000045", "7000052");

    private DemoPersons() {}

    static void write(RegisterRows rows) {
        rows.person(
                SPECIALIST_DOCTOR,
                LocalDate.of(1970, 3, 12),
                "Karin",
                "Lind",
                false,
                "Uppsala",
                false,
                false,
                "7000011",
                "FULL",
                LocalDate.of(1997, 6, 15));
        long lk = rows.licence(SPECIALIST_DOCTOR, "LK", LocalDate.of(1997, 6, 15));
        rows.specialistCertificate(lk, "1099", "Internmedicin", LocalDate.of(2003, 9, 1));
        rows.specialistCertificate(lk, "32", "Klinisk fysiologi", LocalDate.of(2008, 2, 1));
        rows.education(SPECIALIST_DOCTOR, "LK", "Uppsala universitet", "SE", LocalDate.of(1995, 1, 20));

        rows.person(
                NURSE_WITH_REVOKED_LICENCE,
                LocalDate.of(1985, 4, 17),
                "Johan",
                "Berg",
                true,
                "Göteborg",
                false,
                false,
                null,
                null,
                LocalDate.of(2009, 1, 20));
        long sj = rows.licence(NURSE_WITH_REVOKED_LICENCE, "SJ", LocalDate.of(2009, 1, 20));
        rows.restriction(sj, "001", LocalDate.of(2024, 3, 1), null, "Återkallad av HSAN");
        rows.education(NURSE_WITH_REVOKED_LICENCE, "SJ", "Göteborgs universitet", "SE", LocalDate.of(2008, 12, 18));

        rows.person(
                DOCTOR_WITH_LIMITED_PRESCRIBING,
                LocalDate.of(1978, 9, 22),
                "Maria",
                "Ek",
                false,
                "Malmö",
                false,
                false,
                "7000029",
                "FULL",
                LocalDate.of(2006, 8, 1));
        long limited = rows.licence(DOCTOR_WITH_LIMITED_PRESCRIBING, "LK", LocalDate.of(2006, 8, 1));
        rows.restriction(limited, "003", LocalDate.of(2023, 5, 1), null, "Får inte förskriva narkotiska läkemedel");
        rows.education(DOCTOR_WITH_LIMITED_PRESCRIBING, "LK", "Lunds universitet", "SE", LocalDate.of(2004, 6, 4));

        rows.person(
                PROTECTED_IDENTITY,
                LocalDate.of(1990, 2, 14),
                "Sara",
                "Holm",
                false,
                "Stockholm",
                true,
                false,
                "7000037",
                "NURSE_FORMULARY",
                LocalDate.of(2014, 9, 1));
        rows.licence(PROTECTED_IDENTITY, "SJ", LocalDate.of(2014, 9, 1));
        rows.education(PROTECTED_IDENTITY, "SJ", "Karolinska institutet", "SE", LocalDate.of(2014, 6, 10));

        rows.person(
                DENTIST_ON_TRIAL_PERIOD,
                LocalDate.of(1982, 11, 6),
                "Erik",
                "Nyström",
                true,
                "Umeå",
                false,
                false,
                "7000045",
                "DENTAL_CARE",
                LocalDate.of(2008, 7, 1));
        long tl = rows.licence(DENTIST_ON_TRIAL_PERIOD, "TL", LocalDate.of(2008, 7, 1));
        rows.restriction(tl, "002", LocalDate.of(2025, 2, 1), LocalDate.of(2028, 1, 31), "Treårig prövotid");
        rows.education(DENTIST_ON_TRIAL_PERIOD, "TL", "Umeå universitet", "SE", LocalDate.of(2008, 6, 5));

        rows.person(
                PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER,
                LocalDate.of(1991, 7, 9),
                "Lukas",
                "Novak",
                true,
                "Linköping",
                false,
                false,
                null,
                null,
                LocalDate.of(2019, 3, 1));
        rows.licence(PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER, "FT", LocalDate.of(2019, 3, 1));
        rows.education(
                PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER, "FT", "Univerzita Karlova", "CZ", LocalDate.of(2015, 6, 30));

        rows.person(
                DECEASED_DOCTOR,
                LocalDate.of(1945, 5, 13),
                "Gunnar",
                "Ås",
                true,
                "Örebro",
                false,
                true,
                null,
                null,
                LocalDate.of(1972, 1, 10));
        rows.licence(DECEASED_DOCTOR, "LK", LocalDate.of(1972, 1, 10));
        rows.education(DECEASED_DOCTOR, "LK", "Karolinska institutet", "SE", LocalDate.of(1970, 12, 15));

        rows.person(
                NURSE_AND_MIDWIFE,
                LocalDate.of(1988, 6, 30),
                "Anna",
                "Wikström",
                false,
                "Luleå",
                false,
                false,
                "7000052",
                "CONTRACEPTIVES",
                LocalDate.of(2012, 1, 16));
        rows.licence(NURSE_AND_MIDWIFE, "SJ", LocalDate.of(2012, 1, 16));
        rows.licence(NURSE_AND_MIDWIFE, "BM", LocalDate.of(2015, 2, 2));
        rows.education(NURSE_AND_MIDWIFE, "SJ", "Luleå tekniska universitet", "SE", LocalDate.of(2011, 12, 20));
        rows.education(NURSE_AND_MIDWIFE, "BM", "Luleå tekniska universitet", "SE", LocalDate.of(2015, 1, 15));
    }
}
