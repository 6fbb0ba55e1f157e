package org.example.fmb.adherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.example.fmb.statistics.CheckOutcome;
import org.example.fmb.statistics.DailyChecks;
import org.example.fmb.statistics.DailyCollectionReads;
import org.example.fmb.statistics.DailyLookups;
import org.example.fmb.statistics.LookupStatistics;
import org.example.fmb.statistics.LookupStatisticsService;
import org.example.fmb.system.SecurityTestAccess;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The follow-up page as a slice: who may see it, its tables, its chart data and its CSV downloads. */
@WebMvcTest(controllers = FollowUpPageController.class, properties = "fmb.pages.login=form")
@Import({SecurityTestAccess.class, FollowUpPageControllerTests.FixedClock.class})
class FollowUpPageControllerTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AdherenceService adherence;

    @MockitoBean
    LookupStatisticsService lookups;

    private static AdherenceFigure figure(YearMonth month, String region, int median, double within) {
        return new AdherenceFigure(
                508, "Depressiv episod", region, Region.titleOf(region), month, 1200, median, 60, 120, 93, within);
    }

    @BeforeEach
    void figures() {
        given(lookups.lookups(TODAY.minusDays(89), TODAY, null))
                .willReturn(new LookupStatistics(
                        TODAY.minusDays(89),
                        TODAY,
                        7,
                        List.of(new DailyLookups(508, TODAY, 5), new DailyLookups(110, TODAY, 2))));
        given(lookups.collectionReads(TODAY.minusDays(89), TODAY))
                .willReturn(List.of(new DailyCollectionReads(TODAY, "webcert", "typfall", 3)));
        given(lookups.checks(TODAY.minusDays(89), TODAY))
                .willReturn(List.of(
                        new DailyChecks(TODAY, "F321", CheckOutcome.OVER, 2),
                        new DailyChecks(TODAY, "F321", CheckOutcome.WITHIN, 9)));
        given(adherence.latestUpload())
                .willReturn(Optional.of(new UploadSummary(
                        3,
                        Instant.parse("2026-12-01T10:00:00Z"),
                        1_000_000,
                        4_000,
                        YearMonth.of(2024, 1),
                        YearMonth.of(2025, 12))));
        given(adherence.byDiagnosis("")).willReturn(List.of(figure(null, "", 45, 0.8126)));
        given(adherence.byMonth(508, ""))
                .willReturn(List.of(
                        figure(YearMonth.of(2025, 1), "", 44, 0.8), figure(YearMonth.of(2025, 2), "", 46, 0.82)));
        given(adherence.byRegion(508)).willReturn(List.of(figure(null, "12", 45, 0.8)));
    }

    @Test
    void showsUseAndAdherenceWithTheRecommendationToAnAnalyst() throws Exception {
        var html = mvc.perform(
                        get("/fmb/editor/uppfoljning").with(user("analyst").authorities(() -> "SCOPE_fmb.analyse")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var page = Jsoup.parse(html);

        assertThat(page.getElementById("total-lookups").text()).isEqualTo("7");
        var row = page.getElementById("adherence-508").select("td");
        assertThat(row.get(0).text()).isEqualTo("Depressiv episod");
        assertThat(row.get(5).text()).isEqualTo("93");
        assertThat(row.get(6).text()).isEqualTo("81.3%");
        assertThat(page.select("#regions-table tbody td").first().text()).isEqualTo("Region Skåne");
        assertThat(page.getElementById("chart-months").attr("data-series"))
                .contains("\"2025-01\",\"2025-02\"")
                .contains("\"max\":[93,93]");
        assertThat(page.getElementById("chart-use").attr("data-series"))
                .contains("\"2026-12-06\"]")
                .contains("\"checksOver\":[" + "0,".repeat(89) + "2]")
                .contains("\"checksWithin\":[" + "0,".repeat(89) + "9]")
                .contains("\"collectionReads\":[" + "0,".repeat(89) + "3]");
        assertThat(page.select("script[src*=uPlot]").attr("src"))
                .isEqualTo("/fmb/webjars/uplot/dist/uPlot.iife.min.js");
        assertThat(page.select("script:not([src])")).isEmpty();
    }

    @Test
    void keepsThePageForTheAuthorityAndItsAnalysts() throws Exception {
        mvc.perform(get("/fmb/editor/uppfoljning")).andExpect(status().isFound());
        mvc.perform(get("/fmb/editor/uppfoljning").with(user("doctor").authorities(() -> "SCOPE_fmb.read")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/fmb/editor/uppfoljning").with(user("editor").authorities(() -> "SCOPE_fmb.write")))
                .andExpect(status().isOk());
    }

    @Test
    void downloadsEveryTableAsCsv() throws Exception {
        var analyst = user("analyst").authorities(() -> "SCOPE_fmb.analyse");
        mvc.perform(get("/fmb/editor/uppfoljning/diagnoses.csv").with(analyst))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("Content-Disposition", "attachment; filename=\"adherence-by-diagnosis.csv\""))
                .andExpect(content()
                        .string(AdherenceFigure.CSV_HEADER
                                + "508,\"Depressiv episod\",,\"Alla regioner\",,1200,45,60,120,93,0.8126\n"));
        mvc.perform(get("/fmb/editor/uppfoljning/diagnoses/508/months.csv").with(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(",2025-02,1200,46,")));
        mvc.perform(get("/fmb/editor/uppfoljning/lookups.csv").with(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string("day,diagnosis_id,lookups\n2026-12-06,508,5\n2026-12-06,110,2\n"));
        mvc.perform(get("/fmb/editor/uppfoljning/collection-reads.csv").with(analyst))
                .andExpect(content().string("day,client,collection,reads\n2026-12-06,webcert,typfall,3\n"));
        mvc.perform(get("/fmb/editor/uppfoljning/sick-leave-checks.csv").with(analyst))
                .andExpect(content()
                        .string("day,icd10_code,outcome,checks\n2026-12-06,F321,OVER,2\n2026-12-06,F321,WITHIN,9\n"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneId.of("Europe/Stockholm"));
        }
    }
}
