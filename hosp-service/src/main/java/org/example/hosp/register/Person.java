package org.example.hosp.register;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A person in the register, identified by personnummer or samordningsnummer. */
@Entity
class Person {

    @Id
    private String identityNumber;

    private LocalDate birthDate;
    private String givenName;
    private String familyName;
    private String sex;
    private String folkbokforingsort;
    private boolean protectedIdentity;
    private boolean deceased;
    private String prescriberCode;

    @Enumerated(EnumType.STRING)
    private PrescribingScope prescribingScope;

    private Instant registeredAt;
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "person", cascade = CascadeType.ALL)
    private Set<Licence> licences = new HashSet<>();

    @OneToMany(mappedBy = "person")
    private Set<Education> educations = new HashSet<>();

    protected Person() {}

    Licence issueLicence(Profession profession, LocalDate licensedOn, LocalDate today, Instant now) {
        if (deceased) {
            throw new BrokenRegisterRuleException("identityNumber", "A licence cannot be issued to a deceased person.");
        }
        if (licensedOn.isAfter(today)) {
            throw new BrokenRegisterRuleException("licensedOn", "licensedOn cannot be in the future.");
        }
        if (licensedOn.isBefore(birthDate)) {
            throw new BrokenRegisterRuleException("licensedOn", "licensedOn cannot be before the date of birth.");
        }
        if (licence(profession).isPresent()) {
            throw new ConflictingRegisterStateException(
                    "The person already holds a licence as " + profession.code() + ".");
        }
        var licence = new Licence(this, profession, licensedOn);
        licences.add(licence);
        touch(now);
        return licence;
    }

    Optional<Licence> licence(Profession profession) {
        return licences.stream()
                .filter(licence -> licence.getProfession() == profession)
                .findFirst();
    }

    Licence licenceOrThrow(Profession profession) {
        return licence(profession).orElseThrow(() -> new LicenceNotFoundException(profession));
    }

    Optional<Restriction> restriction(long id) {
        return licences.stream()
                .flatMap(licence -> licence.getRestrictions().stream())
                .filter(restriction -> restriction.getId() != null && restriction.getId() == id)
                .findFirst();
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    String getIdentityNumber() {
        return identityNumber;
    }

    LocalDate getBirthDate() {
        return birthDate;
    }

    String getGivenName() {
        return givenName;
    }

    String getFamilyName() {
        return familyName;
    }

    String getSex() {
        return sex;
    }

    String getFolkbokforingsort() {
        return folkbokforingsort;
    }

    boolean isProtectedIdentity() {
        return protectedIdentity;
    }

    boolean isDeceased() {
        return deceased;
    }

    String getPrescriberCode() {
        return prescriberCode;
    }

    PrescribingScope getPrescribingScope() {
        return prescribingScope;
    }

    Instant getRegisteredAt() {
        return registeredAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Set<Licence> getLicences() {
        return licences;
    }

    Set<Education> getEducations() {
        return educations;
    }
}
