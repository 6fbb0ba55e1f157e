package org.example.fmb.authoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Server-rendered pages for editors and reviewers; every action calls the same service as the API. */
@Controller
@io.swagger.v3.oas.annotations.Hidden
@RequestMapping("/fmb")
class AuthoringPageController {

    private final DiagnosisAuthoringService authoring;
    private final DiagnosisDiffService diffs;
    private final java.time.Clock clock;

    AuthoringPageController(DiagnosisAuthoringService authoring, DiagnosisDiffService diffs, java.time.Clock clock) {
        this.authoring = authoring;
        this.diffs = diffs;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "editor/login";
    }

    @GetMapping("/editor")
    String list(Model model, Authentication who) {
        model.addAttribute("diagnoses", authoring.overview());
        model.addAttribute("user", who.getName());
        return "editor/list";
    }

    @GetMapping("/editor/diagnoses/{id}/history")
    String history(@PathVariable long id, Model model, Authentication who) {
        model.addAttribute("id", id);
        model.addAttribute("versions", authoring.history(id));
        model.addAttribute("user", who.getName());
        return "editor/history";
    }

    @GetMapping("/editor/diagnoses/{id}/versions/{version}")
    String version(@PathVariable long id, @PathVariable int version, Model model, Authentication who) {
        var details = authoring.version(id, version);
        model.addAttribute("v", details);
        model.addAttribute("user", who.getName());
        model.addAttribute("canEdit", details.status() == Status.DRAFT && has(who, "SCOPE_fmb.write"));
        model.addAttribute("canReview", has(who, "SCOPE_fmb.review"));
        model.addAttribute("units", DurationUnit.values());
        model.addAttribute("degrees", Degree.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (details.basedOnVersion() != null) {
            model.addAttribute("diff", diffs.diff(id, details.basedOnVersion(), version));
        }
        return "editor/version";
    }

    @PostMapping("/editor/diagnoses/{id}/drafts")
    String startDraft(@PathVariable long id, Authentication who) {
        var draft = authoring.startDraft(id, null, who.getName(), null);
        return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + draft.versionNumber();
    }

    @PostMapping("/editor/diagnoses/{id}/versions/{version}/save")
    String save(
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam MultiValueMap<String, String> form,
            Authentication who,
            RedirectAttributes flash) {
        var current = authoring.version(id, version);
        var content = edited(current.content(), form);
        authoring.revise(
                id,
                version,
                number(form.getFirst("lockVersion"), "lockVersion"),
                content,
                who.getName(),
                form.getFirst("comment"));
        flash.addFlashAttribute("message", "Sparat.");
        return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + version;
    }

    @PostMapping("/editor/diagnoses/{id}/versions/{version}/submit")
    String submit(
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(required = false) String comment,
            Authentication who,
            RedirectAttributes flash) {
        var result = authoring.submit(id, version, who.getName(), comment);
        flash.addFlashAttribute(
                "message",
                "Skickad för granskning."
                        + (result.warnings().isEmpty() ? "" : " Varningar: " + String.join("; ", result.warnings())));
        return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + version;
    }

    @PostMapping("/editor/diagnoses/{id}/versions/{version}/return")
    String returnToAuthor(
            @PathVariable long id,
            @PathVariable int version,
            @RequestParam(required = false) String comment,
            Authentication who,
            RedirectAttributes flash) {
        authoring.returnToAuthor(id, version, who.getName(), comment);
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
        authoring.approve(id, version, who.getName(), comment);
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
        authoring.publish(id, version, validFrom, who.getName(), comment);
        flash.addFlashAttribute("message", "Publicerad.");
        return "redirect:/fmb/editor/diagnoses/" + id + "/versions/" + version;
    }

    /** The draft with the page's fields applied: sections, codes, and the typical cases' rows. */
    static DiagnosisContent edited(DiagnosisContent c, MultiValueMap<String, String> form) {
        var icd10 = codes(form.getFirst("icd10Codes"), Code::icd10);
        var ids = form.getOrDefault("tc.fmbId", List.of());
        var sentences = form.getOrDefault("tc.sentence", List.of());
        var recommendations = form.getOrDefault("tc.recommendation", List.of());
        var values = form.getOrDefault("tc.maxValue", List.of());
        var units = form.getOrDefault("tc.maxUnit", List.of());
        var degrees = form.getOrDefault("tc.maxDegree", List.of());
        var cases = new ArrayList<TypicalCaseContent>();
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).isBlank()) {
                continue;
            }
            Long fmbId = i < ids.size() && !ids.get(i).isBlank() ? number(ids.get(i), "tc.fmbId") : null;
            var before = c.typicalCases().stream()
                    .filter(tc -> fmbId != null && fmbId.equals(tc.fmbId()))
                    .findFirst();
            cases.add(new TypicalCaseContent(
                    fmbId,
                    sentences.get(i).trim(),
                    before.map(TypicalCaseContent::conditionSentence).orElse(null),
                    before.map(TypicalCaseContent::icd10Codes).orElse(icd10),
                    before.map(TypicalCaseContent::criteria).orElse(null),
                    blankToNull(get(recommendations, i)),
                    get(values, i) == null || get(values, i).isBlank()
                            ? null
                            : (int) number(get(values, i), "typicalCases[" + i + "].maxValue"),
                    DurationUnit.ofFmbCode(get(units, i)),
                    degree(get(degrees, i), i),
                    before.map(TypicalCaseContent::keywords).orElse(null),
                    null,
                    null));
        }
        return c.withTitle(form.getFirst("title"))
                .withCodes(c.diseaseGroup(), icd10)
                .withMarkup(
                        blankToNull(form.getFirst("insuranceMedicalInformation")),
                        blankToNull(form.getFirst("symptomsPrognosisTreatment")),
                        blankToNull(form.getFirst("rehabilitationInformation")))
                .withFunctionalImpairment(
                        blankToNull(form.getFirst("functionalImpairment")),
                        codes(form.getFirst("functionalImpairmentCentral"), Code::icf),
                        codes(form.getFirst("functionalImpairmentComplementary"), Code::icf))
                .withActivityLimitation(
                        blankToNull(form.getFirst("activityLimitation")),
                        codes(form.getFirst("activityLimitationCentral"), Code::icf),
                        codes(form.getFirst("activityLimitationComplementary"), Code::icf))
                .withTypicalCases(cases);
    }

    private static long number(String value, String field) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFormException(field + " must be a whole number");
        }
    }

    private static Degree degree(String value, int row) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Degree.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFormException("typicalCases[" + row + "].maxDegree must be FULL or PART");
        }
    }

    /** A page form field that cannot be read. */
    static class InvalidFormException extends RuntimeException {
        InvalidFormException(String message) {
            super(message);
        }
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String onInvalidForm(InvalidFormException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "editor/problem";
    }

    /** One code per line: the code, a space, its text. */
    private static List<Code> codes(String lines, java.util.function.BiFunction<String, String, Code> make) {
        if (lines == null) {
            return List.of();
        }
        return lines.lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty())
                .map(l -> {
                    var space = l.indexOf(' ');
                    return space < 0
                            ? make.apply(l, null)
                            : make.apply(
                                    l.substring(0, space),
                                    l.substring(space + 1).trim());
                })
                .toList();
    }

    private static String get(List<String> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean has(Authentication who, String authority) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
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
