package org.example.hosp.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.example.hosp.identity.IdentityNumber;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/hosp/api/v1/audit")
@Tag(name = "Audit", description = "Who read what, for the register's own staff (scope hosp.audit)")
@SecurityRequirement(name = "oauth2")
class AuditController {

    private final AuditService audit;
    private final Clock clock;

    AuditController(AuditService audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Search the audit trail by person and time, newest first")
    @ApiResponse(responseCode = "200", description = "A page of audit rows")
    @ApiResponse(responseCode = "400", description = "Malformed identity number, time or paging")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "The token lacks scope hosp.audit")
    AuditPage search(
            @Parameter(description = "Whose data was read (any accepted form)") @RequestParam(required = false)
                    String identityNumber,
            @Parameter(description = "From this time, inclusive (ISO 8601, e.g. 2026-01-01T00:00:00Z)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    OffsetDateTime from,
            @Parameter(description = "Up to this time, exclusive")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    OffsetDateTime to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        var number =
                identityNumber == null || identityNumber.isBlank() ? null : IdentityNumber.parse(identityNumber, clock);
        return audit.search(number, from, to, page, size);
    }
}
