package org.example.fmb.authoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.example.fmb.authoring.AuthoringRequests.DraftUpdate;
import org.example.fmb.authoring.AuthoringRequests.NewDiagnosis;
import org.example.fmb.authoring.AuthoringRequests.NewDraft;
import org.example.fmb.authoring.AuthoringRequests.PrinciplesUpdate;
import org.example.fmb.authoring.AuthoringRequests.Publication;
import org.example.fmb.authoring.AuthoringRequests.WorkflowStep;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/fmb/api/v1/authoring")
@Tag(
        name = "Authoring",
        description = "Draft, review, approve and publish FMB content (fmb.write edits, fmb.review approves)")
@SecurityRequirement(name = "oauth2")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "The token lacks the scope of the step")
class AuthoringController {

    private static final long PRINCIPLES = PrinciplesDocuments.ID;

    private final AuthoringService authoring;
    private final DiagnosisDocuments diagnoses;
    private final PrinciplesDocuments principles;
    private final DiagnosisOverviews overviews;
    private final DiagnosisDiffService diffs;

    AuthoringController(
            AuthoringService authoring,
            DiagnosisDocuments diagnoses,
            PrinciplesDocuments principles,
            DiagnosisOverviews overviews,
            DiagnosisDiffService diffs) {
        this.authoring = authoring;
        this.diagnoses = diagnoses;
        this.principles = principles;
        this.overviews = overviews;
        this.diffs = diffs;
    }

    @GetMapping("/diagnoses")
    @Operation(summary = "All diagnoses with their served version, the version in progress and the last step")
    List<DiagnosisOverview> overview() {
        return overviews.all();
    }

    @PostMapping("/diagnoses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a diagnosis FMB does not have yet, as a first draft")
    @ApiResponse(responseCode = "409", description = "The id is taken")
    DiagnosisVersionDetails create(@Valid @RequestBody NewDiagnosis request, Authentication who) {
        return authoring.create(diagnoses, request.id(), request.content(), who.getName());
    }

    @GetMapping("/diagnoses/{id}/versions")
    @Operation(summary = "History: every version of a diagnosis with who did what, when and why")
    @ApiResponse(responseCode = "404", description = "Unknown diagnosis")
    List<DiagnosisVersionSummary> history(@PathVariable long id) {
        return authoring.history(diagnoses, id).stream()
                .map(DiagnosisVersionSummary::of)
                .toList();
    }

    @PostMapping("/diagnoses/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a new draft version (the published version keeps being served)")
    @ApiResponse(responseCode = "404", description = "Unknown diagnosis or version")
    @ApiResponse(responseCode = "409", description = "A version is already in progress")
    DiagnosisVersionDetails startDraft(
            @PathVariable long id, @Valid @RequestBody(required = false) NewDraft request, Authentication who) {
        return authoring.startDraft(
                diagnoses,
                id,
                request == null ? null : request.basedOnVersion(),
                who.getName(),
                request == null ? null : request.comment());
    }

    @GetMapping("/diagnoses/{id}/versions/{version}")
    @Operation(summary = "One version with all sections, typical cases, state, lock version and history")
    @ApiResponse(responseCode = "404", description = "Unknown diagnosis or version")
    DiagnosisVersionDetails version(@PathVariable long id, @PathVariable int version) {
        return authoring.version(diagnoses, id, version);
    }

    @PutMapping("/diagnoses/{id}/versions/{version}")
    @Operation(summary = "Save a draft (every section, codes, typical cases); send the lock version you loaded")
    @ApiResponse(responseCode = "404", description = "Unknown diagnosis or version")
    @ApiResponse(responseCode = "409", description = "Someone else saved first, or the version is not a draft")
    @ApiResponse(responseCode = "422", description = "Markup outside the subset FMB uses")
    DiagnosisVersionDetails revise(
            @PathVariable long id,
            @PathVariable int version,
            @Valid @RequestBody DraftUpdate request,
            Authentication who) {
        return authoring.revise(
                diagnoses, id, version, request.lockVersion(), request.content(), who.getName(), request.comment());
    }

    @PostMapping("/diagnoses/{id}/versions/{version}/submission")
    @Operation(summary = "Validate the draft and submit it for review (codes unverifiable now come back as warnings)")
    @ApiResponse(responseCode = "409", description = "Not a draft")
    @ApiResponse(
            responseCode = "422",
            description = "Errors per field (required sections, codes, durations, duplicates)")
    DiagnosisVersionDetails submit(
            @PathVariable long id,
            @PathVariable int version,
            @RequestBody(required = false) WorkflowStep step,
            Authentication who) {
        return authoring.submit(diagnoses, id, version, who.getName(), comment(step));
    }

    @PostMapping("/diagnoses/{id}/versions/{version}/return")
    @Operation(
            summary =
                    "Send a version in review back to its author with comments, or turn down a proposed retirement (fmb.review)")
    @ApiResponse(responseCode = "409", description = "Not in review, approved or a proposed retirement")
    @ApiResponse(responseCode = "422", description = "No comment")
    DiagnosisVersionDetails returnToAuthor(
            @PathVariable long id,
            @PathVariable int version,
            @RequestBody(required = false) WorkflowStep step,
            Authentication who) {
        return authoring.returnToAuthor(diagnoses, id, version, who.getName(), comment(step));
    }

    @PostMapping("/diagnoses/{id}/versions/{version}/approval")
    @Operation(
            summary = "Approve a version in review, or confirm a proposed retirement (fmb.review; not by the person"
                    + " who wrote, submitted or proposed it, under any of their identities)")
    @ApiResponse(responseCode = "409", description = "Not in review nor a proposed retirement")
    @ApiResponse(responseCode = "422", description = "Four-eyes: the same person wrote, submitted or proposed it")
    DiagnosisVersionDetails approve(
            @PathVariable long id,
            @PathVariable int version,
            @RequestBody(required = false) WorkflowStep step,
            Authentication who) {
        return authoring.approve(diagnoses, id, version, who.getName(), comment(step));
    }

    @PostMapping("/diagnoses/{id}/versions/{version}/publication")
    @Operation(summary = "Publish an approved version now or from a future date; ends the previous version's validity")
    @ApiResponse(responseCode = "409", description = "Not approved")
    @ApiResponse(responseCode = "422", description = "validFrom in the past")
    DiagnosisVersionDetails publish(
            @PathVariable long id,
            @PathVariable int version,
            @Valid @RequestBody(required = false) Publication request,
            Authentication who) {
        return authoring.publish(
                diagnoses,
                id,
                version,
                request == null ? null : request.validFrom(),
                who.getName(),
                request == null ? null : request.comment());
    }

    @PostMapping("/diagnoses/{id}/retirement")
    @Operation(
            summary = "Propose retiring a diagnosis from a date (a RETIREMENT_PROPOSED version); once another person"
                    + " approves it, it is RETIRED and no longer served from that date")
    @ApiResponse(responseCode = "409", description = "Nothing published, or a version in progress")
    @ApiResponse(responseCode = "422", description = "No comment, or validFrom in the past")
    DiagnosisVersionDetails retire(@PathVariable long id, @Valid @RequestBody Publication request, Authentication who) {
        return authoring.retire(diagnoses, id, request.validFrom(), who.getName(), request.comment());
    }

    @GetMapping("/diagnoses/{id}/diff")
    @Operation(summary = "Differences between two versions: sections and typical cases side by side")
    @ApiResponse(responseCode = "404", description = "Unknown diagnosis or version")
    VersionDiff diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return diffs.diff(id, from, to);
    }

    @GetMapping("/principles/versions")
    @Operation(summary = "History of the general principles for sick leave")
    List<PrinciplesVersionDetails> principlesHistory() {
        return authoring.history(principles, PRINCIPLES);
    }

    @PostMapping("/principles/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a new draft of the general principles")
    @ApiResponse(responseCode = "409", description = "A version is already in progress")
    PrinciplesVersionDetails startPrinciplesDraft(
            @RequestBody(required = false) WorkflowStep step, Authentication who) {
        return authoring.startDraft(principles, PRINCIPLES, null, who.getName(), comment(step));
    }

    @GetMapping("/principles/versions/{version}")
    @Operation(summary = "One version of the general principles")
    @ApiResponse(responseCode = "404", description = "Unknown version")
    PrinciplesVersionDetails principlesVersion(@PathVariable int version) {
        return authoring.version(principles, PRINCIPLES, version);
    }

    @PutMapping("/principles/versions/{version}")
    @Operation(summary = "Save a draft of the general principles; send the lock version you loaded")
    @ApiResponse(responseCode = "409", description = "Someone else saved first, or not a draft")
    @ApiResponse(responseCode = "422", description = "Missing title or markup outside the FMB subset")
    PrinciplesVersionDetails revisePrinciples(
            @PathVariable int version, @Valid @RequestBody PrinciplesUpdate request, Authentication who) {
        return authoring.revise(
                principles,
                PRINCIPLES,
                version,
                request.lockVersion(),
                new PrinciplesText(request.title(), request.markup()),
                who.getName(),
                request.comment());
    }

    @PostMapping("/principles/versions/{version}/submission")
    @Operation(summary = "Submit the general principles for review")
    @ApiResponse(responseCode = "409", description = "Not a draft")
    @ApiResponse(responseCode = "422", description = "Empty text")
    PrinciplesVersionDetails submitPrinciples(
            @PathVariable int version, @RequestBody(required = false) WorkflowStep step, Authentication who) {
        return authoring.submit(principles, PRINCIPLES, version, who.getName(), comment(step));
    }

    @PostMapping("/principles/versions/{version}/return")
    @Operation(summary = "Return the general principles to the author with comments (fmb.review)")
    @ApiResponse(responseCode = "409", description = "Not in review")
    @ApiResponse(responseCode = "422", description = "No comment")
    PrinciplesVersionDetails returnPrinciples(
            @PathVariable int version, @RequestBody(required = false) WorkflowStep step, Authentication who) {
        return authoring.returnToAuthor(principles, PRINCIPLES, version, who.getName(), comment(step));
    }

    @PostMapping("/principles/versions/{version}/approval")
    @Operation(summary = "Approve the general principles (fmb.review; four-eyes)")
    @ApiResponse(responseCode = "409", description = "Not in review")
    @ApiResponse(responseCode = "422", description = "Four-eyes violated")
    PrinciplesVersionDetails approvePrinciples(
            @PathVariable int version, @RequestBody(required = false) WorkflowStep step, Authentication who) {
        return authoring.approve(principles, PRINCIPLES, version, who.getName(), comment(step));
    }

    @PostMapping("/principles/versions/{version}/publication")
    @Operation(summary = "Publish the general principles now or from a future date (fmb.review)")
    @ApiResponse(responseCode = "409", description = "Not approved")
    @ApiResponse(responseCode = "422", description = "validFrom in the past")
    PrinciplesVersionDetails publishPrinciples(
            @PathVariable int version, @Valid @RequestBody(required = false) Publication request, Authentication who) {
        return authoring.publish(
                principles,
                PRINCIPLES,
                version,
                request == null ? null : request.validFrom(),
                who.getName(),
                request == null ? null : request.comment());
    }

    private static String comment(WorkflowStep step) {
        return step == null ? null : step.comment();
    }

    @ExceptionHandler
    ProblemDetail onNotFound(ContentNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onWorkflow(WorkflowException ex) {
        return problem(HttpStatus.CONFLICT, "Not possible in this state", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onConcurrentEdit(ConcurrentEditException ex) {
        return problem(HttpStatus.CONFLICT, "Someone else saved first", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onOptimisticLock(ObjectOptimisticLockingFailureException ex) {
        return problem(
                HttpStatus.CONFLICT,
                "Someone else saved first",
                "Another change to this version was saved at the same moment. Reload it and apply your changes again.");
    }

    @ExceptionHandler
    ProblemDetail onFourEyes(FourEyesException ex) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Four-eyes principle", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail onInvalid(DraftInvalidException ex) {
        var problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "The draft is not ready", ex.getMessage());
        problem.setProperty(
                "errors",
                ex.errors().stream()
                        .map(e -> Map.of("field", e.field(), "message", e.message()))
                        .toList());
        problem.setProperty("warnings", ex.warnings());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
