package org.example.codeserver.codesystem;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The JSON API over HTTP, anonymous, on the bundled code systems. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class CodeSystemApiIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void listsCodeSystemsAndResolvesOids() {
        var list = http.getForEntity("/codes/api/v1/code-systems", String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains("\"slug\":\"icd-10-se\"").contains("\"oid\":\"1.2.752.116.1.3.2.1.4\"");
        var oid = http.getForEntity("/codes/api/v1/oids/urn:oid:1.2.752.116.1.1.1.3.2", String.class);
        assertThat(oid.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(oid.getBody()).contains("\"url\":\"http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se\"");
        var unknown = http.getForEntity("/codes/api/v1/oids/1.2.3.4.5", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void looksUpACodeWithItsHierarchy() {
        var concept = http.getForEntity("/codes/api/v1/code-systems/icd-10-se/concepts/F32.1", String.class);
        assertThat(concept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(concept.getBody())
                .contains("\"code\":\"F321\"")
                .contains("Medelsvår depressiv episod")
                .contains("\"version\":\"2022\"");
        var older = http.getForEntity("/codes/api/v1/code-systems/icd-10-se/concepts/I828A?version=2021", String.class);
        assertThat(older.getStatusCode()).isEqualTo(HttpStatus.OK);
        var ancestors = http.getForEntity("/codes/api/v1/code-systems/icd-10-se/concepts/F321/ancestors", String.class);
        assertThat(ancestors.getBody())
                .contains("\"F32\"")
                .contains("\"F30-F39\"")
                .contains("\"05\"");
        var children = http.getForEntity("/codes/api/v1/code-systems/icd-10-se/concepts/F32/children", String.class);
        assertThat(children.getBody()).contains("\"F320\"").contains("\"F329\"");
    }

    @Test
    void answersUnknownSystemsVersionsAndCodesWithProblemDetails() {
        var code = http.getForEntity("/codes/api/v1/code-systems/icd-10-se/concepts/I828A", String.class);
        assertThat(code.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(code.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // the problem names the field and the code system, never the value sent (it may be personal data)
        assertThat(code.getBody())
                .contains("\"field\":\"code\"")
                .contains("icd-10-se")
                .doesNotContain("I828A");
        var version = http.getForEntity("/codes/api/v1/code-systems/icd-10-se/versions/1999", String.class);
        assertThat(version.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(version.getBody()).contains("\"field\":\"version\"");
        var system = http.getForEntity("/codes/api/v1/code-systems/snomed/concepts?q=x", String.class);
        assertThat(system.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void neverRepeatsAnUnknownValueFromThePathInTheProblemDetail() {
        for (var path : java.util.List.of(
                "/codes/api/v1/oids/19121212-1212",
                "/codes/api/v1/oids/191212121212",
                "/codes/api/v1/code-systems/19121212-1212",
                "/codes/api/v1/code-systems/19121212-1212/versions/2022",
                "/codes/api/v1/code-systems/icd-10-se/versions/19121212-1212",
                "/codes/api/v1/code-systems/icd-10-se/versions/19121212-1212/download",
                "/codes/api/v1/code-systems/19121212-1212/concepts/F32.1",
                "/codes/api/v1/code-systems/icd-10-se/concepts/19121212-1212",
                "/codes/api/v1/code-systems/icd-10-se/concepts/19121212-1212/children",
                "/codes/api/v1/code-systems/19121212-1212/concepts/F32/ancestors",
                "/codes/api/v1/lookup?system=19121212-1212&code=F32")) {
            var answer = http.getForEntity(path, java.util.Map.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) answer.getBody().get("detail"))
                    .as(path)
                    .startsWith("Unknown ")
                    .doesNotContain("121212");
        }
        var version = http.getForEntity("/codes/api/v1/code-systems/icd-10-se/versions/1999", java.util.Map.class);
        assertThat(version.getBody().get("detail")).isEqualTo("Unknown version of code system icd-10-se");
    }

    @Test
    void searchesWithPagingAndTheTrueTotal() {
        var page =
                http.getForEntity("/codes/api/v1/code-systems/icd-10-se/concepts?q=diab typ 2&limit=3", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("\"hits\":[{\"code\":\"E11\"").containsPattern("\"total\":[1-9]");
        assertThat(http.getForEntity("/codes/api/v1/code-systems/icd-10-se/concepts?q=x&limit=0", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/codes/api/v1/code-systems/icd-10-se/concepts?q=x&offset=-1", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/codes/api/v1/code-systems/icd-10-se/concepts?q=x&limit=abc", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void diffsTwoVersions() {
        var diff = http.getForEntity("/codes/api/v1/code-systems/icd-10-se/diff?from=2021&to=2022", String.class);
        assertThat(diff.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(diff.getBody()).contains("\"code\":\"I828A\"").contains("\"code\":\"O141A\"");
    }

    @Test
    void downloadsAVersionAsCsvJsonAndFhir() {
        var csv =
                http.getForEntity("/codes/api/v1/code-systems/ksh97-p/versions/1997/download?format=csv", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("ksh97-p-1997.csv");
        assertThat(csv.getBody().split("\r\n")).hasSize(978);
        assertThat(csv.getBody()).startsWith("code,display,status,parents,definition\r\n");

        var json =
                http.getForEntity("/codes/api/v1/code-systems/icf/versions/2018.2/download?format=json", String.class);
        assertThat(json.getBody()).contains("\"codeSystem\"").contains("\"code\":\"b1100\"");

        var fhir = http.getForEntity(
                "/codes/api/v1/code-systems/icd-10-se/versions/2022/download?format=fhir", String.class);
        assertThat(fhir.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
        var resource = FhirContext.forR4Cached()
                .newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.CodeSystem.class, fhir.getBody());
        assertThat(resource.getConcept()).hasSize(35_684 + 22 + 264);
        assertThat(resource.getUrl()).isEqualTo("http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se");
        assertThat(resource.getIdentifierFirstRep().getValue()).isEqualTo("urn:oid:1.2.752.116.1.1.1");

        var unknown =
                http.getForEntity("/codes/api/v1/code-systems/icf/versions/2018.2/download?format=xml", String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void documentsTheApiInOpenApi() {
        var docs = http.getForEntity("/codes/v3/api-docs", String.class);
        assertThat(docs.getBody())
                .contains("/codes/api/v1/code-systems/{system}/concepts")
                .contains("/codes/api/v1/imports")
                .contains("/codes/api/v1/oids/{oid}");
    }
}
