package org.example.fmb.authoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A version of the general principles for sick leave, with its workflow history. */
public record PrinciplesVersionDetails(
        int versionNumber,
        Status status,
        LocalDate validFrom,
        LocalDate validTo,
        long lockVersion,
        String title,
        String markup,
        String createdBy,
        Instant createdAt,
        List<VersionEventDetails> events) {}
