package org.example.codeserver.browser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.example.codeserver.codesystem.CodeSystemNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search as you type, for the browser's own pages and for the embeddable {@code <kod-sok>} component on other sites
 * (hence readable from any origin: it is open data, GET only, no credentials).
 */
@RestController
@Tag(name = "Code browser", description = "Search as you type over the code systems (open data)")
class CodeSuggestController {

    static final int SUGGESTIONS = 8;

    private final CodeBrowserService browser;

    CodeSuggestController(CodeBrowserService browser) {
        this.browser = browser;
    }

    @GetMapping("/codes/suggest")
    @CrossOrigin(methods = RequestMethod.GET)
    @Operation(
            summary = "Search every code system (or one) as you type: grouped by code system, best first, the true"
                    + " total, the matched words marked, misspelt words corrected when nothing matches")
    @ApiResponse(
            responseCode = "404",
            description = "Unknown code system",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    SearchResults suggest(@RequestParam(required = false) String q, @RequestParam(required = false) String system) {
        return browser.search(q, system, 0, SUGGESTIONS);
    }

    @ExceptionHandler
    ProblemDetail onUnknownSystem(CodeSystemNotFoundException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Unknown code system");
        problem.setTitle("Unknown code system");
        problem.setProperty("field", "system");
        return problem;
    }
}
