package org.example.deathcertificate.coding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.example.deathcertificate.certificate.CertificateNotFoundException;
import org.example.deathcertificate.certificate.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
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
@Validated
@RequestMapping("/death-certificates/api/v1/coding")
@Tag(
        name = "Coding",
        description =
                "The coders' workbench: queue, ICD-10-SE suggestions, versioned coding, second check (scope certificates.code)")
@SecurityRequirement(name = "oauth2")
class CodingController {

    private static final Logger log = LoggerFactory.getLogger(CodingController.class);

    private final CodingService coding;
    private final CodingQueueService queue;
    private final Icd10SeService icd;
    private final Regions regions;

    CodingController(CodingService coding, CodingQueueService queue, Icd10SeService icd, Regions regions) {
        this.coding = coding;
        this.queue = queue;
        this.icd = icd;
        this.regions = regions;
    }

    @GetMapping("/queue")
    @Operation(summary = "Certificates not yet coded, oldest arrival first")
    @ApiResponse(responseCode = "400", description = "Unknown channel or region, or a malformed month")
    QueuePage queue(
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false)
                    @DateTimeFormat(pattern = "yyyy-MM")
                    @Parameter(description = "month of death, YYYY-MM")
                    YearMonth month,
            @RequestParam(required = false)
                    @Parameter(description = "region name, see /coding/regions", example = "Region Skåne")
                    String region,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) Integer limit) {
        return queue.queue(channel, month, region, offset, limit);
    }

    @GetMapping("/regions")
    @Operation(summary = "The regions the queue can be filtered by")
    List<String> regions() {
        return regions.names();
    }

    @GetMapping("/certificates/{certificateId}")
    @Operation(
            summary =
                    "A certificate as the coder sees it: the cause lines with ICD-10-SE suggestions, the underlying-cause suggestion, the coding versions")
    @ApiResponse(responseCode = "404", description = "No certificate with this id")
    @ApiResponse(responseCode = "503", description = "The code server could not be reached")
    Workbench workbench(@PathVariable String certificateId) {
        return coding.workbench(certificateId);
    }

    @GetMapping("/certificates/{certificateId}/versions")
    @Operation(summary = "Every coding version of a certificate, newest first, with who coded and checked it and when")
    List<CodingDetails> versions(@PathVariable String certificateId) {
        return coding.history(certificateId);
    }

    @PostMapping("/certificates/{certificateId}/versions")
    @Operation(summary = "Save the next coding version (codes per line and the underlying cause)")
    @ApiResponse(responseCode = "201", description = "Saved as the next version")
    @ApiResponse(responseCode = "404", description = "No certificate with this id")
    @ApiResponse(
            responseCode = "409",
            description = "basedOnVersion is not the latest version, or the certificate is revoked")
    @ApiResponse(
            responseCode = "422",
            description =
                    "A code does not exist on the date of death, a manifestation code as underlying cause, no external cause for an injury; errors name the fields")
    @ApiResponse(responseCode = "503", description = "The code server could not be reached; nothing was saved")
    ResponseEntity<CodingDetails> code(
            @PathVariable String certificateId,
            @Valid @RequestBody NewCoding request,
            Authentication coder,
            UriComponentsBuilder uris) {
        var saved = coding.code(certificateId, request, coder.getName());
        return ResponseEntity.created(uris.path("/death-certificates/api/v1/coding/certificates/{id}/versions")
                        .build(certificateId))
                .body(saved);
    }

    @PostMapping("/certificates/{certificateId}/checks")
    @Operation(summary = "A second coder agrees or disagrees with the latest version (four-eyes)")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(
            responseCode = "409",
            description = "Not the latest version, checked by its own coder, or already checked by this coder")
    ResponseEntity<CodingDetails> check(
            @PathVariable String certificateId, @Valid @RequestBody NewCheck request, Authentication checker) {
        return ResponseEntity.status(HttpStatus.CREATED).body(coding.check(certificateId, request, checker.getName()));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "ICD-10-SE codes for a text, from the code server's version valid on the date")
    @ApiResponse(responseCode = "503", description = "The code server could not be reached")
    List<CodeSuggestion> suggestions(
            @RequestParam @NotBlank @Size(max = 400) String text,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return icd.suggest(text, icd.versionOn(date));
    }

    @ExceptionHandler
    ProblemDetail onNotFound(CertificateNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onConflict(CodingConflictException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Coding conflict");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onInvalid(InvalidCodingException ex) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "The coding breaks " + ex.problems().size() + " rule(s); nothing was saved.");
        problem.setTitle("Invalid coding");
        problem.setProperty(
                "errors",
                ex.problems().stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onUnknownRegion(UnknownRegionException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onCodeServerDown(CodeServerUnavailableException ex) {
        log.warn("Code server unavailable: {}", ex.getCause().toString());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("Code server unavailable");
        return problem;
    }
}
