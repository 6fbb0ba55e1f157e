package org.example.hosp.register;

import java.time.LocalDate;

/** A specialist certificate: speciality code and name, and the date it was issued. */
public record RegisteredSpecialistCertificate(String specialityCode, String specialityName, LocalDate certifiedOn) {

    static RegisteredSpecialistCertificate of(SpecialistCertificate certificate) {
        return new RegisteredSpecialistCertificate(
                certificate.getSpecialityCode(), certificate.getSpecialityName(), certificate.getCertifiedOn());
    }
}
