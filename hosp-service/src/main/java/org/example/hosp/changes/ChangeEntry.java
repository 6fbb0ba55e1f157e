package org.example.hosp.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One register update. For a protected identity only the cursor, the time and the identity number are given;
 * look the person up to see the minimum the register discloses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeEntry(
        @Schema(description = "Opaque cursor of this entry; pass it as 'after' to continue after it")
        String cursor,

        OffsetDateTime occurredAt,
        String identityNumber,
        String kind,
        String professionCode,
        String specialityCode,
        Long restrictionId,
        String restrictionCode,

        @Schema(description = "The date the change takes effect (issue, certification, restriction start or lift)")
        LocalDate effectiveOn) {}
