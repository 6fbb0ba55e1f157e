package org.example.fmb.webcert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.example.fmb.IntegrationTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 14, part 1: the whole FMB capture is served unchanged in meaning, field by field, through the Webcert
 * collections, {@code /fmb/api/v1} and the public pages. Markup is compared as parsed HTML (the service
 * stores it cleaned, e.g. a bare {@code <} as {@code &lt;}); everything else as JSON. Runs first, before
 * other tests edit content in the shared database.
 */
@Order(1)
class FullContentTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MARKUP =
            List.of("forsakringsmedicinskinformation", "symtomprognosbehandling", "informationomrehabilitering");

    @Autowired
    TestRestTemplate http;

    @Test
    void servesEveryDiagnosisOfTheCaptureFieldByField() throws IOException {
        var capture = items(reference("fmb/fmb-forsakringsmedicinskdiagnosinformation.full.json"));
        var served = items(JSON.readTree(
                http.getForObject("/fmb/forsakringsmedicinskdiagnosinformation?inlinehtmlmarkup=true", String.class)));

        assertThat(served.keySet())
                .containsExactlyInAnyOrderElementsOf(capture.keySet())
                .hasSize(116);
        var compared = 0;
        for (var entry : capture.entrySet()) {
            var expected = entry.getValue().path("attributes");
            var actual = served.get(entry.getKey()).path("attributes");
            assertThat(fieldNames(actual)).as(entry.getKey()).containsExactlyElementsOf(fieldNames(expected));
            for (var field : fieldNames(expected)) {
                var where = "diagnosis " + entry.getKey() + " " + field;
                if (MARKUP.contains(field)) {
                    assertThat(html(actual.path(field).path("markup")))
                            .as(where)
                            .isEqualTo(html(expected.path(field).path("markup")));
                } else {
                    assertThat(actual.path(field)).as(where).isEqualTo(expected.path(field));
                }
                compared++;
            }
            assertThat(served.get(entry.getKey()).path("type"))
                    .isEqualTo(entry.getValue().path("type"));
        }
        assertThat(compared).isEqualTo(116 * 19 + 1);
        assertThat(capture.values().stream()
                        .filter(d -> d.path("attributes")
                                .path("informationomrehabilitering")
                                .has("markup")))
                .hasSize(62);
    }

    @Test
    void servesEveryTypicalCaseOfTheCaptureFieldByField() throws IOException {
        var capture = items(reference("fmb/fmb-typfall.full.json"));
        var served = items(JSON.readTree(http.getForObject("/fmb/typfall?inlinehtmlmarkup=true", String.class)));

        assertThat(served.keySet())
                .containsExactlyInAnyOrderElementsOf(capture.keySet())
                .hasSize(439);
        for (var entry : capture.entrySet()) {
            var expected = entry.getValue().path("attributes");
            var actual = served.get(entry.getKey()).path("attributes");
            assertThat(fieldNames(actual)).as(entry.getKey()).containsExactlyElementsOf(fieldNames(expected));
            for (var field : fieldNames(expected)) {
                assertThat(actual.path(field))
                        .as("typical case " + entry.getKey() + " " + field)
                        .isEqualTo(expected.path(field));
            }
        }
    }

    @Test
    void servesTheSameContentThroughTheApiAndThePublicPages() throws IOException {
        var capture = items(reference("fmb/fmb-forsakringsmedicinskdiagnosinformation.full.json"));
        var cases = items(reference("fmb/fmb-typfall.full.json"));
        for (var entry : capture.entrySet()) {
            var expected = entry.getValue().path("attributes");
            var api = JSON.readTree(http.getForObject("/fmb/api/v1/diagnoses/" + entry.getKey(), String.class));
            var where = "diagnosis " + entry.getKey();
            assertThat(api.path("title").asText())
                    .as(where)
                    .isEqualTo(expected.path("titel").asText());
            assertThat(html(api.path("insuranceMedicalInformation")))
                    .as(where)
                    .isEqualTo(html(
                            expected.path("forsakringsmedicinskinformation").path("markup")));
            assertThat(html(api.path("symptomsPrognosisTreatment")))
                    .as(where)
                    .isEqualTo(html(expected.path("symtomprognosbehandling").path("markup")));
            assertThat(html(api.path("rehabilitationInformation")))
                    .as(where)
                    .isEqualTo(html(expected.path("informationomrehabilitering").path("markup")));
            assertThat(api.path("functionalImpairment").path("text").asText())
                    .as(where)
                    .isEqualTo(expected.path("funktionsnedsattning")
                            .path("funktionsnedsattningsbeskrivning")
                            .asText());
            assertThat(api.path("activityLimitation").path("centralIcfCodes").findValuesAsText("code"))
                    .as(where)
                    .isEqualTo(expected.path("aktivitetsbegransning")
                            .path("centralkod")
                            .findValuesAsText("kod"));
            assertThat(api.path("references").findValuesAsText("uri"))
                    .isEqualTo(expected.path("referens").findValuesAsText("uri"));
            for (var tc : api.path("typicalCases")) {
                var source = cases.get(tc.path("id").asText()).path("attributes");
                assertThat(tc.path("sentence").asText())
                        .isEqualTo(source.path("typfallsmening").asText());
                assertThat(tc.path("recommendedSickLeave").path("maxValue").asText(""))
                        .isEqualTo(source.path("rekommenderadsjukskrivning")
                                .path("maximalsjukskrivningstid")
                                .asText(""));
            }

            var page = Jsoup.parse(http.getForObject("/fmb/diagnoser/" + entry.getKey(), String.class))
                    .text();
            for (var field : MARKUP) {
                var text = Jsoup.parseBodyFragment(
                                expected.path(field).path("markup").asText(""))
                        .text();
                assertThat(page).as(where + " page, " + field).contains(text);
            }
            assertThat(page)
                    .contains(words(expected.path("funktionsnedsattning").path("funktionsnedsattningsbeskrivning")));
            assertThat(page)
                    .contains(words(expected.path("aktivitetsbegransning").path("aktivitetsbegransningsbeskrivning")));
            for (var tc : api.path("typicalCases")) {
                assertThat(page).contains(words(tc.path("sentence")));
            }
        }
    }

    private static String words(JsonNode text) {
        return text.isNull() ? "" : text.asText().strip().replaceAll("\\s+", " ");
    }

    private static String html(JsonNode markup) {
        if (markup.isMissingNode() || markup.isNull()) {
            return null;
        }
        var body = Jsoup.parseBodyFragment(markup.asText()).body();
        body.ownerDocument().outputSettings(new Document.OutputSettings().prettyPrint(false));
        return body.html();
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, JsonNode> items(JsonNode collection) {
        var items = new LinkedHashMap<String, JsonNode>();
        collection.path("data").forEach(item -> items.put(item.path("id").asText(), item));
        return items;
    }

    private static JsonNode reference(String resource) throws IOException {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return JSON.readTree(in);
        }
    }
}
