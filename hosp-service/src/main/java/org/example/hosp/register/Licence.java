package org.example.hosp.register;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** A licence (legitimation) to practise one profession, with its specialist certificates and restrictions. */
@Entity
class Licence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "identity_number")
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(name = "profession_code")
    private Profession profession;

    private LocalDate licensedOn;

    @OneToMany(mappedBy = "licence", cascade = CascadeType.ALL)
    private Set<SpecialistCertificate> specialistCertificates = new HashSet<>();

    @OneToMany(mappedBy = "licence", cascade = CascadeType.ALL)
    private Set<Restriction> restrictions = new HashSet<>();

    protected Licence() {}

    Licence(Person person, Profession profession, LocalDate licensedOn) {
        this.person = person;
        this.profession = profession;
        this.licensedOn = licensedOn;
    }

    SpecialistCertificate addSpecialistCertificate(
            String specialityCode, String specialityName, LocalDate certifiedOn, LocalDate today) {
        if (!profession.hasSpecialistCertificates()) {
            throw new SpecialistCertificateNotApplicableException(profession);
        }
        checkDate("certifiedOn", certifiedOn, today);
        if (specialistCertificates.stream().anyMatch(c -> c.getSpecialityCode().equals(specialityCode))) {
            throw new ConflictingRegisterStateException(
                    "The licence already has a specialist certificate in speciality " + specialityCode + ".");
        }
        var certificate = new SpecialistCertificate(this, specialityCode, specialityName, certifiedOn);
        specialistCertificates.add(certificate);
        return certificate;
    }

    /** Adds a trial period or a limited prescribing right; revocation goes through {@link #revoke}. */
    Restriction restrict(
            RestrictionCode code, LocalDate validFrom, LocalDate validTo, String description, LocalDate today) {
        if (code == RestrictionCode.REVOKED_LICENCE) {
            throw new BrokenRegisterRuleException(
                    "code", "A licence is revoked through its revocation, not as a restriction (code 001).");
        }
        return addRestriction(code, validFrom, validTo, description, today);
    }

    Restriction revoke(LocalDate revokedOn, String description, LocalDate today) {
        return addRestriction(RestrictionCode.REVOKED_LICENCE, revokedOn, null, description, today);
    }

    private Restriction addRestriction(
            RestrictionCode code, LocalDate validFrom, LocalDate validTo, String description, LocalDate today) {
        checkDate("validFrom", validFrom, today);
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new BrokenRegisterRuleException("validTo", "validTo cannot be before validFrom.");
        }
        if (restrictions.stream().anyMatch(r -> r.code() == code && r.overlaps(validFrom, validTo))) {
            throw new ConflictingRegisterStateException(
                    code == RestrictionCode.REVOKED_LICENCE
                            ? "The licence is already revoked."
                            : "The licence already has a restriction " + code.code() + " in that period.");
        }
        var restriction = new Restriction(this, code, validFrom, validTo, description);
        restrictions.add(restriction);
        return restriction;
    }

    private void checkDate(String field, LocalDate date, LocalDate today) {
        if (date.isBefore(licensedOn)) {
            throw new BrokenRegisterRuleException(field, field + " cannot be before the licence was issued.");
        }
        if (date.isAfter(today)) {
            throw new BrokenRegisterRuleException(field, field + " cannot be in the future.");
        }
    }

    Long getId() {
        return id;
    }

    Person getPerson() {
        return person;
    }

    Profession getProfession() {
        return profession;
    }

    LocalDate getLicensedOn() {
        return licensedOn;
    }

    Set<SpecialistCertificate> getSpecialistCertificates() {
        return specialistCertificates;
    }

    Set<Restriction> getRestrictions() {
        return restrictions;
    }
}
