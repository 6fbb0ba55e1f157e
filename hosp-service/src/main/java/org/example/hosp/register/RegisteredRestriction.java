package org.example.hosp.register;

import java.time.LocalDate;
import org.example.hosp.access.RegisterItem;

/** A restriction on a licence; {@code validTo} is the last day it applies, none means until further notice. */
public record RegisteredRestriction(
        long id, String code, String title, LocalDate validFrom, LocalDate validTo, String description) {

    static RegisteredRestriction of(Restriction restriction) {
        var code = restriction.code();
        return new RegisteredRestriction(
                restriction.getId(),
                code.code(),
                code.title(),
                restriction.getValidFrom(),
                restriction.getValidTo(),
                restriction.getDescription());
    }

    public boolean isActiveOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }

    /** The 6 § item this restriction belongs to: 7 for revocation and trial period, 8 for limited prescribing. */
    public RegisterItem item() {
        return RestrictionCode.of(code).item();
    }
}
