package org.example.fmb.webcert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.example.fmb.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class WebcertCollectionsTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Test
    void servesAllDiagnosesInTheReferenceEnvelope() throws IOException {
        var ours = get("/fmb/forsakringsmedicinskdiagnosinformation?inlinehtmlmarkup=true");
        var reference = reference("fmb/fmb-forsakringsmedicinskdiagnosinformation.excerpt.json");

        assertThat(ours.path("data")).hasSize(116);
        assertSameStructure("", envelope(reference), envelope(ours));
        assertThat(ours.path("meta").path("buildtimestamp").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d{4}");
        assertThat(ours.path("meta").path("buildnumber").isTextual()).isTrue();
        assertThat(ours.path("links").path("self").asText())
                .endsWith("/fmb/forsakringsmedicinskdiagnosinformation?inlinehtmlmarkup=true");
    }

    @Test
    void servesDiagnosis508AsTheReferenceHasIt() throws IOException {
        var ours = item(get("/fmb/forsakringsmedicinskdiagnosinformation?inlinehtmlmarkup=true"), "508");
        var reference = item(reference("fmb/fmb-forsakringsmedicinskdiagnosinformation.excerpt.json"), "508");

        assertSameStructure("508", reference, ours);
        assertThat(ours.path("attributes")).isEqualTo(reference.path("attributes"));
        assertThat(ours.path("relationships")).isEqualTo(reference.path("relationships"));
        assertThat(ours.path("links").path("self").asText())
                .endsWith("/fmb/forsakringsmedicinskdiagnosinformation/508");
        assertThat(item(get("/fmb/forsakringsmedicinskdiagnosinformation?inlinehtmlmarkup=true"), "110")
                        .path("attributes"))
                .isEqualTo(item(reference("fmb/fmb-forsakringsmedicinskdiagnosinformation.excerpt.json"), "110")
                        .path("attributes"));
    }

    @Test
    void givesEveryDiagnosisTheSameShapeWithItsTexts() throws IOException {
        var reference = item(reference("fmb/fmb-forsakringsmedicinskdiagnosinformation.excerpt.json"), "110");
        var ours = item(get("/fmb/forsakringsmedicinskdiagnosinformation?inlinehtmlmarkup=true"), "1");
        assertSameStructure("1", reference, ours);
        assertThat(ours.path("attributes")
                        .path("forsakringsmedicinskinformation")
                        .path("markup")
                        .asText())
                .startsWith("<p>");
    }

    @Test
    void servesTypicalCases509To511AsTheReferenceHasThem() throws IOException {
        var ours = get("/fmb/typfall?inlinehtmlmarkup=true");
        var reference = reference("fmb/fmb-typfall.excerpt.json");

        assertThat(ours.path("data")).hasSize(439);
        assertSameStructure("", envelope(reference), envelope(ours));
        for (var id : List.of("509", "510", "511", "111", "112", "113", "114")) {
            assertSameStructure(id, item(reference, id), item(ours, id));
            assertThat(item(ours, id).path("attributes"))
                    .as(id)
                    .isEqualTo(item(reference, id).path("attributes"));
        }
        // A typical case from the CSV only has the same shape.
        assertSameStructure("2", item(reference, "509"), item(ours, "2"));
    }

    @Test
    void givesDiagnosesAndTheirTypicalCasesIdenticalCodeObjects() throws IOException {
        var diagnosisCodes = new HashSet<JsonNode>();
        get("/fmb/forsakringsmedicinskdiagnosinformation")
                .path("data")
                .forEach(d -> d.path("attributes").path("diagnoskod").forEach(diagnosisCodes::add));
        var unmatched = new ArrayList<String>();
        get("/fmb/typfall")
                .path("data")
                .forEach(t -> t.path("attributes")
                        .path("fmbtillstand")
                        .path("diagnoskod")
                        .forEach(code -> {
                            if (!diagnosisCodes.contains(code)) {
                                unmatched.add(t.path("id").asText() + ":" + code);
                            }
                        }));
        assertThat(unmatched).isEmpty();
        var f32 = item(get("/fmb/typfall"), "510")
                .path("attributes")
                .path("fmbtillstand")
                .path("diagnoskod")
                .get(0);
        assertThat(item(get("/fmb/forsakringsmedicinskdiagnosinformation"), "508")
                        .path("attributes")
                        .path("diagnoskod")
                        .get(0))
                .isEqualTo(f32);
    }

    @Test
    void stripsHtmlUnlessInlineMarkupIsAsked() throws IOException {
        var plain = item(get("/fmb/forsakringsmedicinskdiagnosinformation"), "508");
        var markup = plain.path("attributes")
                .path("informationomrehabilitering")
                .path("markup")
                .asText();
        assertThat(markup).startsWith("Lindriga och medelsvåra").doesNotContain("<p>");
    }

    @Test
    void compressesTheCollectionsOnRequest() throws Exception {
        for (var path : List.of("/fmb/typfall?inlinehtmlmarkup=true", "/fmb/forsakringsmedicinskdiagnosinformation")) {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Accept-Encoding", "gzip")
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
            try (InputStream in = new GZIPInputStream(response.body())) {
                assertThat(JSON.readTree(in).path("data").size()).isGreaterThan(100);
            }
        }
    }

    @Test
    void answersNotModifiedForAnUnchangedCollection() {
        var first = http.getForEntity("/fmb/typfall", String.class);
        var etag = first.getHeaders().getETag();
        assertThat(etag).isNotBlank();
        var again = http.exchange(
                org.springframework.http.RequestEntity.get("/fmb/typfall")
                        .header("If-None-Match", etag)
                        .build(),
                String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void servesOneItemAndAProblemForAnUnknownOne() throws IOException {
        var one = JSON.readTree(http.getForObject("/fmb/typfall/510?inlinehtmlmarkup=true", String.class));
        assertThat(one.path("data").path("id").asText()).isEqualTo("510");
        assertThat(one.path("data")
                        .path("attributes")
                        .path("rekommenderadsjukskrivning")
                        .path("maximalsjukskrivningstid")
                        .asText())
                .isEqualTo("3");
        var missing = http.getForEntity("/fmb/forsakringsmedicinskdiagnosinformation/999999", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private JsonNode get(String path) throws IOException {
        var response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private static JsonNode reference(String resource) throws IOException {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return JSON.readTree(in);
        }
    }

    private static JsonNode item(JsonNode collection, String id) {
        for (var item : collection.path("data")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No item " + id);
    }

    private static JsonNode envelope(JsonNode collection) {
        var copy = collection.deepCopy();
        var data = ((com.fasterxml.jackson.databind.node.ObjectNode) copy).putArray("data");
        data.add(collection.path("data").get(0).deepCopy());
        return copy;
    }

    /** Same keys at every level, same JSON types (null matches anything scalar); arrays against the first element. */
    private static void assertSameStructure(String path, JsonNode reference, JsonNode ours) {
        if (reference.isNull() || ours.isNull()) {
            assertThat(reference.isContainerNode() && !reference.isEmpty() && ours.isNull())
                    .as(path + " is null where the reference has content")
                    .isFalse();
            return;
        }
        assertThat(ours.getNodeType()).as(path).isEqualTo(reference.getNodeType());
        if (reference.isObject()) {
            var expected = new ArrayList<String>();
            reference.fieldNames().forEachRemaining(expected::add);
            var actual = new ArrayList<String>();
            ours.fieldNames().forEachRemaining(actual::add);
            if (!(expected.isEmpty() || actual.isEmpty()) || path.endsWith("markup-section")) {
                assertThat(actual).as(path).containsExactlyElementsOf(expected);
            }
            expected.forEach(key -> {
                if (ours.has(key)) {
                    assertSameStructure(path + "." + key, reference.get(key), ours.get(key));
                }
            });
        } else if (reference.isArray() && !reference.isEmpty()) {
            ours.forEach(element -> assertSameStructure(path + "[]", reference.get(0), element));
        }
    }
}
