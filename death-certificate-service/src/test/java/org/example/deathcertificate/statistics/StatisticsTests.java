package org.example.deathcertificate.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.example.deathcertificate.coding.CodingTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class StatisticsTests extends CodingTestSupport {

    private JsonNode statistics() {
        var answer = send(HttpMethod.GET, API + "/statistics", reader(), null);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @Test
    void countsArrivalsPerChannelTheElectronicShareLeadTimesAndTheBacklog() {
        var before = statistics();
        var today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        var first = register(natural(newId(), today.minusDays(10), "Lund"));
        register(natural(newId(), today.minusDays(20), "Lund"));
        var paper = send(
                HttpMethod.POST, API + "/paper-certificates", coder(), natural(newId(), today.minusDays(30), "Lund"));
        assertThat(paper.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var lines = new java.util.ArrayList<Map<String, Object>>();
        lines.add(Map.of("line", "A", "codes", List.of("I21.9")));
        lines.add(Map.of("line", "B", "codes", List.of("I25.1")));
        lines.add(Map.of("line", "C", "codes", List.of("E11.9")));
        lines.add(Map.of("line", "10.1", "codes", List.of("I10")));
        assertThat(send(
                                HttpMethod.POST,
                                API + "/coding/certificates/" + first + "/versions",
                                coder(),
                                Map.of("lines", lines, "underlyingCause", "E11.9"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        var after = statistics();

        assertThat(after.at("/total/api").asLong() - before.at("/total/api").asLong())
                .isEqualTo(2);
        assertThat(after.at("/total/paper").asLong() - before.at("/total/paper").asLong())
                .isEqualTo(1);
        assertThat(after.at("/total/total").asLong() - before.at("/total/total").asLong())
                .isEqualTo(3);
        var share = after.at("/total/electronicShare").asDouble();
        var total = after.at("/total");
        assertThat(share)
                .isEqualTo((double) (total.get("webcert").asLong()
                                + total.get("api").asLong())
                        / total.get("total").asLong());
        assertThat(after.at("/backlog/uncoded").asLong()
                        - before.at("/backlog/uncoded").asLong())
                .isEqualTo(2);
        assertThat(after.at("/deathToArrival/count").asLong()
                        - before.at("/deathToArrival/count").asLong())
                .isEqualTo(3);
        assertThat(after.at("/deathToCoding/count").asLong()
                        - before.at("/deathToCoding/count").asLong())
                .isEqualTo(1);
        var month = after.get("months").get(after.get("months").size() - 1);
        assertThat(month.get("month").asText())
                .isEqualTo(YearMonth.now(ZoneId.of("Europe/Stockholm")).toString());
        assertThat(month.at("/counts/total").asLong())
                .isEqualTo(month.get("coded").asLong() + month.get("uncoded").asLong());
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        var answer = send(HttpMethod.GET, API + "/statistics?from=2026-05-01&to=2026-04-01", reader(), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void isNotOpenWithoutAToken() {
        assertThat(send(HttpMethod.GET, API + "/statistics", null, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
