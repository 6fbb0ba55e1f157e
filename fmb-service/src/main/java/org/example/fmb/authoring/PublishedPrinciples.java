package org.example.fmb.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The general principles for sick leave as served now. */
public record PublishedPrinciples(
        int versionNumber,
        String title,
        String markup,
        LocalDate validFrom,
        LocalDate validTo,
        OffsetDateTime lastUpdated) {

    public String etag() {
        return "\"p-v" + versionNumber + "-" + lastUpdated.toEpochSecond() + "\"";
    }
}
