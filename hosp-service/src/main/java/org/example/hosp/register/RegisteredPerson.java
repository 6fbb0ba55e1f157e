package org.example.hosp.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.example.hosp.identity.IdentityNumber;

/** Everything the register holds on a person; other features decide what of it a caller may see. */
public record RegisteredPerson(
        IdentityNumber identityNumber,
        LocalDate birthDate,
        String givenName,
        String familyName,
        String sex,
        String folkbokforingsort,
        boolean protectedIdentity,
        boolean deceased,
        List<RegisteredLicence> licences,
        List<RegisteredEducation> educations,
        String prescriberCode,
        String prescribingScope,
        Instant registeredAt,
        Instant updatedAt) {}
