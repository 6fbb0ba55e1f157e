package org.example.hosp.register;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** A licence with its specialist certificates and restrictions. */
public record RegisteredLicence(
        String professionCode,
        String professionTitle,
        LocalDate licensedOn,
        List<RegisteredSpecialistCertificate> specialistCertificates,
        List<RegisteredRestriction> restrictions) {

    static RegisteredLicence of(Licence licence) {
        return new RegisteredLicence(
                licence.getProfession().code(),
                licence.getProfession().title(),
                licence.getLicensedOn(),
                licence.getSpecialistCertificates().stream()
                        .map(RegisteredSpecialistCertificate::of)
                        .sorted(Comparator.comparing(RegisteredSpecialistCertificate::certifiedOn)
                                .thenComparing(RegisteredSpecialistCertificate::specialityCode))
                        .toList(),
                licence.getRestrictions().stream()
                        .map(RegisteredRestriction::of)
                        .sorted(Comparator.comparing(RegisteredRestriction::validFrom)
                                .thenComparing(RegisteredRestriction::id))
                        .toList());
    }

    /** Held on the date: issued by then and not revoked on that day. */
    public boolean heldOn(LocalDate date) {
        return !licensedOn.isAfter(date)
                && restrictions.stream()
                        .noneMatch(r -> r.code().equals(RestrictionCode.REVOKED_LICENCE.code()) && r.isActiveOn(date));
    }
}
