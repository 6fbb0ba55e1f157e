package org.example.deathcertificate.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Statistics",
        description =
                "Arrivals per month and channel, electronic share, lead times, coding backlog (scope certificates.read or certificates.code)")
@SecurityRequirement(name = "oauth2")
class StatisticsController {

    private final StatisticsService statistics;
    private final Clock clock;

    StatisticsController(StatisticsService statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/death-certificates/api/v1/statistics")
    @Operation(
            summary =
                    "Statistics of the certificates that arrived in a period (dates inclusive, Swedish time); default the last twelve months")
    @ApiResponse(responseCode = "400", description = "A malformed date, or to before from")
    Statistics statistics(
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Parameter(example = "2026-01-01")
                    LocalDate from,
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Parameter(example = "2026-12-31")
                    LocalDate to) {
        var end = to != null ? to : LocalDate.now(clock);
        var start = from != null ? from : end.minusMonths(12).plusDays(1);
        return statistics.statistics(start, end);
    }

    @ExceptionHandler
    ProblemDetail onInvalidPeriod(InvalidPeriodException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }
}
