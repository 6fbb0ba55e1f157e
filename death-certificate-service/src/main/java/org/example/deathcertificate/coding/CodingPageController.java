package org.example.deathcertificate.coding;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.example.deathcertificate.certificate.Channel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coders' pages: the queue and one certificate's workbench, backed by the same services as the API. */
@Controller
class CodingPageController {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final CodingService coding;
    private final CodingQueueService queue;
    private final Regions regions;
    private final CodingProperties properties;

    CodingPageController(CodingService coding, CodingQueueService queue, Regions regions, CodingProperties properties) {
        this.coding = coding;
        this.queue = queue;
        this.regions = regions;
        this.properties = properties;
    }

    @GetMapping("/death-certificates/login")
    String login() {
        return "coding/login";
    }

    @GetMapping("/death-certificates/coding")
    String queue(
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int offset,
            Model model,
            Authentication user) {
        var knownRegion = region != null && regions.names().contains(region) ? region : null;
        model.addAttribute("queue", queue.queue(channel, month, knownRegion, offset, null));
        model.addAttribute("pageSize", properties.queuePageSize());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("channel", channel);
        model.addAttribute("month", month == null ? null : month.toString());
        model.addAttribute("region", knownRegion);
        model.addAttribute("regions", regions.names());
        model.addAttribute("zone", SWEDEN);
        model.addAttribute("user", user.getName());
        return "coding/queue";
    }

    @GetMapping("/death-certificates/coding/certificates/{certificateId}")
    String certificate(
            @PathVariable String certificateId,
            @RequestParam(required = false) Integer saved,
            @RequestParam(required = false) String checked,
            Model model,
            Authentication user) {
        var workbench = coding.workbench(certificateId);
        var selected = new HashMap<String, String>();
        var other = new HashMap<String, String>();
        for (var line : workbench.lines()) {
            var codes = workbench.current() == null
                    ? null
                    : workbench.current().lines().stream()
                            .filter(l -> l.line().equals(line.line()))
                            .findFirst()
                            .map(l -> l.codes().stream()
                                    .map(CodingDetails.Code::code)
                                    .toList())
                            .orElse(null);
            if (codes == null) {
                if (!line.suggestions().isEmpty()) {
                    selected.put(line.line(), line.suggestions().get(0).code());
                }
            } else if (codes.size() == 1
                    && line.suggestions().stream().anyMatch(s -> s.code().equals(codes.get(0)))) {
                selected.put(line.line(), codes.get(0));
            } else {
                other.put(
                        line.line(),
                        String.join(" ", codes.stream().map(Icd10Code::dotted).toList()));
            }
        }
        var underlying = workbench.current() != null
                ? workbench.current().underlyingCause().dotted()
                : workbench.underlyingCauseSuggestion() != null
                        ? workbench.underlyingCauseSuggestion().dotted()
                        : "";
        return page(model, user, workbench, selected, other, underlying, List.of(), saved, checked);
    }

    @PostMapping("/death-certificates/coding/certificates/{certificateId}")
    String code(
            @PathVariable String certificateId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Authentication user,
            RedirectAttributes redirect) {
        var selected = new HashMap<String, String>();
        var other = new HashMap<String, String>();
        var labels = new ArrayList<String>();
        form.forEach((name, values) -> {
            var value = values.isEmpty() ? "" : values.get(0);
            if (name.startsWith("code.")) {
                selected.put(name.substring(5), value);
                if (!labels.contains(name.substring(5))) {
                    labels.add(name.substring(5));
                }
            } else if (name.startsWith("other.")) {
                other.put(name.substring(6), value);
                if (!labels.contains(name.substring(6))) {
                    labels.add(name.substring(6));
                }
            }
        });
        var lines = labels.stream()
                .map(label -> {
                    var typed = other.getOrDefault(label, "").strip();
                    var codes = typed.isEmpty()
                            ? (selected.containsKey(label) ? List.of(selected.get(label)) : List.<String>of())
                            : List.of(typed.split("[\\s,;]+"));
                    return new CodedLine(label, codes);
                })
                .toList();
        var basedOn = form.getFirst("basedOnVersion");
        var underlying = form.getFirst("underlyingCause") == null ? "" : form.getFirst("underlyingCause");
        var request = new NewCoding(
                basedOn == null || basedOn.isBlank() ? null : Integer.valueOf(basedOn),
                lines,
                underlying,
                blankToNull(form.getFirst("note")));
        try {
            var saved = coding.code(certificateId, request, user.getName());
            redirect.addAttribute("saved", saved.version());
            return "redirect:/death-certificates/coding/certificates/{certificateId}";
        } catch (InvalidCodingException e) {
            return page(
                    model,
                    user,
                    coding.workbench(certificateId),
                    selected,
                    other,
                    underlying,
                    e.problems().stream().map(p -> p.message()).toList(),
                    null,
                    null);
        } catch (CodingConflictException e) {
            return page(
                    model,
                    user,
                    coding.workbench(certificateId),
                    selected,
                    other,
                    underlying,
                    List.of(e.getMessage()),
                    null,
                    null);
        }
    }

    @PostMapping("/death-certificates/coding/certificates/{certificateId}/check")
    String check(
            @PathVariable String certificateId,
            @RequestParam int version,
            @RequestParam boolean agrees,
            @RequestParam(required = false) String comment,
            Model model,
            Authentication user,
            RedirectAttributes redirect) {
        try {
            coding.check(certificateId, new NewCheck(version, agrees, blankToNull(comment)), user.getName());
            redirect.addAttribute("checked", "true");
            return "redirect:/death-certificates/coding/certificates/{certificateId}";
        } catch (CodingConflictException e) {
            return page(
                    model,
                    user,
                    coding.workbench(certificateId),
                    Map.of(),
                    Map.of(),
                    "",
                    List.of(e.getMessage()),
                    null,
                    null);
        }
    }

    private String page(
            Model model,
            Authentication user,
            Workbench workbench,
            Map<String, String> selected,
            Map<String, String> other,
            String underlying,
            List<String> problems,
            Integer saved,
            String checked) {
        model.addAttribute("w", workbench);
        model.addAttribute("selected", selected);
        model.addAttribute("other", other);
        model.addAttribute("underlying", underlying);
        model.addAttribute("problems", problems);
        model.addAttribute("saved", saved);
        model.addAttribute("checked", checked);
        model.addAttribute("zone", SWEDEN);
        model.addAttribute("user", user.getName());
        return "coding/certificate";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
