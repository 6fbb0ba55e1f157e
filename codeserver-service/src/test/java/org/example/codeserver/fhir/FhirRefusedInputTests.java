package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the fuzzing harness sent the FHIR endpoints: refused with an OperationOutcome, never a 500, never stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
@ExtendWith(OutputCaptureExtension.class)
class FhirRefusedInputTests {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String WRITER = TestTokens.bearer("terminology-admin", "codes.write");

    @Autowired
    TestRestTemplate http;

    @Test
    void refusesANulCharacterInAnyStringBeforeStoring() {
        var valueSet = send(
                HttpMethod.POST,
                "/fhir/ValueSet",
                "{\"resourceType\":\"ValueSet\",\"url\":\"http://example.org/vs\\u0000nul\",\"status\":\"draft\"}");
        assertRefused(valueSet, HttpStatus.UNPROCESSABLE_ENTITY, "NUL");

        var codeSystem = send(
                HttpMethod.PUT,
                "/fhir/CodeSystem/nul-1",
                "{\"resourceType\":\"CodeSystem\",\"id\":\"nul-1\","
                        + "\"url\":\"http://example.org/cs\",\"status\":\"draft\",\"content\":\"complete\","
                        + "\"concept\":[{\"code\":\"A\",\"display\":\"a\\u0000b\"}]}");
        assertRefused(codeSystem, HttpStatus.UNPROCESSABLE_ENTITY, "NUL");
        assertRefused(
                http.exchange("/fhir/CodeSystem/nul-1", HttpMethod.GET, new HttpEntity<>(headers(null)), String.class),
                HttpStatus.NOT_FOUND,
                "with that id is known");

        var search = http.exchange(
                "/fhir/ValueSet?url=http://example.org/vs",
                HttpMethod.GET,
                new HttpEntity<>(headers(null)),
                String.class);
        assertThat(search.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(search.getBody()).doesNotContain("example.org/vs");
    }

    @Test
    void refusesAUrlLongerThanItsColumnBeforeStoring() {
        for (var length : new int[] {5_000, 70_000}) {
            var url = "http://example.org/" + "u".repeat(length);
            var conceptMap = send(
                    HttpMethod.PUT,
                    "/fhir/ConceptMap/long-1",
                    "{\"resourceType\":\"ConceptMap\",\"id\":\"long-1\",\"url\":\"" + url + "\",\"status\":\"draft\"}");
            assertRefused(conceptMap, HttpStatus.UNPROCESSABLE_ENTITY, "url is longer than 1024 characters");
        }
        var title = send(
                HttpMethod.POST,
                "/fhir/ValueSet",
                "{\"resourceType\":\"ValueSet\",\"url\":\"http://example.org/t\"," + "\"title\":\"" + "t".repeat(1025)
                        + "\",\"status\":\"draft\"}");
        assertRefused(title, HttpStatus.UNPROCESSABLE_ENTITY, "title is longer than 1024 characters");
        assertRefused(
                http.exchange("/fhir/ConceptMap/long-1", HttpMethod.GET, new HttpEntity<>(headers(null)), String.class),
                HttpStatus.NOT_FOUND,
                "with that id is known");
    }

    @Test
    void refusesAnInvalidOrMismatchedIdWithoutRepeatingIt() {
        var invalid = send(
                HttpMethod.PUT,
                "/fhir/ValueSet/19121212_1212",
                "{\"resourceType\":\"ValueSet\",\"id\":\"19121212_1212\",\"status\":\"draft\"}");
        assertRefused(invalid, HttpStatus.BAD_REQUEST, "Invalid resource id");
        var mismatched = send(
                HttpMethod.PUT,
                "/fhir/ValueSet/19121212+1212",
                "{\"resourceType\":\"ValueSet\",\"id\":\"19121212+1212\",\"status\":\"draft\"}");
        assertRefused(mismatched, HttpStatus.BAD_REQUEST, "must be the id in the URL");
    }

    @Test
    void answersADeleteWithoutAnIdWithABadRequest() {
        for (var type : new String[] {"CodeSystem", "ValueSet", "ConceptMap"}) {
            var answer = http.exchange(
                    "/fhir/" + type + "/", HttpMethod.DELETE, new HttpEntity<>(headers(WRITER)), String.class);
            assertRefused(answer, HttpStatus.BAD_REQUEST, "needs the id");
        }
    }

    @Test
    void answersAnUnknownIdWithoutRepeatingItInTheAnswerOrTheLog(CapturedOutput output) {
        for (var type : new String[] {"CodeSystem", "ValueSet", "ConceptMap"}) {
            var read = http.exchange(
                    "/fhir/" + type + "/19121212-1212", HttpMethod.GET, new HttpEntity<>(headers(null)), String.class);
            assertRefused(read, HttpStatus.NOT_FOUND, "No " + type + " with that id is known");
            var delete = http.exchange(
                    "/fhir/" + type + "/191212121212",
                    HttpMethod.DELETE,
                    new HttpEntity<>(headers(WRITER)),
                    String.class);
            assertRefused(delete, HttpStatus.NOT_FOUND, "No " + type + " with that id is known");
        }
        assertThat(output.getAll()).doesNotContain("19121212-1212", "191212121212");
    }

    @Test
    void answersOperationsPostedWithAWildcardContentTypeWithAClientError() {
        for (var path : new String[] {"/fhir/CodeSystem/$lookup", "/fhir/ValueSet/$expand"}) {
            var headers = headers(null);
            headers.set(HttpHeaders.CONTENT_TYPE, "*/*");
            var answer = http.exchange(
                    path,
                    HttpMethod.POST,
                    new HttpEntity<>("{\"resourceType\":\"Parameters\"}", headers),
                    String.class);
            assertThat(answer.getStatusCode().is4xxClientError())
                    .as(path + " " + answer.getStatusCode() + " " + answer.getBody())
                    .isTrue();
        }
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String json) {
        var headers = headers(WRITER);
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private static void assertRefused(ResponseEntity<String> answer, HttpStatus status, String diagnostics) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).contains("fhir+json");
        var outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.getBody());
        assertThat(outcome.getIssueFirstRep().getDiagnostics())
                .contains(diagnostics)
                .doesNotContain("121212");
    }

    private static HttpHeaders headers(String token) {
        var headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/fhir+json")));
        if (token != null) {
            headers.set(HttpHeaders.AUTHORIZATION, token);
        }
        return headers;
    }
}
