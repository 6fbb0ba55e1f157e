package org.example.hosp.access;

import java.util.Arrays;

/** The nine data items of 6 § förordningen (2006:196) om register över hälso- och sjukvårdspersonal. */
public enum RegisterItem {

    /** Name, personnummer or samordningsnummer, sex. */
    IDENTITY(1),
    /** Folkbokföringsort. */
    FOLKBOKFORINGSORT(2),
    /** The professions the person is licensed in. */
    PROFESSION(3),
    /** Basic education: profession, school, country, date of the degree. */
    EDUCATION(4),
    /** Specialities. */
    SPECIALITY(5),
    /** Dates of issue of licences and specialist certificates. */
    ISSUE_DATES(6),
    /** Decisions on trial period and revocation of a licence. */
    TRIAL_PERIOD_AND_REVOCATION(7),
    /** Prescriber code and scope of prescribing rights. */
    PRESCRIBING(8),
    /** Technical and administrative data needed for the register's purposes. */
    ADMINISTRATIVE(9);

    private final int number;

    RegisterItem(int number) {
        this.number = number;
    }

    /** The item's number in 6 §. */
    public int number() {
        return number;
    }

    public static RegisterItem of(int number) {
        return Arrays.stream(values())
                .filter(item -> item.number == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("6 § has items 1 to 9, not " + number));
    }
}
