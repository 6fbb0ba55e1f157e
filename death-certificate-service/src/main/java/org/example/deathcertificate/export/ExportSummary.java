package org.example.deathcertificate.export;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an export holds, without its bytes. */
public record ExportSummary(
        String period,
        ExportFormat format,

        @Schema(description = "Number of certificates (records)")
        long count,

        @Schema(description = "Length of the body in bytes") long bytes,
        @Schema(description = "SHA-256 of the body, hex") String sha256) {}
