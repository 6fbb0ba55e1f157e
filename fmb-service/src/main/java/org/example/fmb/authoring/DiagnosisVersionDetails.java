package org.example.fmb.authoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A version of a diagnosis as editors and reviewers see it: content, state, lock and history. */
public record DiagnosisVersionDetails(
        long diagnosisId,
        int versionNumber,
        Status status,
        LocalDate validFrom,
        LocalDate validTo,
        long lockVersion,
        String createdBy,
        Instant createdAt,
        Integer basedOnVersion,
        OffsetDateTime lastUpdated,
        DiagnosisContent content,
        List<VersionEventDetails> events,
        List<String> warnings) {

    static DiagnosisVersionDetails of(DiagnosisVersion v, List<VersionEventDetails> events, List<String> warnings) {
        return new DiagnosisVersionDetails(
                v.getDiagnosisId(),
                v.getVersionNumber(),
                v.getStatus(),
                v.getValidFrom(),
                v.getValidTo(),
                v.getLockVersion(),
                v.getCreatedBy(),
                v.getCreatedAt(),
                v.getBasedOnVersion(),
                v.getLastUpdated(),
                v.content(),
                events,
                warnings);
    }
}
