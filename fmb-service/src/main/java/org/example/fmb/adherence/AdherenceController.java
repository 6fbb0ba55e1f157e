package org.example.fmb.adherence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/fmb/api/v1/adherence")
@Tag(name = "Adherence", description = "How sick-leave lengths follow FMB, from uploaded anonymised episodes")
class AdherenceController {

    static final String CSV = "text/csv";

    private final AdherenceService adherence;
    private final long maxInflatedBytes;

    AdherenceController(
            AdherenceService adherence, @Value("${fmb.adherence.max-inflated-bytes:536870912}") long maxInflatedBytes) {
        this.adherence = adherence;
        this.maxInflatedBytes = maxInflatedBytes;
    }

    @PostMapping(
            value = "/uploads",
            consumes = {CSV, "application/octet-stream"})
    @Operation(
            summary = "Upload anonymised sick-leave episodes as CSV (header icd10_code,start,end,degree,sex,age_band,"
                    + "region; send Content-Encoding: gzip for large files); the figures replace the previous upload's")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    @SecurityRequirement(name = "oauth2")
    @ApiResponse(responseCode = "201", description = "Stored; the figures are ready")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "The token lacks scope fmb.analyse")
    @ApiResponse(
            responseCode = "413",
            description = "The body as sent (20 MB), or a gzip body once inflated (512 MB), is larger than the service"
                    + " takes")
    @ApiResponse(
            responseCode = "422",
            description = "Lines that are not episodes of the format, each named in errors[{line, message}]; "
                    + "nothing is stored")
    ResponseEntity<UploadSummary> upload(HttpServletRequest request, Authentication who, UriComponentsBuilder uris)
            throws IOException {
        try (InputStream body = "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))
                ? new InflatedSizeLimit(new GZIPInputStream(request.getInputStream(), 1 << 16), maxInflatedBytes)
                : request.getInputStream()) {
            var summary = adherence.upload(body, who.getName());
            return ResponseEntity.created(uris.path("/fmb/api/v1/adherence/uploads/latest")
                            .build()
                            .toUri())
                    .body(summary);
        }
    }

    @GetMapping("/uploads/latest")
    @Operation(summary = "The upload the figures come from")
    @SecurityRequirement(name = "oauth2")
    @ApiResponse(responseCode = "404", description = "Nothing uploaded yet")
    ResponseEntity<UploadSummary> latest() {
        return ResponseEntity.of(adherence.latestUpload());
    }

    @GetMapping("/diagnoses")
    @Operation(summary = "Per diagnosis over all months, in one region (county code) or all")
    @SecurityRequirement(name = "oauth2")
    List<AdherenceFigure> byDiagnosis(@RequestParam(required = false) String region) {
        return adherence.byDiagnosis(region);
    }

    @GetMapping("/diagnoses/{id}/regions")
    @Operation(summary = "One diagnosis per region over all months")
    @SecurityRequirement(name = "oauth2")
    List<AdherenceFigure> byRegion(@PathVariable long id) {
        return adherence.byRegion(id);
    }

    @GetMapping("/diagnoses/{id}/months")
    @Operation(summary = "One diagnosis per month of the start, in one region or all")
    @SecurityRequirement(name = "oauth2")
    List<AdherenceFigure> byMonth(@PathVariable long id, @RequestParam(required = false) String region) {
        return adherence.byMonth(id, region);
    }

    @GetMapping(value = "/diagnoses", produces = CSV)
    @Operation(summary = "The same table as CSV")
    @SecurityRequirement(name = "oauth2")
    ResponseEntity<String> byDiagnosisAsCsv(@RequestParam(required = false) String region) {
        return csv("adherence-by-diagnosis.csv", adherence.byDiagnosis(region));
    }

    @GetMapping(value = "/diagnoses/{id}/regions", produces = CSV)
    @Operation(summary = "The same table as CSV")
    @SecurityRequirement(name = "oauth2")
    ResponseEntity<String> byRegionAsCsv(@PathVariable long id) {
        return csv("adherence-" + id + "-by-region.csv", adherence.byRegion(id));
    }

    @GetMapping(value = "/diagnoses/{id}/months", produces = CSV)
    @Operation(summary = "The same table as CSV")
    @SecurityRequirement(name = "oauth2")
    ResponseEntity<String> byMonthAsCsv(@PathVariable long id, @RequestParam(required = false) String region) {
        return csv("adherence-" + id + "-by-month.csv", adherence.byMonth(id, region));
    }

    /** A table of figures as a CSV download. */
    static ResponseEntity<String> csv(String fileName, List<AdherenceFigure> figures) {
        var text = new StringBuilder(AdherenceFigure.CSV_HEADER);
        figures.forEach(f -> text.append(f.csvRow()));
        return ResponseEntity.ok()
                .header("Content-Type", CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(text.toString());
    }

    @ExceptionHandler
    ProblemDetail onInvalid(InvalidEpisodesException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Invalid episodes");
        problem.setProperty(
                "errors",
                ex.errors().stream()
                        .map(e -> Map.of("line", e.line(), "message", e.message()))
                        .toList());
        problem.setProperty("invalidLines", ex.invalidLines());
        if (ex.invalidLines() > ex.errors().size()) {
            problem.setProperty(
                    "unnamedInvalidLines", ex.invalidLines() - ex.errors().size());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onNotGzip(ZipException ex) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY, "The body is sent as gzip (Content-Encoding) but is not gzip.");
        problem.setTitle("Invalid episodes");
        return problem;
    }
}
