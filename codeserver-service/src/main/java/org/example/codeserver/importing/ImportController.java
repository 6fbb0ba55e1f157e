package org.example.codeserver.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.example.codeserver.codesystem.CodeSystemVersionExistsException;
import org.example.codeserver.codesystem.ImportResult;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.example.codeserver.codesystem.PublicationStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/** Upload of a code system version (administrators, scope {@code codes.write}). */
@RestController
@RequestMapping("/codes/api/v1/imports")
@Tag(name = "Imports", description = "Import code system versions from files")
@SecurityRequirement(name = "oauth2")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import one version of a code system from a file (a zip for formats of several files)")
    @ApiResponse(responseCode = "201", description = "Imported")
    @ApiResponse(
            responseCode = "400",
            description = "Missing file or unknown format",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "401",
            description = "No valid token",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "Token without codes.write",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The version is already imported",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description = "The file breaks a rule; the problem names the line",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<ImportResult> importFile(
            @RequestPart("file") MultipartFile file,
            @RequestParam ImportFormat format,
            @RequestParam(required = false) @Parameter(description = "canonical URL; required unless the file says it")
                    String url,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) @Parameter(description = "OID without urn:oid:") String oid,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String publisher,
            @RequestParam(required = false) @Parameter(description = "short name used in the JSON API paths")
                    String slug,
            @RequestParam(required = false) PublicationStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
            UriComponentsBuilder uris)
            throws IOException {
        var metadata =
                new ImportMetadata(url, oid, List.of(), slug, name, title, publisher, version, status, effectiveDate);
        var result = imports.importFile(
                format,
                file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                file.getBytes(),
                metadata);
        var location = result.version() == null
                ? uris.path("/codes/api/v1/code-systems/{slug}").build(result.slug())
                : uris.path("/codes/api/v1/code-systems/{slug}/versions/{version}")
                        .build(result.slug(), result.version());
        return ResponseEntity.created(location).body(result);
    }

    @ExceptionHandler
    ProblemDetail onInvalid(InvalidCodeSystemException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Invalid code system file");
        if (ex.line() > 0) {
            problem.setProperty("line", ex.line());
        }
        problem.setProperty("field", ex.field() == null ? "file" : ex.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onExists(CodeSystemVersionExistsException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Version already imported");
        problem.setProperty("field", "version");
        return problem;
    }
}
