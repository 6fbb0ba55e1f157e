package org.example.codeserver.browser;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.example.codeserver.codesystem.CodeSystemNotFoundException;
import org.example.codeserver.codesystem.ConceptNotFoundException;
import org.example.codeserver.codesystem.TerminologyService;
import org.example.codeserver.codesystem.VersionDiff;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/** The code browser's pages: Swedish, server-rendered, open data (not part of the API document). */
@Controller
class CodeBrowserController {

    static final int PER_SYSTEM = 10;
    static final int ONE_SYSTEM = 50;

    private final CodeBrowserService browser;
    private final TerminologyService terminology;
    private final SavedValueSetService valueSets;

    CodeBrowserController(CodeBrowserService browser, TerminologyService terminology, SavedValueSetService valueSets) {
        this.browser = browser;
        this.terminology = terminology;
        this.valueSets = valueSets;
    }

    @Hidden
    @GetMapping({"/codes", "/codes/"})
    String start(Model model) {
        model.addAttribute("systems", browser.codeSystems());
        return "codes/start";
    }

    @Hidden
    @GetMapping("/codes/search")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String system,
            @RequestParam(defaultValue = "0") int offset,
            Model model) {
        boolean one = system != null && !system.isBlank();
        int limit = one ? ONE_SYSTEM : PER_SYSTEM;
        model.addAttribute("results", browser.search(q, system, one ? Math.max(0, offset) : 0, limit));
        model.addAttribute("systems", browser.codeSystems());
        model.addAttribute("limit", limit);
        return "codes/search";
    }

    @Hidden
    @GetMapping("/codes/tillganglighet")
    String accessibility() {
        return "codes/accessibility";
    }

    /**
     * Saves a value set from the search results of one code system: the ticked codes ({@code urval=valda}) or every
     * match of the query ({@code urval=alla}); answers with the value set's page (303, so a reload does not save
     * again).
     */
    @Hidden
    @PostMapping("/codes/vardemangder")
    RedirectView saveValueSet(
            @RequestParam(required = false) String name,
            @RequestParam String system,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "valda") String urval,
            @RequestParam(name = "code", required = false) List<String> codes) {
        boolean all = "alla".equals(urval);
        var id = valueSets.save(new SavedValueSetService.NewValueSet(
                name, system, all ? q : null, all || codes == null ? List.of() : codes));
        var page = new RedirectView("/codes/vardemangder/" + id, true);
        page.setStatusCode(HttpStatus.SEE_OTHER);
        return page;
    }

    @Hidden
    @GetMapping("/codes/vardemangder/{id}")
    String valueSet(@PathVariable String id, Model model) {
        model.addAttribute("valueSet", valueSets.read(id));
        return "codes/value-set";
    }

    @Hidden
    @GetMapping("/codes/komponent")
    String component(Model model) {
        model.addAttribute(
                "base", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return "codes/component";
    }

    @Hidden
    @GetMapping("/codes/{system}")
    String tree(@PathVariable String system, @RequestParam(required = false) String open, Model model) {
        model.addAttribute("system", browser.codeSystem(system));
        model.addAttribute("nodes", browser.tree(system, open));
        model.addAttribute("open", open);
        return "codes/tree";
    }

    @Hidden
    @GetMapping("/codes/{system}/diff")
    Object diff(
            @PathVariable String system,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format,
            Model model) {
        var summary = browser.codeSystem(system);
        var versions = summary.versions();
        var toVersion = to != null ? to : versions.get(0).version();
        var fromVersion = from != null
                ? from
                : versions.get(Math.min(1, versions.size() - 1)).version();
        var diff = terminology.diff(summary.slug(), fromVersion, toVersion);
        if ("csv".equals(format)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(summary.slug() + "-" + fromVersion + "-" + toVersion + ".csv")
                                    .build()
                                    .toString())
                    .body(csv(diff));
        }
        model.addAttribute("system", summary);
        model.addAttribute("diff", diff);
        return "codes/diff";
    }

    @Hidden
    @GetMapping("/codes/{system}/{code}")
    String concept(
            @PathVariable String system,
            @PathVariable String code,
            @RequestParam(required = false) String date,
            Model model) {
        model.addAttribute("view", browser.concept(system, code, date == null || date.isBlank() ? null : date(date)));
        model.addAttribute("date", date);
        return "codes/concept";
    }

    private static LocalDate date(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidDateException();
        }
    }

    /** The diff as CSV: change (added, removed, renamed), code, text, the text before (renamed only). */
    static String csv(VersionDiff diff) {
        var out = new StringBuilder("change,code,display,previousDisplay\r\n");
        diff.added().forEach(c -> row(out, "added", c.code(), c.display(), null));
        diff.removed().forEach(c -> row(out, "removed", c.code(), c.display(), null));
        diff.renamed().forEach(c -> row(out, "renamed", c.code(), c.toDisplay(), c.fromDisplay()));
        return out.toString();
    }

    private static void row(
            StringBuilder out, String change, String code, @Nullable String display, @Nullable String before) {
        out.append(change)
                .append(',')
                .append(cell(code))
                .append(',')
                .append(cell(display))
                .append(',')
                .append(cell(before))
                .append("\r\n");
    }

    private static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? '"' + value.replace("\"", "\"\"") + '"'
                : value;
    }

    @ExceptionHandler
    ModelAndView onUnknownSystem(CodeSystemNotFoundException ex) {
        return problem(
                HttpStatus.NOT_FOUND,
                ex.version() == null ? "Okänt kodverk" : "Okänd version",
                ex.version() == null
                        ? "Det finns inget kodverk med det namnet här."
                        : "Kodverket " + ex.system() + " har ingen sådan version.");
    }

    @ExceptionHandler
    ModelAndView onUnknownCode(ConceptNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Okänd kod", "Ingen version av kodverket har den koden.");
    }

    @ExceptionHandler
    ModelAndView onInvalidValueSet(SavedValueSetService.InvalidValueSetException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Värdemängden sparades inte", ex.getMessage());
    }

    @ExceptionHandler
    ModelAndView onValueSetStoreFull(SavedValueSetService.ValueSetStoreFullException ex) {
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Värdemängden sparades inte",
                "Det går inte att spara fler värdemängder just nu. Försök igen senare eller kontakta förvaltningen.");
    }

    @ExceptionHandler
    ModelAndView onUnknownValueSet(ResourceNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Okänd värdemängd", "Det finns ingen sparad värdemängd med den adressen.");
    }

    @ExceptionHandler
    ModelAndView onInvalidDate(InvalidDateException ex) {
        return problem(
                HttpStatus.BAD_REQUEST, "Ogiltigt datum", "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2021-06-30.");
    }

    private static ModelAndView problem(HttpStatus status, String title, String detail) {
        var page = new ModelAndView("codes/problem", status);
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }

    /** A date that is not ISO (YYYY-MM-DD). */
    static class InvalidDateException extends RuntimeException {}
}
