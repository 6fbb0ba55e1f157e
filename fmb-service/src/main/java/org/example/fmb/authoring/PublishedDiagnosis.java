package org.example.fmb.authoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The version of a diagnosis that is served now. {@code validTo} is the first day it is no longer valid. */
public record PublishedDiagnosis(
        long id,
        int versionNumber,
        LocalDate validFrom,
        LocalDate validTo,
        OffsetDateTime lastUpdated,
        DiagnosisContent content) {

    public String etag() {
        return "\"d" + id + "-v" + versionNumber + "-" + lastUpdated.toEpochSecond() + "\"";
    }
}
