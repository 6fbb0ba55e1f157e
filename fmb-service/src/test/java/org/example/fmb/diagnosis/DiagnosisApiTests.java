package org.example.fmb.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.zip.GZIPInputStream;
import org.example.fmb.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;

class DiagnosisApiTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Test
    void findsADiagnosisByCodeFallingBackToTheParent() throws IOException {
        for (var code : new String[] {"F32.1", "F321", "F32", "f32.1"}) {
            var body = json("/fmb/api/v1/diagnoses/by-code/" + code);
            assertThat(body.path("id").asLong()).as(code).isEqualTo(508);
            assertThat(body.path("matchedCode").asText()).isEqualTo("F32");
        }
        var stress = json("/fmb/api/v1/diagnoses/by-code/F43.0");
        assertThat(stress.path("title").asText()).isEqualTo("Akut stressreaktion");
        assertThat(stress.path("typicalCases")
                        .get(0)
                        .path("recommendedSickLeave")
                        .has("maxDays"))
                .isTrue();
    }

    @Test
    void answersNotFoundAsProblemWhenNoCodeMatches() {
        for (var code : new String[] {"F3", "Z99.9", "M54"}) {
            var response = http.getForEntity("/fmb/api/v1/diagnoses/by-code/" + code, String.class);
            assertThat(response.getStatusCode()).as(code).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).contains("\"status\":404");
        }
    }

    @Test
    void answersNotModifiedToAnUnchangedETagOrDate() {
        var first = http.getForEntity("/fmb/api/v1/diagnoses/by-code/F32", String.class);
        var etag = first.getHeaders().getETag();
        var lastModified = first.getHeaders().getFirst("Last-Modified");
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();

        var byEtag = http.exchange(
                RequestEntity.get("/fmb/api/v1/diagnoses/by-code/F32.1")
                        .header("If-None-Match", etag)
                        .build(),
                String.class);
        assertThat(byEtag.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        var byDate = http.exchange(
                RequestEntity.get("/fmb/api/v1/diagnoses/508")
                        .header("If-Modified-Since", lastModified)
                        .build(),
                String.class);
        assertThat(byDate.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        var stale = http.exchange(
                RequestEntity.get("/fmb/api/v1/diagnoses/508")
                        .header("If-None-Match", "\"other\"")
                        .build(),
                String.class);
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void answersAPlainLookupWithTheBytesAndHeadersOfTheGeneralPath() {
        for (var path : new String[] {
            "/fmb/api/v1/diagnoses/by-code/F32.1",
            "/fmb/api/v1/diagnoses/by-code/m545",
            "/fmb/api/v1/diagnoses/by-code/K40",
            "/fmb/api/v1/diagnoses/508"
        }) {
            var plain = http.exchange(
                    RequestEntity.get(path).accept(MediaType.APPLICATION_JSON).build(), String.class);
            var general = http.exchange(
                    RequestEntity.get(path)
                            .header("Accept", "application/json, */*")
                            .build(),
                    String.class);
            assertThat(plain.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(plain.getBody()).as(path).isEqualTo(general.getBody());
            for (var header :
                    new String[] {"ETag", "Last-Modified", "Cache-Control", "Content-Type", "Content-Disposition"}) {
                assertThat(plain.getHeaders().get(header))
                        .as(path + " " + header)
                        .isEqualTo(general.getHeaders().get(header));
            }
        }
        var unknown = http.exchange(
                RequestEntity.get("/fmb/api/v1/diagnoses/by-code/Z99.9")
                        .accept(MediaType.APPLICATION_JSON)
                        .build(),
                String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersALookupThatAcceptsGzipWithTheSameJsonCompressedOnceAndNotModifiedToItsETag() throws Exception {
        var client = HttpClient.newHttpClient();
        var lookup =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fmb/api/v1/diagnoses/by-code/F32.1"));
        var plain =
                client.send(lookup.copy().header("Accept", "application/json").build(), BodyHandlers.ofByteArray());
        var gzipped = client.send(
                lookup.copy().header("Accept-Encoding", "gzip, deflate").build(), BodyHandlers.ofByteArray());
        var again = client.send(lookup.copy().header("Accept-Encoding", "gzip").build(), BodyHandlers.ofByteArray());
        var refused = client.send(
                lookup.copy().header("Accept-Encoding", "gzip;q=0, identity").build(), BodyHandlers.ofByteArray());

        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(gzipped.headers().firstValue("ETag"))
                .isEqualTo(plain.headers().firstValue("ETag"));
        try (var inflated = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(inflated.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        assertThat(again.body()).isEqualTo(gzipped.body());
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain.body());

        var etag = plain.headers().firstValue("ETag").orElseThrow();
        var notModified = client.send(
                lookup.copy()
                        .header("If-None-Match", "\"other\", W/" + etag)
                        .header("Accept-Encoding", "gzip")
                        .build(),
                BodyHandlers.ofByteArray());
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).contains(etag);
        var changed =
                client.send(lookup.copy().header("If-None-Match", "\"other\"").build(), BodyHandlers.ofByteArray());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(plain.body());
    }

    @Test
    void listsAndSearchesPaged() throws IOException {
        var all = json("/fmb/api/v1/diagnoses?size=50");
        assertThat(all.path("totalItems").asInt()).isEqualTo(116);
        assertThat(all.path("items")).hasSize(50);
        assertThat(all.path("totalPages").asInt()).isEqualTo(3);

        var hits = json("/fmb/api/v1/diagnoses?q=depressiv");
        assertThat(hits.path("items").findValuesAsText("title")).contains("Depressiv episod");
        var byCode = json("/fmb/api/v1/diagnoses?q=K40");
        assertThat(byCode.path("items").get(0).path("id").asLong()).isEqualTo(110);
        assertThat(http.getForEntity("/fmb/api/v1/diagnoses?size=0", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void servesTheGeneralPrinciples() throws IOException {
        var principles = json("/fmb/api/v1/principles");
        assertThat(principles.path("title").asText()).isEqualTo("Övergripande principer för sjukskrivning");
        assertThat(principles.path("version").asInt()).isPositive();
    }

    @Test
    void showsPublishedContentOnPublicPages() {
        var page = http.getForEntity("/fmb/diagnoser/508", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(page.getBody())
                .contains("<h1>Depressiv episod</h1>")
                .contains("<p>Lindriga och medelsvåra tillstånd");
        assertThat(http.getForObject("/fmb/diagnoser?q=bråck", String.class)).contains("Ljumskbråck");
        assertThat(http.getForEntity("/fmb/diagnoser/999999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/fmb/principer", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void sendsAnonymousVisitorsOfEditorPagesToTheLogin() {
        var response = http.getForEntity("/fmb/editor", String.class);
        assertThat(response.getStatusCode().is3xxRedirection()
                        || response.getBody().contains("id=\"username\""))
                .isTrue();
    }

    private JsonNode json(String path) throws IOException {
        var response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }
}
