package org.example.fmb.diagnosis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
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
import org.springframework.web.context.request.WebRequest;

/**
 * The two lookups clients make on every certificate: a diagnosis by ICD-10-SE code and by FMB id. A plain GET (JSON or
 * anything accepted, no conditional header but If-None-Match) is answered with the diagnosis' JSON serialized once per
 * published version, gzipped once when the client accepts gzip, or 304 when its ETag is the one it has; any other
 * request goes the general way of Spring MVC, with the same answers.
 */
@RestController
@RequestMapping("/fmb/api/v1")
@Tag(name = "Diagnoses")
class DiagnosisLookupController {

    private static final String CACHE_CONTROL =
            CacheControl.maxAge(0, TimeUnit.SECONDS).cachePublic().getHeaderValue();
    /** The conditional headers only the general path answers; If-None-Match the bytes answer themselves. */
    private static final Set<String> CONDITIONAL_HEADERS =
            Set.of(HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.IF_MATCH, HttpHeaders.IF_UNMODIFIED_SINCE);

    private final DiagnosisService diagnoses;

    DiagnosisLookupController(DiagnosisService diagnoses) {
        this.diagnoses = diagnoses;
    }

    @GetMapping("/diagnoses/by-code/{code}")
    @Operation(
            summary = "The diagnosis for an ICD-10-SE code, with or without dot; falls back to parent codes "
                    + "(F32.1 → F321 → F32), never below three characters. Supports If-None-Match / If-Modified-Since.")
    @ApiResponse(responseCode = "304", description = "Not modified since the given ETag or date")
    @ApiResponse(responseCode = "404", description = "No FMB diagnosis for the code or any parent code")
    ResponseEntity<DiagnosisDetails> byCode(
            @PathVariable String code,
            WebRequest request,
            HttpServletRequest servletRequest,
            HttpServletResponse response)
            throws IOException {
        var fileExtension = plain(servletRequest);
        if (fileExtension != null) {
            var found = diagnoses.documentByCode(code);
            send(
                    found.document(),
                    DiagnosisDocument.codes(found.requestedCode(), found.matchedCode()),
                    fileExtension,
                    servletRequest,
                    response);
            return null;
        }
        return conditional(diagnoses.byCode(code), request);
    }

    @GetMapping("/diagnoses/{id}")
    @Operation(summary = "A published diagnosis by its FMB id")
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "404", description = "No published diagnosis with this id")
    ResponseEntity<DiagnosisDetails> byId(
            @PathVariable long id, WebRequest request, HttpServletRequest servletRequest, HttpServletResponse response)
            throws IOException {
        var fileExtension = plain(servletRequest);
        if (fileExtension != null) {
            send(diagnoses.documentById(id), DiagnosisDocument.NO_CODES, fileExtension, servletRequest, response);
            return null;
        }
        return conditional(diagnoses.byId(id), request);
    }

    private static ResponseEntity<DiagnosisDetails> conditional(DiagnosisService.Found found, WebRequest request) {
        var published = found.diagnosis();
        if (request.checkNotModified(
                published.etag(), published.lastUpdated().toInstant().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).cachePublic())
                .body(found.details());
    }

    /**
     * For a request the bytes can answer as Spring MVC would: a GET without conditional headers that accepts JSON,
     * whose path has no parameters or escapes and no file extension other than digits (F32.1). Answers the
     * extension ("" for none), or null for any other request.
     */
    private static String plain(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.equals(MediaType.ALL_VALUE) && !accept.equals(MediaType.APPLICATION_JSON_VALUE)) {
            return null;
        }
        for (var header : CONDITIONAL_HEADERS) {
            if (request.getHeader(header) != null) {
                return null;
            }
        }
        var uri = request.getRequestURI();
        if (uri.indexOf(';') >= 0 || uri.indexOf('%') >= 0) {
            return null;
        }
        var name = uri.substring(uri.lastIndexOf('/') + 1);
        var dot = name.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        var extension = name.substring(dot + 1);
        for (int i = 0; i < extension.length(); i++) {
            if (!Character.isDigit(extension.charAt(i))) {
                return null;
            }
        }
        return extension;
    }

    /**
     * The diagnosis' JSON up to its code fields, then {@code codes}, with the status and headers Spring MVC sends with
     * the record: ETag, Last-Modified, Cache-Control, and for a path ending in a file extension the
     * Content-Disposition of its protection against reflected file downloads. A request whose If-None-Match names the
     * ETag gets 304; one that accepts gzip gets the bytes gzipped once for this version and code.
     */
    private static void send(
            DiagnosisDocument document,
            byte[] codes,
            String fileExtension,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.ETAG, document.etag());
        response.setHeader(HttpHeaders.LAST_MODIFIED, document.lastModifiedHeader());
        var ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, document.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (!fileExtension.isEmpty()) {
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline;filename=f.txt");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        var out = response.getOutputStream();
        if (acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            var gzipped = document.gzipped(codes);
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.setContentLength(gzipped.length);
            out.write(gzipped);
            return;
        }
        response.setContentLength(document.prefixLength() + codes.length);
        out.write(document.json(), 0, document.prefixLength());
        out.write(codes);
    }

    /** If-None-Match as Spring MVC reads it: {@code *}, or a list of ETags compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        var ours = weak(etag);
        for (var candidate : ifNoneMatch.split(",")) {
            var theirs = candidate.trim();
            if (theirs.equals("*") || weak(theirs).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String weak(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /** Whether Accept-Encoding accepts gzip ({@code gzip} or {@code *}, with a quality above 0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (var part : acceptEncoding.split(",")) {
            var semicolon = part.indexOf(';');
            var coding = (semicolon < 0 ? part : part.substring(0, semicolon)).trim();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                return semicolon < 0
                        || !part.substring(semicolon).replace(" ", "").matches(";q=0(\\.0{0,3})?");
            }
        }
        return false;
    }

    @ExceptionHandler
    ProblemDetail onNotFound(DiagnosisNotFoundException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return problem;
    }
}
