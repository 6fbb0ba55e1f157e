package org.example.hosp.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.example.hosp.identity.IdentityNumber;

/**
 * Everything the register holds on a person, in the parts the 6 § items are made of; other features decide what of it
 * a caller may see.
 */
public record RegisteredPerson(
        Identity identity,
        List<RegisteredLicence> licences,
        List<RegisteredEducation> educations,
        Prescribing prescribing,
        Recorded recorded) {

    /** Who the person is (item 1, with the folkbokföringsort of item 2), and whether the identity is protected. */
    public record Identity(
            IdentityNumber identityNumber,
            LocalDate birthDate,
            String givenName,
            String familyName,
            String sex,
            String folkbokforingsort,
            boolean protectedIdentity,
            boolean deceased) {}

    /** The prescriber code and what it covers (item 8); both absent for a person who may not prescribe. */
    public record Prescribing(String prescriberCode, String scope) {}

    /** When the register first recorded the person and last changed them (item 9). */
    public record Recorded(Instant registeredAt, Instant updatedAt) {}
}
