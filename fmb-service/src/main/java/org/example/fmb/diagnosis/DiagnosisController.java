package org.example.fmb.diagnosis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/fmb/api/v1")
@Tag(
        name = "Diagnoses",
        description = "Published FMB content: diagnoses by ICD-10-SE code, list, search, general principles")
@Validated
class DiagnosisController {

    private final DiagnosisService diagnoses;

    DiagnosisController(DiagnosisService diagnoses) {
        this.diagnoses = diagnoses;
    }

    @GetMapping("/diagnoses")
    @Operation(
            summary = "List or search published diagnoses (title, ICD-10 codes, texts, typical case sentences), paged")
    @ApiResponse(responseCode = "400", description = "Invalid paging parameters")
    ResponseEntity<DiagnosisPage> search(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            WebRequest request) {
        var etag = diagnoses.listEtag(q, page, size);
        if (request.checkNotModified(etag, diagnoses.publishedAt().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).cachePublic())
                .body(diagnoses.search(q, page, size));
    }

    @GetMapping("/principles")
    @Operation(summary = "The general principles for sick leave (Övergripande principer för sjukskrivning)")
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "404", description = "None published")
    ResponseEntity<PrinciplesDetails> principles(WebRequest request) {
        var principles = diagnoses.principles();
        if (request.checkNotModified(
                principles.etag(), principles.lastUpdated().toInstant().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok().body(PrinciplesDetails.of(principles));
    }

    @ExceptionHandler
    ProblemDetail onNotFound(DiagnosisNotFoundException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return problem;
    }
}
