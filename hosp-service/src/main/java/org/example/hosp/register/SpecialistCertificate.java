package org.example.hosp.register;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/** A certificate of specialist competence (bevis om specialistkompetens) on a doctor's or dentist's licence. */
@Entity
class SpecialistCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private Licence licence;

    private String specialityCode;
    private String specialityName;
    private LocalDate certifiedOn;

    protected SpecialistCertificate() {}

    SpecialistCertificate(Licence licence, String specialityCode, String specialityName, LocalDate certifiedOn) {
        this.licence = licence;
        this.specialityCode = specialityCode;
        this.specialityName = specialityName;
        this.certifiedOn = certifiedOn;
    }

    String getSpecialityCode() {
        return specialityCode;
    }

    String getSpecialityName() {
        return specialityName;
    }

    LocalDate getCertifiedOn() {
        return certifiedOn;
    }
}
