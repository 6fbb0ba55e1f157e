package org.example.hosp.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.example.hosp.access.AccessService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/hosp/api/v1/changes")
@Tag(name = "Change feed", description = "Register updates in order, for systems that keep a synchronised copy")
@SecurityRequirement(name = "oauth2")
class ChangeController {

    private final ChangeService changes;
    private final AccessService access;

    ChangeController(ChangeService changes, AccessService access) {
        this.changes = changes;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Read the changes after a cursor, limited to the register items the caller may see")
    @ApiResponse(responseCode = "200", description = "A page of changes and the cursor to continue from")
    @ApiResponse(responseCode = "400", description = "The cursor or the limit is malformed")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "No scope hosp.read, or no direct access for the actor type")
    ChangePage read(
            @Parameter(description = "The 'next' cursor of the previous page; none starts at the beginning")
                    @RequestParam(required = false)
                    String after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @AuthenticationPrincipal Jwt token) {
        return changes.read(access.grant(token), after, limit);
    }

    @ExceptionHandler
    ProblemDetail onInvalidCursor(InvalidCursorException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid cursor");
        problem.setProperty("field", "after");
        return problem;
    }
}
