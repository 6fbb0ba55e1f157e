package org.example.hosp.directaccess;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.example.hosp.access.AccessService;
import org.example.hosp.identity.IdentityNumber;
import org.example.hosp.register.PersonNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/hosp/api/v1")
@Tag(
        name = "Direct access",
        description = "The register as the caller's actor type may see it (scope hosp.read); every read is audited")
@SecurityRequirement(name = "oauth2")
class DirectAccessController {

    private final DirectAccessService directAccess;
    private final AccessService access;
    private final Clock clock;

    DirectAccessController(DirectAccessService directAccess, AccessService access, Clock clock) {
        this.directAccess = directAccess;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/persons/{identityNumber}")
    @Operation(summary = "Look up a person by personnummer or samordningsnummer")
    @ApiResponse(
            responseCode = "200",
            description = "The person; properties of items the caller may not see are absent")
    @ApiResponse(responseCode = "400", description = "The identity number is malformed")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "No scope hosp.read, or no direct access for the actor type")
    @ApiResponse(responseCode = "404", description = "No person with that identity number")
    PersonView lookUp(
            @Parameter(
                            description = "YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN or YYMMDD+NNNN",
                            example = "19791023-9287")
                    @PathVariable
                    String identityNumber,
            @AuthenticationPrincipal Jwt token) {
        var caller = access.grant(token);
        return directAccess.lookUp(caller, IdentityNumber.parse(identityNumber, clock));
    }

    @PostMapping("/licence-checks")
    @Operation(summary = "Check up to 1,000 pairs: does the person hold this licence now, not revoked?")
    @ApiResponse(responseCode = "200", description = "One answer per pair, in the order asked")
    @ApiResponse(responseCode = "400", description = "Empty, over 1,000 entries, or malformed entries (named by index)")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "No scope hosp.read, or no direct access for the actor type")
    LicenceCheckResults check(@RequestBody LicenceCheckRequest request, @AuthenticationPrincipal Jwt token) {
        return directAccess.check(access.grant(token), request);
    }

    @ExceptionHandler
    ProblemDetail onNotFound(PersonNotFoundException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Person not found");
        problem.setProperty("field", "identityNumber");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onInvalidChecks(InvalidLicenceChecksException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", ex.errors());
        return problem;
    }
}
