package org.example.codeserver.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.example.codeserver.codesystem.TerminologyService;
import org.example.codeserver.fhir.TerminologyResourceService;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The code browser's pages over plain HTTP, without JavaScript, anonymous, on the bundled code systems. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class CodeBrowserPagesTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    TerminologyResourceService resources;

    @Autowired
    TerminologyService terminology;

    @LocalServerPort
    int port;

    @Test
    void theSearchPageWorksWithoutJavaScriptAndItsUrlCanBeShared() {
        var page = http.getForEntity("/codes/search?q=akut hjärtinfarkt&system=icd-10-se", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.getBody())
                .contains("<form class=\"search\" role=\"search\" action=\"/codes/search\" method=\"get\">")
                .contains("/codes/icd-10-se/I21")
                .contains("<mark>hjärtinfarkt</mark>")
                .doesNotContain("<script>")
                .doesNotContain("style=");
    }

    @Test
    void anExactWholeTextRanksFirstAndTheTotalIsTheTrueOne() throws Exception {
        var results = suggest("akut hjärtinfarkt", "icd-10-se");
        var group = results.path("groups").get(0);
        assertThat(group.path("hits").get(0).path("code").asText()).isEqualTo("I21");
        assertThat(group.path("total").asInt()).isGreaterThan(group.path("hits").size());
        assertThat(results.path("total").asInt()).isEqualTo(group.path("total").asInt());
    }

    @Test
    void anExactCodeRanksFirstOverEveryCodeSystem() throws Exception {
        var results = suggest("I21", null);
        var first = results.path("groups").get(0);
        assertThat(first.path("slug").asText()).isEqualTo("icd-10-se");
        assertThat(first.path("hits").get(0).path("code").asText()).isEqualTo("I21");
    }

    @Test
    void prefixWordsMatchInAnyOrderAndGroupByCodeSystem() throws Exception {
        var results = suggest("hjärtinf akut", null);
        assertThat(codes(results, "icd-10-se")).contains("I21");
        assertThat(results.path("groups").size()).isGreaterThan(1);
        int sum = 0;
        for (var group : results.path("groups")) {
            sum += group.path("total").asInt();
        }
        assertThat(results.path("total").asInt()).isEqualTo(sum);
        var i21 = hit(results, "icd-10-se", "I21");
        assertThat(i21.path("segments").toString()).contains("{\"text\":\"hjärtinf\",\"marked\":true}");
    }

    @Test
    void aCompoundTailFindsTheCompound() {
        var page = http.getForEntity("/codes/search?q=akut infarkt&system=icd-10-se", String.class)
                .getBody();
        assertThat(page).contains("href=\"/codes/icd-10-se/I21\"").contains("hjärt<mark>infarkt</mark>");
    }

    @Test
    void misspeltWordsStillFindTheirCodes() throws Exception {
        var heart = suggest("hjärtinfrakt", "icd-10-se");
        assertThat(heart.path("corrected").asText()).isEqualTo("hjärtinfarkt");
        assertThat(codes(heart, "icd-10-se")).isNotEmpty();
        var diabetes = suggest("diabetis", "icd-10-se");
        assertThat(diabetes.path("corrected").asText()).isEqualTo("diabetes");
        assertThat(codes(diabetes, "icd-10-se")).contains("E10", "E11");
        var page = http.getForEntity("/codes/search?q=diabetis", String.class).getBody();
        assertThat(page).contains("Visar träffar för").contains("id=\"corrected\">diabetes<");
    }

    @Test
    void åäöAreLettersOfTheirOwnNotAccents() throws Exception {
        // hjartinfarkt (a for ä) finds nothing as typed: it is one edit away from the word, not the same word
        var withA = suggest("hjartinfarkt", "icd-10-se");
        assertThat(withA.path("corrected").asText())
                .as("found only as a misspelling, one edit away")
                .isEqualTo("hjärtinfarkt");
        var exact = suggest("hjärtinfarkt", "icd-10-se");
        assertThat(exact.path("corrected").isNull()).isTrue();
    }

    @Test
    void theSuggestionsAreOpenToOtherOriginsForTheEmbeddedComponent() {
        var headers = new HttpHeaders();
        headers.setOrigin("https://ehr.example.org");
        var response = http.exchange("/codes/suggest?q=I21", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getAccessControlAllowOrigin()).isEqualTo("*");
        var unknown = http.getForEntity("/codes/suggest?q=I21&system=nope", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theConceptPageShowsPathChildrenHistoryOidAndMaps() {
        var page = http.getForEntity("/codes/icd-10-se/I21", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("Akut hjärtinfarkt")
                .contains("data-code=\"I20-I25\"")
                .contains("data-code=\"09\"")
                .contains("/codes/icd-10-se/I219")
                .contains("1.2.752.116.1.1.1")
                .contains("http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se")
                .contains("/codes/ksh97-p/I21-P");
        var ksh = http.getForEntity("/codes/ksh97-p/I21-P", String.class).getBody();
        assertThat(ksh).contains("/codes/icd-10-se/I21");
    }

    @Test
    void aRemovedCodeShowsItsHistoryAndWhetherItWasValidOnADate() {
        var page = http.getForEntity("/codes/icd-10-se/I828A", String.class).getBody();
        assertThat(page).contains("id=\"not-current\"").contains("Borttagen");
        var valid = http.getForEntity("/codes/icd-10-se/I828A?date=2021-06-30", String.class)
                .getBody();
        assertThat(valid).contains("Ja. Den 2021-06-30 gällde version 2021").contains("till 2022-01-01");
        var invalid = http.getForEntity("/codes/icd-10-se/I828A?date=2022-03-01", String.class)
                .getBody();
        assertThat(invalid).contains("Nej. Den 2022-03-01 gällde version 2022, som inte har koden.");
        var badDate = http.getForEntity("/codes/icd-10-se/I828A?date=30/6", String.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody()).contains("Ogiltigt datum");
    }

    @Test
    void unknownCodesAndSystemsGetANotFoundPage() {
        var code = http.getForEntity("/codes/icd-10-se/X999999", String.class);
        assertThat(code.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(code.getBody()).contains("Okänd kod").doesNotContain("X999999");
        var system = http.getForEntity("/codes/no-such-system", String.class);
        assertThat(system.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(system.getBody()).contains("Okänt kodverk");
    }

    @Test
    void theHierarchyOpensLevelByLevel() {
        var top = http.getForEntity("/codes/icd-10-se", String.class).getBody();
        assertThat(top).contains("id=\"node-09\"").doesNotContain("id=\"node-I21\"");
        var opened =
                http.getForEntity("/codes/icd-10-se?open=I21", String.class).getBody();
        assertThat(opened)
                .contains("id=\"node-09\" class=\"open\"")
                .contains("id=\"node-I20-I25\" class=\"open\"")
                .contains("id=\"node-I21\" class=\"open\"")
                .contains("id=\"node-I219\"")
                .doesNotContain("id=\"node-I10\" class=\"open\"");
    }

    @Test
    void theDiffListsRemovedCodesAndDownloadsAsCsv() {
        var page = http.getForEntity("/codes/icd-10-se/diff?from=2021&to=2022", String.class)
                .getBody();
        assertThat(page).contains("/codes/icd-10-se/I828A");
        var csv = http.getForEntity("/codes/icd-10-se/diff?from=2021&to=2022&format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(csv.getBody())
                .startsWith("change,code,display,previousDisplay")
                .contains("\r\nremoved,I828A,");
        var unknown = http.getForEntity("/codes/icd-10-se/diff?from=1066&to=2022", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theStartPageListsEveryCodeSystemWithDownloadsAndTheStatementIsPublished() {
        var start = http.getForEntity("/codes/", String.class).getBody();
        assertThat(start)
                .contains("id=\"system-icd-10-se\"")
                .contains("/codes/api/v1/code-systems/icd-10-se/versions/2022/download?format=csv");
        var statement = http.getForEntity("/codes/tillganglighet", String.class);
        assertThat(statement.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(statement.getBody()).contains("Tillgänglighetsredogörelse").contains("WCAG 2.1");
        var css = http.getForEntity("/codes/assets/browser/browser.css", String.class);
        assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aValueSetOfTickedCodesIsSavedWithAUrlAndServedAsFhir() throws Exception {
        var saved = post("name=Hjärtinfarkter&system=icd-10-se&q=hjärtinfarkt&urval=valda&code=I21&code=I22");
        assertThat(saved.status()).isEqualTo(HttpStatus.SEE_OTHER);
        var location = saved.location();
        assertThat(location).startsWith("/codes/vardemangder/kb-");
        var page = http.getForEntity(location, String.class).getBody();
        assertThat(page)
                .contains("Hjärtinfarkter")
                .contains("/codes/icd-10-se/I21")
                .contains("/codes/icd-10-se/I22");
        var id = location.substring(location.lastIndexOf('/') + 1);
        var fhir = http.getForEntity("/fhir/ValueSet/" + id, String.class);
        assertThat(fhir.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fhir.getBody())
                .contains("\"resourceType\":\"ValueSet\"")
                .contains("\"code\":\"I21\"")
                .contains("\"system\":\"http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se\"");
        var expanded = http.getForEntity("/fhir/ValueSet/" + id + "/$expand", String.class);
        assertThat(expanded.getBody()).contains("\"total\":2");
    }

    @Test
    void aValueSetByFilterHoldsEveryMatchOfTheQuery() throws Exception {
        var total = suggest("akut hjärtinfarkt", "icd-10-se").path("total").asInt();
        var saved = post("name=Akuta&system=icd-10-se&q=akut hjärtinfarkt&urval=alla&code=E11");
        var id = saved.location().replaceAll(".*/", "");
        var expanded = http.getForEntity("/fhir/ValueSet/" + id + "/$expand", String.class);
        assertThat(JSON.readTree(expanded.getBody())
                        .path("expansion")
                        .path("total")
                        .asInt())
                .isEqualTo(total);
        assertThat(expanded.getBody()).doesNotContain("\"E11\"");
    }

    @Test
    void aValueSetThatCannotBeSavedStoresNothing() throws Exception {
        int before = resources.search("ValueSet", null, null, null).size();
        var unnamed = post("name=&system=icd-10-se&urval=valda&code=I21");
        assertThat(unnamed.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unnamed.body()).contains("Värdemängden sparades inte");
        var unknownCode = post("name=X&system=icd-10-se&urval=valda&code=I21&code=NOPE");
        assertThat(unknownCode.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        var nothingTicked = post("name=X&system=icd-10-se&urval=valda");
        assertThat(nothingTicked.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(resources.search("ValueSet", null, null, null)).hasSize(before);
        assertThat(http.getForEntity("/codes/vardemangder/kb-none", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theSameValueSetSavedTwiceIsStoredOnce() throws Exception {
        var first = post("name=Samma två&system=icd-10-se&urval=valda&code=I22&code=I21");
        int stored = resources.search("ValueSet", null, null, null).size();
        var again = post("name=Samma två&system=icd-10-se&urval=valda&code=I21&code=I22");
        assertThat(again.status()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(resources.search("ValueSet", null, null, null)).hasSize(stored);
        var otherName = post("name=Andra två&system=icd-10-se&urval=valda&code=I21&code=I22");
        assertThat(otherName.location()).isNotEqualTo(first.location());
    }

    @Test
    void savesAreRefusedAndNothingIsStoredOnceTheSavedCodesReachTheirLimit() {
        int stored = resources.search("ValueSet", null, null, null).size();
        var full = new SavedValueSetService(terminology, resources, 1);
        assertThatThrownBy(() -> full.save(
                        new SavedValueSetService.NewValueSet("Över gränsen", "icd-10-se", null, List.of("I21", "I22"))))
                .isInstanceOf(SavedValueSetService.ValueSetStoreFullException.class);
        assertThat(resources.search("ValueSet", null, null, null)).hasSize(stored);
    }

    /** Posts the form (values URL-encoded here) without following the redirect. */
    private PostResult post(String form) throws Exception {
        var body = new StringBuilder();
        for (var field : form.split("&")) {
            var pair = field.split("=", 2);
            body.append(body.isEmpty() ? "" : "&")
                    .append(pair[0])
                    .append('=')
                    .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
        }
        var request = java.net.http.HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/codes/vardemangder"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        var response = HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new PostResult(
                HttpStatus.valueOf(response.statusCode()),
                response.headers()
                        .firstValue("Location")
                        .map(l -> URI.create(l).getPath())
                        .orElse(null),
                response.body());
    }

    private record PostResult(HttpStatus status, String location, String body) {}

    private JsonNode suggest(String q, String system) throws Exception {
        var url = "/codes/suggest?q={q}" + (system == null ? "" : "&system=" + system);
        var response = http.getForEntity(url, String.class, q);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private static java.util.List<String> codes(JsonNode results, String slug) {
        var codes = new java.util.ArrayList<String>();
        for (var group : results.path("groups")) {
            if (group.path("slug").asText().equals(slug)) {
                group.path("hits").forEach(h -> codes.add(h.path("code").asText()));
            }
        }
        return codes;
    }

    private static JsonNode hit(JsonNode results, String slug, String code) {
        for (var group : results.path("groups")) {
            if (group.path("slug").asText().equals(slug)) {
                for (var hit : group.path("hits")) {
                    if (hit.path("code").asText().equals(code)) {
                        return hit;
                    }
                }
            }
        }
        throw new AssertionError(code + " not among the hits of " + slug);
    }
}
