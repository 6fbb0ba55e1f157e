package org.example.hosp.register;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/**
 * A restriction on a licence (behörighetsbegränsning): revocation, trial period or limited prescribing.
 * {@code validTo} is the last day it applies; none means until further notice.
 */
@Entity
class Restriction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private Licence licence;

    private String code;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String description;

    protected Restriction() {}

    Restriction(Licence licence, RestrictionCode code, LocalDate validFrom, LocalDate validTo, String description) {
        this.licence = licence;
        this.code = code.code();
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.description = description;
    }

    /** Lifts the restriction: from {@code liftedOn} on it no longer applies. */
    void lift(LocalDate liftedOn, LocalDate today) {
        if (liftedOn.isAfter(today)) {
            throw new BrokenRegisterRuleException("liftedOn", "liftedOn cannot be in the future.");
        }
        if (!liftedOn.isAfter(validFrom)) {
            throw new BrokenRegisterRuleException("liftedOn", "liftedOn must be after the restriction's validFrom.");
        }
        if (validTo != null && validTo.isBefore(liftedOn)) {
            throw new ConflictingRegisterStateException("The restriction had already ended on " + validTo + ".");
        }
        validTo = liftedOn.minusDays(1);
    }

    boolean isActiveOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }

    boolean overlaps(LocalDate from, LocalDate to) {
        return (validTo == null || !validTo.isBefore(from)) && (to == null || !to.isBefore(validFrom));
    }

    RestrictionCode code() {
        return RestrictionCode.of(code);
    }

    Long getId() {
        return id;
    }

    Licence getLicence() {
        return licence;
    }

    LocalDate getValidFrom() {
        return validFrom;
    }

    LocalDate getValidTo() {
        return validTo;
    }

    String getDescription() {
        return description;
    }
}
