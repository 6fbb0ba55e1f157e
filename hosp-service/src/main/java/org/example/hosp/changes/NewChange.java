package org.example.hosp.changes;

import java.time.LocalDate;
import java.util.Set;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.identity.IdentityNumber;

/**
 * A register update to publish in the feed; {@code items} are the 6 § items whose data the event carries (the
 * identity number, item 1, is always added).
 */
public record NewChange(
        IdentityNumber identityNumber,
        ChangeKind kind,
        Set<RegisterItem> items,
        String professionCode,
        String specialityCode,
        Long restrictionId,
        String restrictionCode,
        LocalDate effectiveOn,
        String changedBy) {}
