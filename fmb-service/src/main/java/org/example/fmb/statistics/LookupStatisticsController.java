package org.example.fmb.statistics;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/fmb/api/v1/statistics")
@Tag(name = "Statistics", description = "Lookups per diagnosis and day (no personal data)")
class LookupStatisticsController {

    private final LookupStatisticsService statistics;
    private final Clock clock;

    LookupStatisticsController(LookupStatisticsService statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/lookups")
    @Operation(summary = "Lookups per diagnosis and day in a period (default: the last 30 days)")
    @SecurityRequirement(name = "oauth2")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "The token lacks scope fmb.write")
    @ApiResponse(responseCode = "422", description = "from is after to")
    LookupStatistics lookups(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long diagnosisId) {
        var end = to == null ? LocalDate.now(clock) : to;
        var start = from == null ? end.minusDays(30) : from;
        if (start.isAfter(end)) {
            throw new InvalidPeriodException();
        }
        return statistics.lookups(start, end, diagnosisId);
    }

    @GetMapping("/collection-reads")
    @Operation(summary = "Reads of the Webcert collections per client and day in a period (default: the last 30 days)")
    @SecurityRequirement(name = "oauth2")
    @ApiResponse(responseCode = "422", description = "from is after to")
    java.util.List<DailyCollectionReads> collectionReads(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var end = to == null ? LocalDate.now(clock) : to;
        var start = from == null ? end.minusDays(30) : from;
        if (start.isAfter(end)) {
            throw new InvalidPeriodException();
        }
        return statistics.collectionReads(start, end);
    }

    @GetMapping("/sick-leave-checks")
    @Operation(
            summary = "Sick-leave checks per code, outcome (WITHIN, OVER the recommended maximum, or NONE to compare"
                    + " with) and day in a period (default: the last 30 days)")
    @SecurityRequirement(name = "oauth2")
    @ApiResponse(responseCode = "422", description = "from is after to")
    java.util.List<DailyChecks> checks(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var end = to == null ? LocalDate.now(clock) : to;
        var start = from == null ? end.minusDays(30) : from;
        if (start.isAfter(end)) {
            throw new InvalidPeriodException();
        }
        return statistics.checks(start, end);
    }

    @ExceptionHandler
    ProblemDetail onInvalidPeriod(InvalidPeriodException ex) {
        var problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "'from' must not be after 'to'.");
        problem.setTitle("Invalid period");
        problem.setProperty(
                "errors", java.util.List.of(java.util.Map.of("field", "from", "message", "must not be after to")));
        return problem;
    }

    static class InvalidPeriodException extends RuntimeException {}
}
