package org.example.fmb.authoring;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Server-rendered pages for editors and reviewers; every action calls the same service as the API. */
@Controller
@io.swagger.v3.oas.annotations.Hidden
@RequestMapping("/fmb")
class AuthoringPageController {

    private final AuthoringService authoring;
    private final DiagnosisDocuments diagnoses;
    private final DiagnosisOverviews overviews;
    private final DiagnosisDiffService diffs;
    private final CodeLists codeLists;
    private final Clock clock;
    private final String suggestUrl;

    AuthoringPageController(
            AuthoringService authoring,
            DiagnosisDocuments diagnoses,
            DiagnosisOverviews overviews,
            DiagnosisDiffService diffs,
            CodeLists codeLists,
            Clock clock,
            @Value("${fmb.pages.code-suggest-url:/codes/suggest}") String suggestUrl) {
        this.authoring = authoring;
        this.diagnoses = diagnoses;
        this.overviews = overviews;
        this.diffs = diffs;
        this.codeLists = codeLists;
        this.clock = clock;
        this.suggestUrl = suggestUrl;
    }

    @GetMapping("/login")
    String login() {
        return "editor/login";
    }

    @GetMapping("/editor")
    String list(Model model, Authentication who) {
        model.addAttribute("diagnoses", overviews.all());
        model.addAttribute("user", who.getName());
        return "editor/list";
    }

    @GetMapping("/editor/diagnoses/{id}/history")
    String history(@PathVariable long id, Model model, Authentication who) {
        model.addAttribute("id", id);
        model.addAttribute(
                "versions",
                authoring.history(diagnoses, id).stream()
                        .map(DiagnosisVersionSummary::of)
                        .toList());
        model.addAttribute("user", who.getName());
        return "editor/history";
    }

    @GetMapping("/editor/diagnoses/{id}/versions/{version}")
    String version(@PathVariable long id, @PathVariable int version, Model model, Authentication who) {
        var details = authoring.version(diagnoses, id, version);
        model.addAttribute("form", DiagnosisForm.of(details));
        return versionPage(details, model, who);
    }

    @PostMapping("/editor/diagnoses/{id}/drafts")
    String startDraft(@PathVariable long id, Authentication who) {
        var draft = authoring.startDraft(diagnoses, id, null, who.getName(), null);
        return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + draft.versionNumber();
    }

    /**
     * Saves the draft. A field the form or the workflow refuses is shown beside the field, with what the editor
     * entered, and the page answers 422 as the API does. If someone else saved the version first, the page answers 409
     * with what the editor typed still in the form and the saved version's differences above it.
     */
    @PostMapping("/editor/diagnoses/{id}/versions/{version}/save")
    String save(
            @PathVariable long id,
            @PathVariable int version,
            @Valid @ModelAttribute("form") DiagnosisForm form,
            BindingResult errors,
            Model model,
            Authentication who,
            HttpServletResponse response,
            RedirectAttributes flash) {
        EditorPageProblems.requireReadable(errors);
        var current = authoring.version(diagnoses, id, version);
        if (!errors.hasErrors()) {
            try {
                authoring.revise(
                        diagnoses,
                        id,
                        version,
                        form.lockVersion(),
                        form.applyTo(current.content()),
                        who.getName(),
                        form.comment());
                flash.addFlashAttribute("message", "Sparat.");
                return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + version;
            } catch (DraftInvalidException refused) {
                EditorPageProblems.reject(errors, refused);
            } catch (ConcurrentEditException conflict) {
                var saved = authoring.version(diagnoses, id, version);
                var typed = diagnoses.asStored(form.applyTo(saved.content()));
                EditorPageProblems.showConflict(
                        form.withLockVersion(conflict.currentLockVersion()),
                        EditConflict.of(conflict, EditConflict.differences(diffs.unsaved(saved, typed))),
                        model,
                        response);
                return versionPage(saved, model, who);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("message", "Utkastet sparades inte; rätta fälten som är markerade.");
        return versionPage(current, model, who);
    }

    /** Submits the draft for review; what is missing is shown beside its field in the stored draft (422). */
    @PostMapping("/editor/diagnoses/{id}/versions/{version}/submit")
    String submit(
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(required = false) String comment,
            Model model,
            Authentication who,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            var result = authoring.submit(diagnoses, id, version, who.getName(), comment);
            flash.addFlashAttribute(
                    "message",
                    "Skickad för granskning."
                            + (result.warnings().isEmpty()
                                    ? ""
                                    : " Varningar: " + String.join("; ", result.warnings())));
            return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + version;
        } catch (DraftInvalidException refused) {
            var current = authoring.version(diagnoses, id, version);
            EditorPageProblems.showNotReady(DiagnosisForm.of(current), refused, model, response);
            return versionPage(current, model, who);
        }
    }

    @PostMapping("/editor/diagnoses/{id}/versions/{version}/return")
    String returnToAuthor(
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(required = false) String comment,
            Authentication who,
            RedirectAttributes flash) {
        authoring.returnToAuthor(diagnoses, id, version, who.getName(), comment);
        flash.addFlashAttribute("message", "Återskickad till författaren.");
        return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + version;
    }

    @PostMapping("/editor/diagnoses/{id}/versions/{version}/approve")
    String approve(
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(required = false) String comment,
            Authentication who,
            RedirectAttributes flash) {
        authoring.approve(diagnoses, id, version, who.getName(), comment);
        flash.addFlashAttribute("message", "Godkänd.");
        return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + version;
    }

    @PostMapping("/editor/diagnoses/{id}/versions/{version}/publish")
    String publish(
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(required = false) LocalDate validFrom,
            @RequestParam(required = false) String comment,
            Authentication who,
            RedirectAttributes flash) {
        authoring.publish(diagnoses, id, version, validFrom, who.getName(), comment);
        flash.addFlashAttribute("message", "Publicerad.");
        return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + version;
    }

    /** The version page around {@code form} (already in the model): state, diff, review steps, history. */
    private String versionPage(DiagnosisVersionDetails details, Model model, Authentication who) {
        model.addAttribute("v", details);
        model.addAttribute("user", who.getName());
        model.addAttribute("canEdit", details.status() == Status.DRAFT && has(who, "SCOPE_fmb.write"));
        model.addAttribute("canReview", has(who, "SCOPE_fmb.review"));
        model.addAttribute("units", DurationUnit.values());
        model.addAttribute("degrees", Degree.values());
        model.addAttribute("lists", codeLists.byName());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("suggestUrl", suggestUrl);
        if (details.basedOnVersion() != null) {
            model.addAttribute(
                    "diff", diffs.diff(details.diagnosisId(), details.basedOnVersion(), details.versionNumber()));
        }
        return "editor/version";
    }

    private static boolean has(Authentication who, String authority) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
