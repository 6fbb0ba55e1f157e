package org.example.deathcertificate.statistics;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The statistics page: the figures as tables, and charts drawn by the page's own script from the same figures. */
@Controller
class StatisticsPageController {

    private final StatisticsService statistics;
    private final Clock clock;

    StatisticsPageController(StatisticsService statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/death-certificates/statistics")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model,
            Authentication user) {
        var figures = figures(from, to);
        model.addAttribute("s", figures);
        model.addAttribute("user", user.getName());
        return "statistics/page";
    }

    @GetMapping("/death-certificates/statistics/data")
    @ResponseBody
    Statistics data(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures(from, to);
    }

    private Statistics figures(LocalDate from, LocalDate to) {
        var end = to != null ? to : LocalDate.now(clock);
        var start = from != null ? from : end.minusMonths(12).plusDays(1);
        return statistics.statistics(start.isAfter(end) ? end : start, end);
    }
}
