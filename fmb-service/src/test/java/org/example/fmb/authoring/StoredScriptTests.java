package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.example.fmb.IntegrationTestSupport;
import org.example.fmb.content.PublishedContentService;
import org.example.platform.security.TestTokens;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 17, finding 2: script in FMB markup is refused when saved, removed when shown, and blocked by the CSP. */
class StoredScriptTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = TestTokens.bearer("sara-editor", "fmb.write");
    private static final String HOSTILE = "<p>Text</p><img src=x onerror=\"fetch('/fmb/api/v1/authoring')\">"
            + "<svg onload=alert(1)></svg><a href=\"&#106;avascript:alert(1)\">länk</a><p onclick=alert(1)>klick</p>"
            + "<script>alert(1)</script><img src=x onerror=alert(2)";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublishedContentService published;

    @Test
    void refusesToSaveADraftWithScriptAndKeepsTheStoredVersionAsItWas() throws Exception {
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/32/versions", EDITOR, null);
        var path = "/fmb/api/v1/authoring/diagnoses/32/versions/"
                + draft.path("versionNumber").asInt();
        var lock = draft.path("lockVersion").asLong();
        var before = call(HttpMethod.GET, path, EDITOR, null).path("content");

        for (var vector : List.of(
                "<p>Text</p><img src=x onerror=alert(1)",
                "<p onmouseover=alert(1)>x</p>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"jav&#x61;script:alert(1)\">x</a>",
                "<svg><script>alert(1)</script></svg>")) {
            var content = ((ObjectNode) before.deepCopy()).put("symptomsPrognosisTreatment", vector);
            var saved = http.exchange(request(HttpMethod.PUT, path, EDITOR).body(update(lock, content)), String.class);

            assertThat(saved.getStatusCode()).as(vector).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(saved.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(JSON.readTree(saved.getBody()).path("errors").findValuesAsText("field"))
                    .containsOnly("symptomsPrognosisTreatment");
        }
        var link = (ObjectNode) before.deepCopy();
        ((ArrayNode) link.withArray("references"))
                .removeAll()
                .addObject()
                .put("text", "Källa")
                .put("uri", "javascript:alert(document.cookie)");
        var saved = http.exchange(request(HttpMethod.PUT, path, EDITOR).body(update(lock, link)), String.class);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(JSON.readTree(saved.getBody()).path("errors").findValuesAsText("field"))
                .containsExactly("references[0].uri");

        var after = call(HttpMethod.GET, path, EDITOR, null);
        assertThat(after.path("content")).isEqualTo(before);
        assertThat(after.path("lockVersion").asLong()).isEqualTo(lock);
    }

    @Test
    void storesAllowedMarkupInItsCleanedForm() throws Exception {
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/37/versions", EDITOR, null);
        var path = "/fmb/api/v1/authoring/diagnoses/37/versions/"
                + draft.path("versionNumber").asInt();
        var content = ((ObjectNode) draft.path("content"))
                .put(
                        "rehabilitationInformation",
                        "<P>Kontroll &lt;15 mmol</P><UL><LI><a href=\"https://www.socialstyrelsen.se/\">Källa</a></LI></UL>");

        var saved = http.exchange(
                request(HttpMethod.PUT, path, EDITOR)
                        .body(update(draft.path("lockVersion").asLong(), content)),
                String.class);

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(saved.getBody())
                        .path("content")
                        .path("rehabilitationInformation")
                        .asText())
                .isEqualTo(
                        "<p>Kontroll &lt;15 mmol</p><ul><li><a href=\"https://www.socialstyrelsen.se/\">Källa</a></li></ul>");
    }

    @Test
    void showsNoScriptFromMarkupStoredBehindTheApplicationsBack() throws Exception {
        var original = jdbc.queryForMap(
                "select id, insurance_medical_information, reference_list::text as refs from diagnosis_version"
                        + " where diagnosis_id = 42 and status = 'PUBLISHED' and valid_to is null");
        var principles = jdbc.queryForMap(
                "select id, markup from principles_version where status = 'PUBLISHED' and valid_to is null"
                        + " order by version_number desc limit 1");
        try {
            jdbc.update(
                    "update diagnosis_version set insurance_medical_information = ?, reference_list = ?::jsonb where id = ?",
                    HOSTILE,
                    "[{\"text\":\"Källa\",\"uri\":\"javascript:alert(1)\"}]",
                    original.get("id"));
            jdbc.update("update principles_version set markup = ? where id = ?", HOSTILE, principles.get("id"));
            published.refresh();

            for (var page : List.of("/fmb/diagnoser/42", "/fmb/principer")) {
                var html = http.getForEntity(page, String.class);
                assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(html.getBody()).contains("<p>Text</p>");
                assertNoActiveContent(page, html.getBody());
            }
            var api = JSON.readTree(http.getForObject("/fmb/api/v1/diagnoses/42", String.class));
            assertNoActiveContent(
                    "api",
                    api.path("insuranceMedicalInformation").path("markup").asText()
                            + api.path("insuranceMedicalInformation").asText());
            assertThat(api.path("references").get(0).path("uri").isNull()).isTrue();
            var webcert = JSON.readTree(http.getForObject(
                    "/fmb/forsakringsmedicinskdiagnosinformation/42?inlinehtmlmarkup=true", String.class));
            var markup = webcert.path("data")
                    .path("attributes")
                    .path("forsakringsmedicinskinformation")
                    .path("markup")
                    .asText();
            assertThat(markup).startsWith("<p>Text</p>");
            assertNoActiveContent("webcert", markup);
            assertNoActiveContent("principles api", http.getForObject("/fmb/api/v1/principles", String.class));
        } finally {
            jdbc.update(
                    "update diagnosis_version set insurance_medical_information = ?, reference_list = ?::jsonb where id = ?",
                    original.get("insurance_medical_information"),
                    original.get("refs"),
                    original.get("id"));
            jdbc.update(
                    "update principles_version set markup = ? where id = ?",
                    principles.get("markup"),
                    principles.get("id"));
            published.refresh();
        }
    }

    @Test
    void sendsAStrictContentSecurityPolicyWithEveryPageAndAnswer() {
        for (var path : List.of(
                "/fmb/diagnoser",
                "/fmb/diagnoser/508",
                "/fmb/diagnoser/999999",
                "/fmb/principer",
                "/fmb/login",
                "/fmb/editor",
                "/fmb/api/v1/diagnoses/by-code/F32",
                "/fmb/typfall/510",
                "/fmb/css/fmb.css",
                "/fmb/api/v1/authoring/diagnoses")) {
            ResponseEntity<String> answer = http.getForEntity(path, String.class);
            var policy = answer.getHeaders().getFirst("Content-Security-Policy");
            assertThat(policy)
                    .as(path)
                    .isNotNull()
                    .contains(
                            "default-src 'none'",
                            "script-src 'self'",
                            "style-src 'self'",
                            "form-action 'self'",
                            "frame-ancestors 'none'",
                            "object-src 'none'");
            assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
        }
    }

    @Test
    void servesPagesThatNeedNoInlineScriptOrStyle() {
        for (var path :
                List.of("/fmb/diagnoser", "/fmb/diagnoser/508", "/fmb/diagnoser/110", "/fmb/principer", "/fmb/login")) {
            var page = Jsoup.parse(http.getForObject(path, String.class));
            assertThat(page.select("script:not([src])")).as(path).isEmpty();
            assertThat(page.select("style, [style]")).as(path).isEmpty();
            assertThat(page.getAllElements().stream()
                            .flatMap(e -> e.attributes().asList().stream())
                            .filter(a -> a.getKey().toLowerCase(Locale.ROOT).startsWith("on")))
                    .as(path)
                    .isEmpty();
            assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/fmb/css/fmb.css");
        }
    }

    private static void assertNoActiveContent(String where, String html) {
        var lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower)
                .as(where)
                .doesNotContain("<script", "<img", "<svg", "onerror", "onload", "onclick", "javascript:");
    }

    private JsonNode call(HttpMethod method, String path, String token, String body) throws Exception {
        var request = request(method, path, token);
        var response = body == null
                ? http.exchange(request.build(), String.class)
                : http.exchange(request.body(body), String.class);
        return JSON.readTree(response.getBody());
    }

    private static RequestEntity.BodyBuilder request(HttpMethod method, String path, String token) {
        return RequestEntity.method(method, path)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", token);
    }

    private static String update(long lock, JsonNode content) {
        var body = JSON.createObjectNode().put("lockVersion", lock);
        body.set("content", content);
        return body.toString();
    }
}
