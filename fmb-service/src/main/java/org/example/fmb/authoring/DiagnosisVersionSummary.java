package org.example.fmb.authoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One line of a diagnosis' history. */
public record DiagnosisVersionSummary(
        int versionNumber,
        Status status,
        LocalDate validFrom,
        LocalDate validTo,
        String createdBy,
        Instant createdAt,
        Integer basedOnVersion,
        List<VersionEventDetails> events) {

    static DiagnosisVersionSummary of(DiagnosisVersionDetails v) {
        return new DiagnosisVersionSummary(
                v.versionNumber(),
                v.status(),
                v.validFrom(),
                v.validTo(),
                v.createdBy(),
                v.createdAt(),
                v.basedOnVersion(),
                v.events());
    }
}
