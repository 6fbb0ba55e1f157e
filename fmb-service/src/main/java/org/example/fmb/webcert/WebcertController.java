package org.example.fmb.webcert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.example.fmb.statistics.LookupStatisticsService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/fmb")
@Tag(name = "Webcert collections", description = "The FMB API's bulk collections that Webcert downloads (JSON:API)")
class WebcertController {

    private final WebcertCollectionService collections;
    private final LookupStatisticsService statistics;

    WebcertController(WebcertCollectionService collections, LookupStatisticsService statistics) {
        this.collections = collections;
        this.statistics = statistics;
    }

    @GetMapping(path = "/" + WebcertCollectionService.DIAGNOSES, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All published diagnosis pages (försäkringsmedicinsk diagnosinformation)")
    ResponseEntity<byte[]> diagnoses(
            @Parameter(description = "true: markup sections hold HTML; false: plain text")
                    @RequestParam(name = "inlinehtmlmarkup", defaultValue = "false")
                    boolean inlineMarkup,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            Principal client) {
        statistics.countCollectionRead(clientName(client), WebcertCollectionService.DIAGNOSES);
        return send(
                collections.collection(WebcertCollectionService.DIAGNOSES, inlineMarkup), acceptEncoding, ifNoneMatch);
    }

    @GetMapping(path = "/" + WebcertCollectionService.TYPICAL_CASES, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "All published typical cases (typfall) with their recommended sick leave")
    ResponseEntity<byte[]> typicalCases(
            @RequestParam(name = "inlinehtmlmarkup", defaultValue = "false") boolean inlineMarkup,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            Principal client) {
        statistics.countCollectionRead(clientName(client), WebcertCollectionService.TYPICAL_CASES);
        return send(
                collections.collection(WebcertCollectionService.TYPICAL_CASES, inlineMarkup),
                acceptEncoding,
                ifNoneMatch);
    }

    @GetMapping(path = "/" + WebcertCollectionService.DIAGNOSES + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One published diagnosis page by its FMB id")
    @ApiResponse(responseCode = "404", description = "No published diagnosis with that id")
    Object diagnosis(
            @PathVariable long id,
            @RequestParam(name = "inlinehtmlmarkup", defaultValue = "false") boolean inlineMarkup) {
        var found = collections
                .single(WebcertCollectionService.DIAGNOSES, id, inlineMarkup)
                .orElseThrow(() -> new ResourceNotFoundException("No published diagnosis with id " + id + "."));
        statistics.count(id);
        return found;
    }

    @GetMapping(
            path = "/" + WebcertCollectionService.TYPICAL_CASES + "/{id}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One published typical case by its FMB id")
    @ApiResponse(responseCode = "404", description = "No published typical case with that id")
    Object typicalCase(
            @PathVariable long id,
            @RequestParam(name = "inlinehtmlmarkup", defaultValue = "false") boolean inlineMarkup) {
        var found = collections
                .single(WebcertCollectionService.TYPICAL_CASES, id, inlineMarkup)
                .orElseThrow(() -> new ResourceNotFoundException("No published typical case with id " + id + "."));
        collections.diagnosisOfTypicalCase(id).ifPresent(statistics::count);
        return found;
    }

    /** The client that read a collection: the token's client, or "anonymous" (the collections are open data). */
    private static String clientName(Principal client) {
        return client == null ? "anonymous" : client.getName();
    }

    private static ResponseEntity<byte[]> send(
            WebcertCollectionService.Body body, String acceptEncoding, String ifNoneMatch) {
        if (ifNoneMatch != null && ifNoneMatch.contains(body.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(body.etag())
                    .build();
        }
        var response = ResponseEntity.ok()
                .eTag(body.etag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .contentType(MediaType.APPLICATION_JSON);
        if (acceptEncoding != null
                && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            return response.header(HttpHeaders.CONTENT_ENCODING, "gzip")
                    .contentLength(body.gzipped().length)
                    .body(body.gzipped());
        }
        return response.contentLength(body.plain().length).body(body.plain());
    }

    @ExceptionHandler
    ProblemDetail onNotFound(ResourceNotFoundException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    static class ResourceNotFoundException extends RuntimeException {
        ResourceNotFoundException(String message) {
            super(message);
        }
    }
}
