package org.example.deathcertificate.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/death-certificates/api/v1")
@Tag(name = "Death certificates", description = "Cause-of-death certificates (DOI): JSON and paper intake, reading")
@SecurityRequirement(name = "oauth2")
class CertificateController {

    private final CertificateService certificates;

    CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    @PostMapping("/certificates")
    @Operation(
            summary =
                    "Hand in a certificate as JSON (scope certificates.submit); the same certificate twice is stored once",
            description =
                    "The answer says only whether it is stored now or was stored before; reading a stored "
                            + "certificate needs certificates.read. The same id with other content, or from another sender, is a conflict.")
    @ApiResponse(responseCode = "201", description = "Stored")
    @ApiResponse(
            responseCode = "200",
            description = "The same certificate from the same sender was stored earlier; nothing changed")
    @ApiResponse(responseCode = "400", description = "Malformed request or missing required answers")
    @ApiResponse(
            responseCode = "409",
            description = "A certificate with this id is stored with other content or from another sender")
    @ApiResponse(responseCode = "422", description = "Breaks a DOI rule; errors name the fields")
    @ApiResponse(responseCode = "503", description = "Could not be stored now; send it again")
    ResponseEntity<CertificateReceipt> submit(
            @Valid @RequestBody NewCertificate certificate, Authentication sender, UriComponentsBuilder uris) {
        return registered(certificates.register(certificate, Channel.API, sender.getName()), uris);
    }

    @PostMapping("/paper-certificates")
    @Operation(
            summary =
                    "Register a paper certificate typed in by the authority (scope certificates.code); personnummer optional")
    @ApiResponse(responseCode = "201", description = "Stored")
    @ApiResponse(responseCode = "200", description = "The same certificate was registered earlier; nothing changed")
    @ApiResponse(responseCode = "400", description = "Malformed request or missing required answers")
    @ApiResponse(
            responseCode = "409",
            description = "A certificate with this id is stored with other content or from another sender")
    @ApiResponse(responseCode = "422", description = "Breaks a DOI rule; errors name the fields")
    @ApiResponse(responseCode = "503", description = "Could not be stored now; send it again")
    ResponseEntity<CertificateReceipt> registerPaper(
            @Valid @RequestBody NewCertificate certificate, Authentication sender, UriComponentsBuilder uris) {
        return registered(certificates.register(certificate, Channel.PAPER, sender.getName()), uris);
    }

    @GetMapping("/certificates/{certificateId}")
    @Operation(summary = "Read a certificate with all its answers (scope certificates.read)")
    @ApiResponse(responseCode = "404", description = "No certificate with this id")
    CertificateDetails get(@PathVariable String certificateId) {
        return certificates.get(certificateId);
    }

    @GetMapping("/certificates/{certificateId}/original")
    @Operation(summary = "The RegisterCertificate element exactly as received from Webcert (scope certificates.read)")
    @ApiResponse(responseCode = "404", description = "No certificate with this id, or it did not arrive as XML")
    ResponseEntity<byte[]> original(@PathVariable String certificateId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(certificates.original(certificateId));
    }

    @GetMapping("/certificates")
    @Operation(
            summary =
                    "Search certificates by date of death, status and channel, page by page (scope certificates.read)")
    @ApiResponse(responseCode = "400", description = "A parameter has an invalid value")
    PagedModel<CertificateSummary> search(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfDeathFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfDeathTo,
            @RequestParam(required = false) CertificateQuery.Status status,
            @RequestParam(required = false) Channel channel,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        return new PagedModel<>(
                certificates.search(new CertificateQuery(dateOfDeathFrom, dateOfDeathTo, status, channel), page, size));
    }

    private static ResponseEntity<CertificateReceipt> registered(Registration registration, UriComponentsBuilder uris) {
        var receipt = CertificateReceipt.of(registration);
        if (!registration.created()) {
            return ResponseEntity.ok(receipt);
        }
        var location = uris.path("/death-certificates/api/v1/certificates/{id}").build(registration.certificateId());
        return ResponseEntity.created(location).body(receipt);
    }

    @ExceptionHandler
    ProblemDetail onInvalid(CertificateValidationException ex) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "The certificate breaks " + ex.violations().size() + " rule(s): " + ex.getMessage());
        problem.setTitle("Invalid certificate");
        problem.setProperty(
                "errors",
                ex.violations().stream()
                        .map(v -> Map.of("field", v.field(), "message", v.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onConflict(CertificateConflictException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Certificate id already used");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onNotFound(CertificateNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onNoOriginal(OriginalNotStoredException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onStorageFailure(DataAccessException ex) {
        org.slf4j.LoggerFactory.getLogger(CertificateController.class).error("Certificate could not be stored", ex);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The certificate could not be stored now; send it again.");
        problem.setTitle("Try again");
        return problem;
    }
}
