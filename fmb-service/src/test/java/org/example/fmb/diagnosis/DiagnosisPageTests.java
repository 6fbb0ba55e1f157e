package org.example.fmb.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.example.fmb.IntegrationTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The public page of a diagnosis, as a doctor reads it (issue 14, part 1). */
class DiagnosisPageTests extends IntegrationTestSupport {

    @Autowired
    TestRestTemplate http;

    @Test
    void showsEverySectionUnderItsHeadingAndTheTypicalCasesAsATable() {
        var page = page("/fmb/diagnoser/110");

        assertThat(page.select("main h2").eachText())
                .containsExactly(
                        "Rekommendationer (typfall)",
                        "Försäkringsmedicinsk information",
                        "Symtom, prognos och behandling",
                        "Funktionsnedsättning",
                        "Aktivitetsbegränsning",
                        "Referenser");
        assertThat(page.select("nav.toc a").eachAttr("href")).contains("#typfall", "#funktionsnedsattning");
        var rows = page.select("table.cases tbody tr");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).select("td.max").text()).isEqualTo("2 wk (heltid)");
        assertThat(rows.get(1).select("ul.criteria li").eachText())
                .contains("Åtgärd: laparoskopisk åtgärd (utförd)", "Arbetsbelastning: hög belastning");
        assertThat(rows.get(1).select("td").eachAttr("data-label"))
                .containsExactly("Typfall", "Rekommendation", "Högst");
        assertThat(page.select("#forsakringsmedicinsk-information .markup p")).hasSizeGreaterThan(1);
        assertThat(page.select("#rehabilitering"))
                .as("the capture has no rehabilitation text for 110")
                .isEmpty();
    }

    @Test
    void namesIcfCodesAsTheCodeServerDoesAndFallsBackToTheStoredNames() {
        var icf = page("/fmb/diagnoser/110").select("#funktionsnedsattning table.icf tbody tr");
        assertThat(icf).extracting(row -> row.select("td").get(0).text()).containsExactly("b280", "b730", "b455");
        assertThat(icf.get(0).select("td").get(1).text()).isEqualTo(CODE_SERVER_NAME + "b280");
        assertThat(icf.get(0).select("td").get(2).text()).isEqualTo("central");

        codeServerDown = true;
        var offline = page("/fmb/diagnoser/110").select("#funktionsnedsattning table.icf tbody tr");
        assertThat(offline.get(0).select("td").get(1).text()).isEqualTo("Smärtförnimmelse");
    }

    @Test
    void fitsAPhoneScreen() {
        var page = page("/fmb/diagnoser/508");
        assertThat(page.select("meta[name=viewport]").attr("content")).contains("width=device-width");
        var css = http.getForObject("/fmb/css/fmb.css", String.class);
        assertThat(css).contains("@media (max-width: 40rem)", "td::before { content: attr(data-label)");
        assertThat(page.select("table.cases tbody tr td[data-label]")).isNotEmpty();
    }

    private Document page(String path) {
        return Jsoup.parse(http.getForObject(path, String.class));
    }
}
