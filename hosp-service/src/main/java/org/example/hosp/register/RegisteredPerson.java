package org.example.hosp.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.example.hosp.identity.IdentityNumber;

/** Everything the register holds on a person; other features decide what of it a caller may see. */
public record RegisteredPerson(IdentityNumber identityNumber, LocalDate birthDate, String givenName, String familyName,
        String sex, String folkbokforingsort, boolean protectedIdentity, boolean deceased,
        List<RegisteredLicence> licences, List<RegisteredEducation> educations, String prescriberCode,
        String prescribingScope, Instant registeredAt, Instant updatedAt) {

    static RegisteredPerson of(Person person) {
        return new RegisteredPerson(IdentityNumber.parse(person.getIdentityNumber()), person.getBirthDate(),
                person.getGivenName(), person.getFamilyName(), person.getSex(), person.getFolkbokforingsort(),
                person.isProtectedIdentity(), person.isDeceased(),
                person.getLicences().stream().map(RegisteredLicence::of)
                        .sorted(Comparator.comparing(RegisteredLicence::licensedOn)
                                .thenComparing(RegisteredLicence::professionCode))
                        .toList(),
                person.getEducations().stream().map(RegisteredEducation::of)
                        .sorted(Comparator.comparing(RegisteredEducation::examDate)).toList(),
                person.getPrescriberCode(),
                person.getPrescribingScope() == null ? null : person.getPrescribingScope().name(),
                person.getRegisteredAt(), person.getUpdatedAt());
    }
}
