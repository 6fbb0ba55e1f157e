package org.example.deathcertificate.coding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class CodingApiTests extends CodingTestSupport {

    private static final String CODING = API + "/coding/certificates/";

    private static Map<String, Object> coding(Integer basedOn, String underlying, Map<String, List<String>> lines) {
        var list = new ArrayList<Map<String, Object>>();
        lines.forEach((line, codes) -> list.add(Map.of("line", line, "codes", codes)));
        var body = new java.util.HashMap<String, Object>(Map.of("lines", list, "underlyingCause", underlying));
        if (basedOn != null) {
            body.put("basedOnVersion", basedOn);
        }
        return body;
    }

    private static Map<String, List<String>> naturalLines(String c) {
        var lines = new java.util.LinkedHashMap<String, List<String>>();
        lines.put("A", List.of("I21.9"));
        lines.put("B", List.of("I25.1"));
        lines.put("C", List.of(c));
        lines.put("10.1", List.of("I10"));
        return lines;
    }

    @Test
    void listsUncodedCertificatesOldestFirstFilteredByChannelMonthAndRegion() {
        var first = register(natural(newId(), LocalDate.of(2019, 7, 3), "Lund"));
        var second = register(natural(newId(), LocalDate.of(2019, 7, 20), "Malmö kommun"));
        var elsewhere = register(natural(newId(), LocalDate.of(2019, 7, 21), "Umeå"));
        register(natural(newId(), LocalDate.of(2019, 8, 1), "Lund"));

        var skane = send(
                HttpMethod.GET, API + "/coding/queue?month=2019-07&region=Region Skåne&channel=API", coder(), null);
        var all = send(HttpMethod.GET, API + "/coding/queue?month=2019-07", coder(), null);

        assertThat(skane.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ids(skane.getBody())).containsExactly(first, second);
        assertThat(skane.getBody().at("/entries/0/region").asText()).isEqualTo("Region Skåne");
        assertThat(ids(all.getBody())).containsSubsequence(first, second, elsewhere);
        assertThat(ids(send(HttpMethod.GET, API + "/coding/queue?month=2019-07&channel=PAPER", coder(), null)
                        .getBody()))
                .isEmpty();

        send(HttpMethod.POST, CODING + first + "/versions", coder(), coding(null, "E11.9", naturalLines("E11.9")));
        assertThat(ids(send(HttpMethod.GET, API + "/coding/queue?month=2019-07&region=Region Skåne", coder(), null)
                        .getBody()))
                .containsExactly(second);
    }

    @Test
    void leavesAReplacedCertificateOutOfTheQueue() {
        var original = register(natural(newId(), LocalDate.of(2019, 9, 3), "Lund"));
        var replacement = json.valueToTree(natural(newId(), LocalDate.of(2019, 9, 3), "Lund"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) replacement).put("replacesCertificateId", original);
        assertThat(send(HttpMethod.POST, API + "/certificates", webcert(), replacement)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        var queue = ids(send(HttpMethod.GET, API + "/coding/queue?month=2019-09", coder(), null)
                .getBody());

        assertThat(queue).contains(replacement.get("certificateId").asText()).doesNotContain(original);
    }

    @Test
    void answersAnUnknownRegionWithAProblem() {
        var answer = send(HttpMethod.GET, API + "/coding/queue?region=Atlantis", coder(), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void showsTheCauseChainWithSuggestionsFromTheVersionValidOnTheDateOfDeath() {
        var id = register(natural(newId(), LocalDate.of(2022, 3, 10), "Uppsala"));
        CODE_SERVER.requests.clear();

        var workbench = send(HttpMethod.GET, CODING + id, coder(), null).getBody();

        assertThat(workbench.get("codeSystemVersion").asText()).isEqualTo("2022");
        assertThat(workbench.at("/lines/0/line").asText()).isEqualTo("A");
        assertThat(workbench.at("/lines/0/description").asText()).isEqualTo("Akut hjärtinfarkt");
        assertThat(workbench.at("/lines/0/suggestions/0/code").asText()).isEqualTo("I21");
        assertThat(codes(workbench.at("/lines/0/suggestions"))).contains("I219");
        assertThat(workbench.at("/lines/2/suggestions/0/code").asText()).isEqualTo("E11");
        assertThat(workbench.at("/lines/3/line").asText()).isEqualTo("10.1");
        assertThat(workbench.at("/lines/3/suggestions/0/code").asText()).isEqualTo("I10");
        assertThat(workbench.get("region").asText()).isEqualTo("Region Uppsala");
        assertThat(workbench.get("codingState").asText()).isEqualTo("UNCODED");
        assertThat(workbench.at("/underlyingCauseSuggestion/code").asText()).isEqualTo("E11");
        assertThat(workbench.at("/underlyingCauseSuggestion/rule").asText()).isEqualTo("GENERAL_PRINCIPLE");
        assertThat(CODE_SERVER.requests).anyMatch(r -> r.contains("/concepts?q=") && r.contains("version=2022"));
    }

    @Test
    void keepsEveryVersionAndRefusesToOverwriteAnotherCodersVersion() {
        var id = register(natural(newId(), LocalDate.of(2022, 4, 2), "Lund"));

        var first =
                send(HttpMethod.POST, CODING + id + "/versions", coder(), coding(null, "E11.9", naturalLines("E11.9")));
        var stale = send(
                HttpMethod.POST,
                CODING + id + "/versions",
                secondCoder(),
                coding(null, "I25.1", naturalLines("E11.9")));
        var second = send(
                HttpMethod.POST, CODING + id + "/versions", secondCoder(), coding(1, "E11.8", naturalLines("E11.8")));
        var history =
                send(HttpMethod.GET, CODING + id + "/versions", coder(), null).getBody();

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("version").asInt()).isEqualTo(1);
        assertThat(first.getBody().get("codedBy").asText()).isEqualTo("coder-anna");
        assertThat(first.getBody().at("/underlyingCause/code").asText()).isEqualTo("E119");
        assertThat(first.getBody().at("/underlyingCause/who").asText()).isEqualTo("E11.9");
        assertThat(first.getBody().get("suggestedUnderlyingCause").asText()).isEqualTo("E119");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(history).hasSize(2);
        assertThat(history.at("/0/version").asInt()).isEqualTo(2);
        assertThat(history.at("/0/codedBy").asText()).isEqualTo("coder-bertil");
        assertThat(history.at("/1/underlyingCause/code").asText()).isEqualTo("E119");
        assertThat(history.at("/1/codedBy").asText()).isEqualTo("coder-anna");
    }

    @Test
    void refusesACodeThatDidNotExistOnTheDateOfDeath() {
        var in2020 = register(natural(newId(), LocalDate.of(2020, 6, 1), "Lund"));
        var in2022 = register(natural(newId(), LocalDate.of(2022, 6, 1), "Lund"));
        var lines = naturalLines("E11.9");
        lines.put("10.1", List.of("A63.8A"));

        var refused = send(HttpMethod.POST, CODING + in2020 + "/versions", coder(), coding(null, "E11.9", lines));
        var accepted = send(HttpMethod.POST, CODING + in2022 + "/versions", coder(), coding(null, "E11.9", lines));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("lines[3].codes[0]");
        assertThat(refused.getBody().at("/errors/0/message").asText())
                .contains("A63.8A")
                .contains("2020");
        assertThat(send(HttpMethod.GET, CODING + in2020 + "/versions", coder(), null)
                        .getBody())
                .isEmpty();
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(accepted.getBody().at("/lines/3/codes/0/who").asText()).isEqualTo("A63.8");
    }

    @Test
    void refusesAManifestationCodeAsUnderlyingCauseAndUncodedLines() {
        var id = register(natural(newId(), LocalDate.of(2022, 5, 5), "Lund"));
        var lines = naturalLines("E11.9");
        lines.remove("10.1");

        var answer = send(HttpMethod.POST, CODING + id + "/versions", coder(), coding(null, "D63.8", lines));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors").toString())
                .contains("line 10.1 is written on the certificate but not coded")
                .contains("D63.8 is a manifestation (*) code");
    }

    @Test
    void requiresAnExternalCauseAsUnderlyingCauseAfterAnInjury() {
        var id = register(injury(newId(), LocalDate.of(2022, 9, 9)));
        var lines = new java.util.LinkedHashMap<String, List<String>>();
        lines.put("A", List.of("S72.00"));
        lines.put("10.1", List.of("I10"));
        lines.put("12", List.of("W10.00"));

        var workbench = send(HttpMethod.GET, CODING + id, coder(), null).getBody();
        var fracture = send(HttpMethod.POST, CODING + id + "/versions", coder(), coding(null, "S72.00", lines));
        var fall = send(HttpMethod.POST, CODING + id + "/versions", coder(), coding(null, "W10.00", lines));

        assertThat(workbench.at("/lines/2/line").asText()).isEqualTo("12");
        assertThat(workbench.at("/manner/injuryCause").asText()).isEqualTo("OLYCKSFALL");
        assertThat(fracture.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fracture.getBody().at("/errors/0/message").asText()).contains("external cause (V01–Y98)");
        assertThat(fall.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(fall.getBody().get("suggestedUnderlyingCause").asText()).isEqualTo("W1000");
        assertThat(fall.getBody().at("/underlyingCause/who").asText()).isEqualTo("W10.0");
        assertThat(fall.getBody().at("/lines/0/codes/0/who").asText()).isEqualTo("S72.0");
    }

    @Test
    void aSecondCoderChecksTheLatestVersionButNotTheirOwn() {
        var id = register(natural(newId(), LocalDate.of(2022, 7, 7), "Lund"));
        send(HttpMethod.POST, CODING + id + "/versions", coder(), coding(null, "E11.9", naturalLines("E11.9")));

        var own = send(HttpMethod.POST, CODING + id + "/checks", coder(), Map.of("version", 1, "agrees", true));
        var second = send(
                HttpMethod.POST,
                CODING + id + "/checks",
                secondCoder(),
                Map.of("version", 1, "agrees", true, "comment", "ok"));
        var workbench = send(HttpMethod.GET, CODING + id, coder(), null).getBody();

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody().at("/checks/0/checkedBy").asText()).isEqualTo("coder-bertil");
        assertThat(workbench.get("codingState").asText()).isEqualTo("CHECKED");
    }

    @Test
    void answers503AndSavesNothingWhenTheCodeServerIsDown() {
        var id = register(natural(newId(), LocalDate.of(2021, 2, 2), "Lund"));
        CODE_SERVER.down = true;

        var answer =
                send(HttpMethod.POST, CODING + id + "/versions", coder(), coding(null, "E11.7", naturalLines("E11.7")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        CODE_SERVER.down = false;
        assertThat(send(HttpMethod.GET, CODING + id + "/versions", coder(), null)
                        .getBody())
                .isEmpty();
    }

    @Test
    void needsTheCodingScope() {
        var answer = send(HttpMethod.GET, API + "/coding/queue", reader(), null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.GET, API + "/coding/queue", null, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void suggestsCodesForAText() {
        var answer = send(
                HttpMethod.GET,
                API + "/coding/suggestions?text=lunginflammation pneumoni&date=2021-05-01",
                coder(),
                null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(codes(answer.getBody()))
                .isNotEmpty()
                .allMatch(code -> code.startsWith("J") || code.startsWith("A") || code.matches("[A-Z].*"));
        assertThat(answer.getBody().get(0).get("display").asText().toLowerCase())
                .contains("pneumoni");
    }

    @Test
    void searchesATextWithUriTemplateCharactersAsPlainText() {
        // a written cause is free text: braces must reach the code server as text, not be read as a URI template
        var answer = send(
                HttpMethod.GET,
                API + "/coding/suggestions?text={text}&date=2021-05-01",
                coder(),
                null,
                "{\"a\":{}} pneumoni");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(codes(answer.getBody())).isNotEmpty();
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("entries").forEach(e -> ids.add(e.get("certificateId").asText()));
        return ids;
    }

    private static List<String> codes(JsonNode suggestions) {
        var codes = new ArrayList<String>();
        suggestions.forEach(s -> codes.add(s.get("code").asText()));
        return codes;
    }
}
