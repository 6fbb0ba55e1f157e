package org.example.fmb.sickleave;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/fmb/api/v1/sick-leave-checks")
@Tag(name = "Sick-leave check", description = "Compares planned sick leave with FMB's recommended maximum")
class SickLeaveCheckController {

    private final SickLeaveCheckService checks;

    SickLeaveCheckController(SickLeaveCheckService checks) {
        this.checks = checks;
    }

    @PostMapping
    @Operation(
            summary = "Check sick-leave periods against the recommended maximum for ICD-10-SE codes. Days are "
                    + "calendar days, both ends included, whatever the degree; maximum = value × unit (d=1, wk=7, mo=31), "
                    + "the largest over the matching typical cases.")
    @SecurityRequirement(name = "oauth2")
    @ApiResponse(responseCode = "400", description = "Malformed request (missing fields, bad dates)")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "The token lacks scope fmb.read")
    @ApiResponse(
            responseCode = "422",
            description = "A period ends before it starts, periods overlap, a degree is not "
                    + "25/50/75/100, or a code is not an ICD-10-SE code; errors name the field")
    SickLeaveCheckResult check(@Valid @RequestBody SickLeaveCheckRequest request) {
        return checks.check(request);
    }

    @ExceptionHandler
    ProblemDetail onInvalid(InvalidSickLeaveException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Invalid sick-leave check");
        problem.setProperty(
                "errors",
                ex.errors().stream()
                        .map(e -> Map.of("field", e.field(), "message", e.message()))
                        .toList());
        return problem;
    }
}
