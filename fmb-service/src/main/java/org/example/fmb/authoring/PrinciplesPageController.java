package org.example.fmb.authoring;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

/** The editors' page for the general principles for sick leave: history, edit, review, publish. */
@Controller
@io.swagger.v3.oas.annotations.Hidden
@RequestMapping("/fmb/editor/principles")
class PrinciplesPageController {

    private static final long PRINCIPLES = PrinciplesDocuments.ID;

    private final AuthoringService authoring;
    private final PrinciplesDocuments principles;
    private final Clock clock;

    PrinciplesPageController(AuthoringService authoring, PrinciplesDocuments principles, Clock clock) {
        this.authoring = authoring;
        this.principles = principles;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer version, Model model, Authentication who) {
        var shown = version == null
                ? authoring.history(principles, PRINCIPLES).get(0)
                : authoring.version(principles, PRINCIPLES, version);
        model.addAttribute("form", PrinciplesForm.of(shown));
        return page(shown, model, who);
    }

    @PostMapping("/drafts")
    String startDraft(Authentication who) {
        var draft = authoring.startDraft(principles, PRINCIPLES, null, who.getName(), null);
        return "redirect:/fmb/editor/principles?version=" + draft.versionNumber();
    }

    /**
     * Saves the draft; a refused field is shown beside it with what was entered, and the page answers 422. If someone
     * else saved first, the page answers 409 with what was typed still in the form and the differences above it.
     */
    @PostMapping("/versions/{version}/save")
    String save(
            @PathVariable int version,
            @Valid @ModelAttribute("form") PrinciplesForm form,
            BindingResult errors,
            Model model,
            Authentication who,
            HttpServletResponse response,
            RedirectAttributes flash) {
        EditorPageProblems.requireReadable(errors);
        if (!errors.hasErrors()) {
            form.markupProblems().forEach(p -> errors.rejectValue(p.field(), "invalid", p.message()));
        }
        if (!errors.hasErrors()) {
            try {
                authoring.revise(
                        principles,
                        PRINCIPLES,
                        version,
                        form.lockVersion(),
                        form.text(),
                        who.getName(),
                        form.comment());
                flash.addFlashAttribute("message", "Sparat.");
                return "redirect:/fmb/editor/principles?version=" + version;
            } catch (DraftInvalidException refused) {
                EditorPageProblems.reject(errors, refused);
            } catch (ConcurrentEditException conflict) {
                var saved = authoring.version(principles, PRINCIPLES, version);
                var typed = form.text();
                var differences = List.of(
                        new VersionDiff.SectionChange(
                                "title",
                                saved.title(),
                                typed.title(),
                                !saved.title().equals(typed.title())),
                        new VersionDiff.SectionChange(
                                "text",
                                saved.markup(),
                                MarkupPolicy.sanitize(typed.markup()),
                                !saved.markup().equals(MarkupPolicy.sanitize(typed.markup()))));
                EditorPageProblems.showConflict(
                        form.withLockVersion(conflict.currentLockVersion()),
                        EditConflict.of(conflict, differences),
                        model,
                        response);
                return page(saved, model, who);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("message", "Utkastet sparades inte; rätta fälten som är markerade.");
        return page(authoring.version(principles, PRINCIPLES, version), model, who);
    }

    /** Submits the draft for review; what is missing is shown beside its field (422). */
    @PostMapping("/versions/{version}/submit")
    String submit(
            @PathVariable int version,
            @RequestParam(required = false) String comment,
            Model model,
            Authentication who,
            HttpServletResponse response) {
        try {
            authoring.submit(principles, PRINCIPLES, version, who.getName(), comment);
            return "redirect:/fmb/editor/principles?version=" + version;
        } catch (DraftInvalidException refused) {
            var current = authoring.version(principles, PRINCIPLES, version);
            EditorPageProblems.showNotReady(PrinciplesForm.of(current), refused, model, response);
            return page(current, model, who);
        }
    }

    @PostMapping("/versions/{version}/return")
    String returnToAuthor(
            @PathVariable int version, @RequestParam(required = false) String comment, Authentication who) {
        authoring.returnToAuthor(principles, PRINCIPLES, version, who.getName(), comment);
        return "redirect:/fmb/editor/principles?version=" + version;
    }

    @PostMapping("/versions/{version}/approve")
    String approve(@PathVariable int version, @RequestParam(required = false) String comment, Authentication who) {
        authoring.approve(principles, PRINCIPLES, version, who.getName(), comment);
        return "redirect:/fmb/editor/principles?version=" + version;
    }

    @PostMapping("/versions/{version}/publish")
    String publish(
            @PathVariable int version,
            @RequestParam(required = false) LocalDate validFrom,
            @RequestParam(required = false) String comment,
            Authentication who) {
        authoring.publish(principles, PRINCIPLES, version, validFrom, who.getName(), comment);
        return "redirect:/fmb/editor/principles?version=" + version;
    }

    /** The page around {@code form} (already in the model): the version shown, its steps and the history. */
    private String page(PrinciplesVersionDetails shown, Model model, Authentication who) {
        var history = authoring.history(principles, PRINCIPLES);
        model.addAttribute("history", history);
        model.addAttribute("v", shown);
        model.addAttribute("shownMarkup", MarkupPolicy.sanitize(shown.markup()));
        model.addAttribute("user", who.getName());
        model.addAttribute("canEdit", shown.status() == Status.DRAFT && has(who, "SCOPE_fmb.write"));
        model.addAttribute("canReview", has(who, "SCOPE_fmb.review"));
        model.addAttribute(
                "open",
                history.stream()
                        .anyMatch(h -> h.status() == Status.DRAFT
                                || h.status() == Status.IN_REVIEW
                                || h.status() == Status.APPROVED));
        model.addAttribute("today", LocalDate.now(clock));
        return "editor/principles";
    }

    private static boolean has(Authentication who, String authority) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
