package org.example.fmb.diagnosis;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Public, read-only pages of the published content, as the authority's website shows FMB. */
@Controller
@io.swagger.v3.oas.annotations.Hidden
@RequestMapping("/fmb")
class DiagnosisPageController {

    private final DiagnosisService diagnoses;

    DiagnosisPageController(DiagnosisService diagnoses) {
        this.diagnoses = diagnoses;
    }

    @GetMapping("/diagnoser")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", diagnoses.search(q, 0, 200));
        return "public/diagnoses";
    }

    @GetMapping("/diagnoser/{id}")
    String diagnosis(@PathVariable long id, Model model) {
        model.addAttribute("d", diagnoses.byId(id).details().withCleanMarkup());
        return "public/diagnosis";
    }

    @GetMapping("/principer")
    String principles(Model model) {
        model.addAttribute("p", PrinciplesDetails.of(diagnoses.principles()).withCleanMarkup());
        return "public/principles";
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String onNotFound(DiagnosisNotFoundException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "public/notfound";
    }
}
