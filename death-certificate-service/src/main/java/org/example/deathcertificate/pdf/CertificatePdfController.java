package org.example.deathcertificate.pdf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.example.deathcertificate.certificate.CertificateNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/death-certificates/api/v1")
@Tag(name = "Death certificates")
@SecurityRequirement(name = "oauth2")
class CertificatePdfController {

    private final CertificatePdfService pdfs;

    CertificatePdfController(CertificatePdfService pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping(path = "/certificates/{certificateId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary =
                    "The certificate as a PDF/A laid out as the printed form; revoked or replaced said on the page (scope certificates.read)")
    @ApiResponse(responseCode = "200", description = "The PDF")
    @ApiResponse(responseCode = "404", description = "No certificate with this id")
    ResponseEntity<byte[]> pdf(@PathVariable String certificateId) {
        var pdf = pdfs.render(certificateId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(
                                        "dodsorsaksintyg-" + certificateId.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> onNotFound(CertificateNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
    }
}
