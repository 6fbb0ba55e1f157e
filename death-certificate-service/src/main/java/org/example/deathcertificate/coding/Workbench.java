package org.example.deathcertificate.coding;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.example.deathcertificate.certificate.Channel;

/** What a coder sees of one certificate: the causes as written, code suggestions per line, and the coding so far. */
public record Workbench(
        String certificateId,
        Channel channel,
        String status,
        String dateOfDeath,
        Instant receivedAt,
        String municipality,
        String region,

        @Schema(description = "ICD-10-SE version valid on the date of death; suggestions and validation use it")
        String codeSystemVersion,

        List<Line> lines,
        Manner manner,
        Operation operation,
        List<String> grounds,

        @Schema(
                description =
                        "From the general principle, applied to the latest coding or else to the first suggestion per line")
        UnderlyingSuggestion underlyingCauseSuggestion,

        @Schema(description = "UNCODED, CODED, CHECKED (agreed by a second coder) or DISPUTED")
        String codingState,

        boolean secondCheckRequired,
        CodingDetails current,
        List<CodingDetails> history) {

    /** One written line: A–D (cause chain), 10.1… (contributing), 12 (how the injury came about). */
    public record Line(
            String line,
            String description,
            LocalDate onsetDate,
            String specification,
            List<CodeSuggestion> suggestions) {}

    public record Manner(
            boolean injuryOrPoisoning, String injuryCause, LocalDate injuryDate, String injuryDescription) {}

    public record Operation(String operation, LocalDate date, String reason) {}
}
