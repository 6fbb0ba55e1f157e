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
        List<VersionEventDetails> events) {}
