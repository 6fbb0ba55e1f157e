package org.example.deathcertificate.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Year;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/death-certificates/api/v1/export")
@Tag(
        name = "Register export",
        description = "Coded certificates for the cause-of-death register (scope certificates.code)")
@SecurityRequirement(name = "oauth2")
class ExportController {

    static final String COUNT = "X-Export-Count";
    static final String SHA256 = "X-Export-Sha256";

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping
    @Operation(
            summary =
                    "A year or month of deaths with their final coding, as CSV or JSON Lines, streamed; the same period gives the same bytes")
    @ApiResponse(
            responseCode = "200",
            description = "The export",
            headers = {
                @Header(name = COUNT, description = "number of certificates"),
                @Header(name = SHA256, description = "SHA-256 of the body, hex"),
                @Header(name = "Repr-Digest", description = "RFC 9530: sha-256 of the body, base64")
            })
    @ApiResponse(responseCode = "400", description = "Neither or both of year and month, or an unknown format")
    void export(
            @RequestParam(required = false) @Parameter(example = "2026") Year year,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Parameter(example = "2026-05")
                    YearMonth month,
            @RequestParam(defaultValue = "csv") @Parameter(description = "csv or jsonl") String format,
            HttpServletResponse response) {
        var chosen = format(format);
        exports.export(ExportPeriod.of(year, month), chosen, summary -> {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(chosen.mediaType().toString());
            response.setContentLengthLong(summary.bytes());
            response.setHeader(COUNT, Long.toString(summary.count()));
            response.setHeader(SHA256, summary.sha256());
            response.setHeader(
                    "Repr-Digest",
                    "sha-256=:"
                            + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(summary.sha256())) + ":");
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("dodsorsaker-" + summary.period() + "." + chosen.extension())
                            .build()
                            .toString());
            return response.getOutputStream();
        });
    }

    @GetMapping("/summary")
    @Operation(summary = "Count, length and SHA-256 of an export, without its body")
    @ApiResponse(responseCode = "400", description = "Neither or both of year and month, or an unknown format")
    ExportSummary summary(
            @RequestParam(required = false) Year year,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(defaultValue = "csv") String format) {
        return exports.summary(ExportPeriod.of(year, month), format(format));
    }

    private static ExportFormat format(String format) {
        try {
            return ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnknownExportFormatException(format);
        }
    }

    @ExceptionHandler
    ProblemDetail onPeriod(InvalidExportPeriodException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onFormat(UnknownExportFormatException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }
}
