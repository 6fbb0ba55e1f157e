package org.example.fmb.adherence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.example.fmb.statistics.CheckOutcome;
import org.example.fmb.statistics.DailyLookups;
import org.example.fmb.statistics.LookupStatisticsService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The follow-up page: use of FMB over time and adherence per diagnosis, with charts (uPlot, served from the
 * project) and every table as a CSV download.
 */
@Controller
class FollowUpPageController {

    private final AdherenceService adherence;
    private final LookupStatisticsService lookups;
    private final ObjectMapper json;
    private final Clock clock;

    FollowUpPageController(
            AdherenceService adherence, LookupStatisticsService lookups, ObjectMapper json, Clock clock) {
        this.adherence = adherence;
        this.lookups = lookups;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/fmb/editor/uppfoljning")
    String page(
            @RequestParam(required = false) Long diagnosisId,
            @RequestParam(required = false, defaultValue = "") String region,
            Model model,
            Authentication who)
            throws JsonProcessingException {
        var today = LocalDate.now(clock);
        var use = lookups.lookups(today.minusDays(89), today, null);
        var perDay = days(today);
        use.days().forEach(d -> perDay.merge(d.day(), d.lookups(), Long::sum));
        var reads = days(today);
        lookups.collectionReads(today.minusDays(89), today).forEach(r -> reads.merge(r.day(), r.reads(), Long::sum));
        var within = days(today);
        var over = days(today);
        for (var check : lookups.checks(today.minusDays(89), today)) {
            if (check.outcome() == CheckOutcome.WITHIN) {
                within.merge(check.day(), check.checks(), Long::sum);
            } else if (check.outcome() == CheckOutcome.OVER) {
                over.merge(check.day(), check.checks(), Long::sum);
            }
        }
        var byDiagnosis = adherence.byDiagnosis(Region.isCode(region) ? region : "");
        var selected = diagnosisId != null
                ? diagnosisId
                : byDiagnosis.stream()
                        .max(java.util.Comparator.comparingLong(AdherenceFigure::episodes))
                        .map(AdherenceFigure::diagnosisId)
                        .orElse(null);
        model.addAttribute("user", who.getName());
        model.addAttribute("upload", adherence.latestUpload().orElse(null));
        model.addAttribute("region", Region.isCode(region) ? region : "");
        model.addAttribute("regions", Region.titles());
        model.addAttribute("totalLookups", use.total());
        model.addAttribute(
                "useSeries",
                json.writeValueAsString(Map.of(
                        "days",
                                perDay.keySet().stream()
                                        .map(LocalDate::toString)
                                        .toList(),
                        "lookups", perDay.values(),
                        "collectionReads", reads.values(),
                        "checksWithin", within.values(),
                        "checksOver", over.values())));
        model.addAttribute("figures", byDiagnosis);
        model.addAttribute("selected", selected);
        if (selected != null) {
            var months = adherence.byMonth(selected, Region.isCode(region) ? region : "");
            model.addAttribute("months", months);
            model.addAttribute("regionFigures", adherence.byRegion(selected));
            model.addAttribute(
                    "monthSeries",
                    json.writeValueAsString(Map.of(
                            "months",
                            months.stream().map(m -> m.month().toString()).toList(),
                            "median",
                            months.stream().map(AdherenceFigure::medianDays).toList(),
                            "p75",
                            months.stream().map(AdherenceFigure::p75Days).toList(),
                            "p90",
                            months.stream().map(AdherenceFigure::p90Days).toList(),
                            "max",
                            months.stream()
                                    .map(m -> m.maxDays() == null ? -1 : m.maxDays())
                                    .toList())));
        }
        return "editor/follow-up";
    }

    private static TreeMap<LocalDate, Long> days(LocalDate today) {
        var days = new TreeMap<LocalDate, Long>();
        for (var day = today.minusDays(89); !day.isAfter(today); day = day.plusDays(1)) {
            days.put(day, 0L);
        }
        return days;
    }

    @GetMapping("/fmb/editor/uppfoljning/collection-reads.csv")
    ResponseEntity<String> collectionReads() {
        var today = LocalDate.now(clock);
        var text = new StringBuilder("day,client,collection,reads\n");
        for (var r : lookups.collectionReads(today.minusDays(89), today)) {
            text.append(r.day())
                    .append(',')
                    .append(r.client())
                    .append(',')
                    .append(r.collection())
                    .append(',');
            text.append(r.reads()).append('\n');
        }
        return download("collection-reads.csv", text);
    }

    @GetMapping("/fmb/editor/uppfoljning/sick-leave-checks.csv")
    ResponseEntity<String> checks() {
        var today = LocalDate.now(clock);
        var text = new StringBuilder("day,icd10_code,outcome,checks\n");
        for (var c : lookups.checks(today.minusDays(89), today)) {
            text.append(c.day())
                    .append(',')
                    .append(c.icd10Code())
                    .append(',')
                    .append(c.outcome())
                    .append(',');
            text.append(c.checks()).append('\n');
        }
        return download("sick-leave-checks.csv", text);
    }

    private static ResponseEntity<String> download(String fileName, CharSequence text) {
        return ResponseEntity.ok()
                .header("Content-Type", AdherenceController.CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(text.toString());
    }

    @GetMapping("/fmb/editor/uppfoljning/diagnoses.csv")
    ResponseEntity<String> byDiagnosis(@RequestParam(required = false, defaultValue = "") String region) {
        return AdherenceController.csv("adherence-by-diagnosis.csv", adherence.byDiagnosis(region));
    }

    @GetMapping("/fmb/editor/uppfoljning/diagnoses/{id}/regions.csv")
    ResponseEntity<String> byRegion(@PathVariable long id) {
        return AdherenceController.csv("adherence-" + id + "-by-region.csv", adherence.byRegion(id));
    }

    @GetMapping("/fmb/editor/uppfoljning/diagnoses/{id}/months.csv")
    ResponseEntity<String> byMonth(
            @PathVariable long id, @RequestParam(required = false, defaultValue = "") String region) {
        return AdherenceController.csv("adherence-" + id + "-by-month.csv", adherence.byMonth(id, region));
    }

    @GetMapping("/fmb/editor/uppfoljning/lookups.csv")
    ResponseEntity<String> lookups(@RequestParam(required = false) LocalDate from) {
        var today = LocalDate.now(clock);
        var days = lookups.lookups(from == null ? today.minusDays(89) : from, today, null)
                .days();
        var text = new StringBuilder("day,diagnosis_id,lookups\n");
        for (DailyLookups d : days) {
            text.append(d.day())
                    .append(',')
                    .append(d.diagnosisId())
                    .append(',')
                    .append(d.lookups())
                    .append('\n');
        }
        return download("lookups.csv", text);
    }
}
