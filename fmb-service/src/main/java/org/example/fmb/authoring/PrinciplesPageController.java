package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The editors' page for the general principles for sick leave: history, edit, review, publish. */
@Controller
@io.swagger.v3.oas.annotations.Hidden
@RequestMapping("/fmb/editor/principles")
class PrinciplesPageController {

    private final PrinciplesAuthoringService principles;
    private final Clock clock;

    PrinciplesPageController(PrinciplesAuthoringService principles, Clock clock) {
        this.principles = principles;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer version, Model model, Authentication who) {
        var history = principles.history();
        var shown = version == null ? history.get(0) : principles.version(version);
        model.addAttribute("history", history);
        model.addAttribute("v", shown);
        model.addAttribute("shownMarkup", MarkupPolicy.sanitize(shown.markup()));
        model.addAttribute("user", who.getName());
        model.addAttribute(
                "canEdit",
                shown.status() == Status.DRAFT
                        && who.getAuthorities().stream()
                                .anyMatch(a -> a.getAuthority().equals("SCOPE_fmb.write")));
        model.addAttribute(
                "canReview",
                who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("SCOPE_fmb.review")));
        model.addAttribute(
                "open",
                history.stream()
                        .anyMatch(h -> h.status() == Status.DRAFT
                                || h.status() == Status.IN_REVIEW
                                || h.status() == Status.APPROVED));
        model.addAttribute("today", LocalDate.now(clock));
        return "editor/principles";
    }

    @PostMapping("/drafts")
    String startDraft(Authentication who) {
        var draft = principles.startDraft(who.getName(), null);
        return "redirect:/fmb/editor/principles?version=" + draft.versionNumber();
    }

    @PostMapping("/versions/{version}/save")
    String save(
            @PathVariable int version,
            @RequestParam long lockVersion,
            @RequestParam String title,
            @RequestParam String markup,
            @RequestParam(required = false) String comment,
            Authentication who,
            RedirectAttributes flash) {
        principles.revise(version, lockVersion, title, markup, who.getName(), comment);
        flash.addFlashAttribute("message", "Sparat.");
        return "redirect:/fmb/editor/principles?version=" + version;
    }

    @PostMapping("/versions/{version}/submit")
    String submit(@PathVariable int version, @RequestParam(required = false) String comment, Authentication who) {
        principles.submit(version, who.getName(), comment);
        return "redirect:/fmb/editor/principles?version=" + version;
    }

    @PostMapping("/versions/{version}/return")
    String returnToAuthor(
            @PathVariable int version, @RequestParam(required = false) String comment, Authentication who) {
        principles.returnToAuthor(version, who.getName(), comment);
        return "redirect:/fmb/editor/principles?version=" + version;
    }

    @PostMapping("/versions/{version}/approve")
    String approve(@PathVariable int version, @RequestParam(required = false) String comment, Authentication who) {
        principles.approve(version, who.getName(), comment);
        return "redirect:/fmb/editor/principles?version=" + version;
    }

    @PostMapping("/versions/{version}/publish")
    String publish(
            @PathVariable int version,
            @RequestParam(required = false) LocalDate validFrom,
            @RequestParam(required = false) String comment,
            Authentication who) {
        principles.publish(version, validFrom, who.getName(), comment);
        return "redirect:/fmb/editor/principles?version=" + version;
    }

    @ExceptionHandler({WorkflowException.class, ConcurrentEditException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String onConflict(RuntimeException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "editor/problem";
    }

    /** A broken business rule, as the API answers it (422), not a conflicting state. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
    String onFourEyes(FourEyesException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "editor/problem";
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
    String onInvalid(DraftInvalidException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        model.addAttribute("errors", ex.errors());
        return "editor/problem";
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String onNotFound(ContentNotFoundException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "editor/problem";
    }
}
