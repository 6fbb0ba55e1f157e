package org.example.fmb.diagnosis;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.example.fmb.codes.CodeValidationService;
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
    private final CodeValidationService codes;

    DiagnosisPageController(DiagnosisService diagnoses, CodeValidationService codes) {
        this.diagnoses = diagnoses;
        this.codes = codes;
    }

    @GetMapping("/diagnoser")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", diagnoses.search(q, 0, 200));
        return "public/diagnoses";
    }

    @GetMapping("/diagnoser/{id}")
    String diagnosis(@PathVariable long id, Model model) {
        var details = diagnoses.byId(id).details().withCleanMarkup();
        model.addAttribute("d", details);
        model.addAttribute("icfNames", icfNames(details));
        return "public/diagnosis";
    }

    @GetMapping("/principer")
    String principles(Model model) {
        model.addAttribute("p", PrinciplesDetails.of(diagnoses.principles()).withCleanMarkup());
        return "public/principles";
    }

    /** The names the code server gives the page's ICF codes (the page falls back to the stored text). */
    private Map<String, String> icfNames(DiagnosisDetails d) {
        var names = new HashMap<String, String>();
        Stream.of(d.functionalImpairment(), d.activityLimitation())
                .flatMap(s -> Stream.concat(s.centralIcfCodes().stream(), s.complementaryIcfCodes().stream()))
                .map(DiagnosisDetails.CodeItem::code)
                .distinct()
                .forEach(code -> codes.icfName(code).ifPresent(name -> names.put(code, name)));
        return names;
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String onNotFound(DiagnosisNotFoundException ex, Model model) {
        model.addAttribute("problem", ex.getMessage());
        return "public/notfound";
    }
}
