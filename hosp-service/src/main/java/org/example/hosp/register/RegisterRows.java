package org.example.hosp.register;

import java.time.LocalDate;

/**
 * Rows of the register's tables in PostgreSQL's COPY CSV format, for one chunk of persons, as {@link RegisterLoadService}
 * loads them. Values never contain commas, quotes or line breaks; an empty field is NULL.
 */
public final class RegisterRows {

    final StringBuilder persons = new StringBuilder(1 << 20);
    final StringBuilder licences = new StringBuilder(1 << 19);
    final StringBuilder specialistCertificates = new StringBuilder(1 << 17);
    final StringBuilder restrictions = new StringBuilder(1 << 12);
    final StringBuilder educations = new StringBuilder(1 << 20);
    private long nextLicenceId;
    private int personCount;

    public RegisterRows(long firstLicenceId) {
        this.nextLicenceId = firstLicenceId;
    }

    public long nextLicenceId() {
        return nextLicenceId;
    }

    public int personCount() {
        return personCount;
    }

    /** The person rows written so far (COPY CSV). */
    public String personsCsv() {
        return persons.toString();
    }

    public void person(
            String identityNumber,
            LocalDate birthDate,
            String givenName,
            String familyName,
            boolean male,
            String folkbokforingsort,
            boolean protectedIdentity,
            boolean deceased,
            String prescriberCode,
            String prescribingScope,
            LocalDate registeredOn) {
        personCount++;
        persons.append(identityNumber)
                .append(',')
                .append(birthDate)
                .append(',')
                .append(givenName)
                .append(',')
                .append(familyName)
                .append(',')
                .append(male ? "MALE" : "FEMALE")
                .append(',')
                .append(folkbokforingsort)
                .append(',')
                .append(protectedIdentity)
                .append(',')
                .append(deceased)
                .append(',')
                .append(prescriberCode == null ? "" : prescriberCode)
                .append(',')
                .append(prescribingScope == null ? "" : prescribingScope)
                .append(',')
                .append(registeredOn)
                .append(" 08:00:00+01,")
                .append(registeredOn)
                .append(" 08:00:00+01\n");
    }

    public long licence(String identityNumber, String professionCode, LocalDate licensedOn) {
        long id = nextLicenceId++;
        licences.append(id)
                .append(',')
                .append(identityNumber)
                .append(',')
                .append(professionCode)
                .append(',')
                .append(licensedOn)
                .append('\n');
        return id;
    }

    public void specialistCertificate(long licenceId, String code, String name, LocalDate certifiedOn) {
        specialistCertificates
                .append(licenceId)
                .append(',')
                .append(code)
                .append(',')
                .append(name)
                .append(',')
                .append(certifiedOn)
                .append('\n');
    }

    public void restriction(long licenceId, String code, LocalDate validFrom, LocalDate validTo, String description) {
        restrictions
                .append(licenceId)
                .append(',')
                .append(code)
                .append(',')
                .append(validFrom)
                .append(',')
                .append(validTo == null ? "" : validTo)
                .append(',')
                .append(description == null ? "" : description)
                .append('\n');
    }

    public void education(
            String identityNumber, String professionCode, String school, String country, LocalDate examDate) {
        educations
                .append(identityNumber)
                .append(',')
                .append(professionCode)
                .append(',')
                .append(school)
                .append(',')
                .append(country)
                .append(',')
                .append(examDate)
                .append('\n');
    }
}
