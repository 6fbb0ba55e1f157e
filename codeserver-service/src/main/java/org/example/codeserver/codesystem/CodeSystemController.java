package org.example.codeserver.codesystem;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plain JSON API over the code systems: open data, no token needed. */
@RestController
@RequestMapping("/codes/api/v1")
@Tag(name = "Code systems", description = "Look up, search and download the national code systems (open data)")
@ApiResponse(
        responseCode = "404",
        description = "Unknown code system, version or code",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
class CodeSystemController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final TerminologyService terminology;

    CodeSystemController(TerminologyService terminology) {
        this.terminology = terminology;
    }

    @GetMapping("/code-systems")
    @Operation(summary = "List all code systems with their versions")
    List<CodeSystemSummary> codeSystems() {
        return terminology.codeSystems();
    }

    @GetMapping("/code-systems/{system}")
    @Operation(summary = "Read a code system by slug or OID, with its versions")
    CodeSystemSummary codeSystem(@PathVariable @Parameter(example = "icd-10-se") String system) {
        return terminology.codeSystem(system);
    }

    @GetMapping("/code-systems/{system}/versions/{version}")
    @Operation(summary = "Read one version of a code system")
    CodeSystemVersionDetails version(
            @PathVariable String system, @PathVariable @Parameter(example = "2022") String version) {
        return terminology.codeSystem(system, version);
    }

    @GetMapping("/oids/{oid}")
    @Operation(summary = "Resolve an OID (or a known alias OID, with or without urn:oid:) to its code system")
    CodeSystemSummary oid(@PathVariable @Parameter(example = "1.2.752.116.1.1.1") String oid) {
        var bare = oid.startsWith("urn:oid:") ? oid.substring("urn:oid:".length()) : oid;
        if (!bare.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
            throw new CodeSystemNotFoundException(oid, null);
        }
        var external = ExternalOid.of(bare);
        if (external.isPresent()) {
            throw new CodeSystemNotServedException(external.get());
        }
        return terminology.codeSystem(bare);
    }

    @GetMapping("/code-systems/{system}/concepts/{code}")
    @Operation(summary = "Look up a code (ICD-10-SE with or without the dot)")
    ConceptDetails concept(
            @PathVariable String system,
            @PathVariable @Parameter(example = "F32.1") String code,
            @RequestParam(required = false) @Parameter(description = "version; latest active when absent")
                    String version) {
        return terminology
                .concept(system, version, code)
                .orElseThrow(() -> new ConceptNotFoundException(system, version, code));
    }

    @GetMapping("/lookup")
    @Operation(summary = "Look up a code in a code system named by canonical URL, OID or slug")
    ConceptDetails lookup(
            @RequestParam @Parameter(example = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se") String system,
            @RequestParam String code,
            @RequestParam(required = false) String version) {
        return concept(system, code, version);
    }

    @GetMapping("/code-systems/{system}/concepts/{code}/children")
    @Operation(summary = "The direct children of a concept")
    List<ConceptSummary> children(
            @PathVariable String system, @PathVariable String code, @RequestParam(required = false) String version) {
        return terminology.children(system, version, code);
    }

    @GetMapping("/code-systems/{system}/concepts/{code}/ancestors")
    @Operation(summary = "All ancestors of a concept, nearest first")
    List<ConceptSummary> ancestors(
            @PathVariable String system, @PathVariable String code, @RequestParam(required = false) String version) {
        return terminology.ancestors(system, version, code);
    }

    @GetMapping("/code-systems/{system}/concepts")
    @Operation(summary = "Search concepts by text or code, best first, with the true total; without q, list all")
    @ApiResponse(
            responseCode = "400",
            description = "Bad paging parameters",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    SearchPage search(
            @PathVariable String system,
            @RequestParam(required = false) @Parameter(example = "diab typ 2") String q,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit,
            @RequestParam(required = false) String version) {
        return terminology.search(system, version, q, offset, limit);
    }

    @GetMapping("/code-systems/{system}/diff")
    @Operation(summary = "Codes added, removed and renamed between two versions")
    VersionDiff diff(
            @PathVariable String system,
            @RequestParam @Parameter(example = "2021") String from,
            @RequestParam @Parameter(example = "2022") String to) {
        return terminology.diff(system, from, to);
    }

    @GetMapping("/code-systems/{system}/versions/{version}/download")
    @Operation(summary = "Download a whole version as CSV, JSON or a FHIR CodeSystem resource")
    @ApiResponse(
            responseCode = "400",
            description = "Unknown format",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> download(
            @PathVariable String system,
            @PathVariable String version,
            @RequestParam(defaultValue = "json") @Parameter(schema = @Schema(allowableValues = {"csv", "json", "fhir"}))
                    String format) {
        var details = terminology.codeSystem(system, version);
        var concepts = terminology.export(system, version);
        var fileName = details.slug() + "-" + version;
        return switch (format) {
            case "csv" -> file(fileName + ".csv", CSV, csv(concepts));
            case "json" ->
                file(
                        fileName + ".json",
                        MediaType.APPLICATION_JSON,
                        new CodeSystemDownload(
                                details,
                                concepts.stream().map(ExportedConcept::of).toList()));
            case "fhir" ->
                file(
                        fileName + ".fhir.json",
                        FHIR_JSON,
                        FhirContext.forR4Cached()
                                .newJsonParser()
                                .encodeResourceToString(CodeSystemFhirExport.toResource(details, concepts)));
            default -> throw new UnknownFormatException(format);
        };
    }

    private static ResponseEntity<Object> file(String name, MediaType type, Object body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    /** CSV with a header: code, display, status, parents (separated by |), definition. */
    static String csv(List<ConceptDetails> concepts) {
        var out = new StringBuilder("code,display,status,parents,definition\r\n");
        for (var c : concepts) {
            out.append(cell(c.code()))
                    .append(',')
                    .append(cell(c.display()))
                    .append(',')
                    .append(c.status().name())
                    .append(',')
                    .append(cell(String.join(
                            "|", c.parents().stream().map(ConceptSummary::code).toList())))
                    .append(',')
                    .append(cell(c.definition()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    @ExceptionHandler
    ProblemDetail onUnknownSystem(CodeSystemNotFoundException ex) {
        // The caller's value is not repeated: it names nothing known, and may be anything (a personnummer).
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                ex.version() == null ? "Unknown code system" : "Unknown version of code system " + ex.system());
        problem.setTitle(ex.version() == null ? "Unknown code system" : "Unknown code system version");
        problem.setProperty("field", ex.version() == null ? "system" : "version");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onNotServed(CodeSystemNotServedException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Known, not served here");
        problem.setProperty("oid", ex.external().oid());
        problem.setProperty("name", ex.external().title());
        problem.setProperty("kind", ex.external().kind());
        if (ex.external().url() != null) {
            problem.setProperty("url", ex.external().url());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onUnknownCode(ConceptNotFoundException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.withoutCode());
        problem.setTitle("Unknown code");
        problem.setProperty("field", "code");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail onUnknownFormat(UnknownFormatException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("field", "format");
        return problem;
    }

    /** A download format other than csv, json or fhir was asked for. */
    static class UnknownFormatException extends RuntimeException {
        UnknownFormatException(String format) {
            super("Unknown download format '" + format + "'; use csv, json or fhir");
        }
    }
}
