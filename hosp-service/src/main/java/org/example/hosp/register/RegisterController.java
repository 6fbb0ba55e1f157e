package org.example.hosp.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import org.example.hosp.identity.IdentityNumber;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/hosp/api/v1/persons/{identityNumber}")
@Tag(
        name = "Register updates",
        description = "The registrar's updates (scope hosp.write); each one is an event in the change feed.")
@SecurityRequirement(name = "oauth2")
@ApiResponse(responseCode = "400", description = "Malformed identity number, profession code or body")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "The token lacks scope hosp.write")
@ApiResponse(responseCode = "404", description = "Unknown person, licence or restriction")
class RegisterController {

    private final RegisterService register;
    private final Clock clock;

    RegisterController(RegisterService register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @PostMapping("/licences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a licence (legitimation) in a profession")
    @ApiResponse(responseCode = "201", description = "The licence was issued")
    @ApiResponse(responseCode = "409", description = "The person already holds that licence")
    @ApiResponse(responseCode = "422", description = "A date breaks the register's rules, or the person is deceased")
    RegisteredLicence issueLicence(
            @PathVariable String identityNumber,
            @Valid @RequestBody NewLicence request,
            @AuthenticationPrincipal Jwt token) {
        return register.issueLicence(IdentityNumber.parse(identityNumber, clock), request, token.getSubject());
    }

    @PostMapping("/licences/{professionCode}/specialist-certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a specialist certificate to a doctor's (LK) or dentist's (TL) licence")
    @ApiResponse(responseCode = "201", description = "The certificate was added; the licence as it is now")
    @ApiResponse(responseCode = "409", description = "The licence already has that speciality")
    @ApiResponse(
            responseCode = "422",
            description = "The profession has no specialist certificates, or a date breaks the rules")
    RegisteredLicence addSpecialistCertificate(
            @PathVariable String identityNumber,
            @PathVariable String professionCode,
            @Valid @RequestBody NewSpecialistCertificate request,
            @AuthenticationPrincipal Jwt token) {
        return register.addSpecialistCertificate(
                IdentityNumber.parse(identityNumber, clock), professionCode, request, token.getSubject());
    }

    @PostMapping("/licences/{professionCode}/restrictions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a trial period (002) or a limited prescribing right (003) to a licence")
    @ApiResponse(responseCode = "201", description = "The restriction was added")
    @ApiResponse(responseCode = "409", description = "The licence already has that restriction in the period")
    @ApiResponse(responseCode = "422", description = "A date breaks the register's rules")
    RegisteredRestriction restrict(
            @PathVariable String identityNumber,
            @PathVariable String professionCode,
            @Valid @RequestBody NewRestriction request,
            @AuthenticationPrincipal Jwt token) {
        return register.restrict(
                IdentityNumber.parse(identityNumber, clock), professionCode, request, token.getSubject());
    }

    @PostMapping("/licences/{professionCode}/revocation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Revoke a licence (restriction 001)")
    @ApiResponse(responseCode = "201", description = "The licence is revoked from the date given")
    @ApiResponse(responseCode = "409", description = "The licence is already revoked")
    @ApiResponse(responseCode = "422", description = "A date breaks the register's rules")
    RegisteredRestriction revoke(
            @PathVariable String identityNumber,
            @PathVariable String professionCode,
            @Valid @RequestBody LicenceRevocation request,
            @AuthenticationPrincipal Jwt token) {
        return register.revoke(
                IdentityNumber.parse(identityNumber, clock), professionCode, request, token.getSubject());
    }

    @PostMapping("/restrictions/{restrictionId}/lifting")
    @Operation(summary = "Lift a restriction (a revocation lifted gives the licence back)")
    @ApiResponse(responseCode = "200", description = "The restriction no longer applies from the date given")
    @ApiResponse(responseCode = "409", description = "The restriction had already ended")
    @ApiResponse(responseCode = "422", description = "A date breaks the register's rules")
    RegisteredRestriction lift(
            @PathVariable String identityNumber,
            @PathVariable long restrictionId,
            @Valid @RequestBody RestrictionLifting request,
            @AuthenticationPrincipal Jwt token) {
        return register.lift(IdentityNumber.parse(identityNumber, clock), restrictionId, request, token.getSubject());
    }

    @ExceptionHandler
    ProblemDetail onPersonNotFound(PersonNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Person not found", ex.getMessage(), "identityNumber");
    }

    @ExceptionHandler
    ProblemDetail onLicenceNotFound(LicenceNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Licence not found", ex.getMessage(), "professionCode");
    }

    @ExceptionHandler
    ProblemDetail onRestrictionNotFound(RestrictionNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Restriction not found", ex.getMessage(), "restrictionId");
    }

    @ExceptionHandler
    ProblemDetail onUnknownProfession(UnknownProfessionException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Unknown profession", ex.getMessage(), "professionCode");
    }

    @ExceptionHandler
    ProblemDetail onConflict(ConflictingRegisterStateException ex) {
        return problem(HttpStatus.CONFLICT, "Conflicts with the register", ex.getMessage(), null);
    }

    @ExceptionHandler
    ProblemDetail onBrokenRule(BrokenRegisterRuleException ex) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Breaks a register rule", ex.getMessage(), ex.field());
    }

    @ExceptionHandler
    ProblemDetail onNotApplicable(SpecialistCertificateNotApplicableException ex) {
        return problem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "No specialist certificates for this profession",
                ex.getMessage(),
                "professionCode");
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ProblemDetail onConcurrentUpdate(RuntimeException ex) {
        return problem(
                HttpStatus.CONFLICT,
                "Concurrent update",
                "The person was updated by someone else at the same time; read again and retry.",
                null);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
