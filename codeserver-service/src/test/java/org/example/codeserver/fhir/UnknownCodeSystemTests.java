package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** A code in a code system the server does not know is never valid: result false, not-found, x-unknown-system. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class UnknownCodeSystemTests {

    private static final String ICD = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se";
    private static final String NO_SUCH = "http://example.org/no-such-system";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Autowired
    TestRestTemplate http;

    @Test
    void answersACodeOfAnUnknownCodeSystemAsInvalid() {
        var result = get("/fhir/CodeSystem/$validate-code?url=" + NO_SUCH + "&code=XYZ");

        assertUnknown(result);
    }

    @Test
    void answersACodingOfAnUnknownCodeSystemInAValueSetAsInvalid() {
        var result = get("/fhir/ValueSet/$validate-code?url=" + ICD + "?vs&system=" + NO_SUCH + "&code=XYZ");

        assertUnknown(result);
    }

    @Test
    void answersAnUnknownCodeSystemInsideABatchAsInvalid() {
        var batch = new Parameters();
        batch.addParameter().setName("url").setValue(new UriType(ICD + "?vs"));
        var unknown = new Parameters();
        unknown.addParameter().setName("system").setValue(new UriType(NO_SUCH));
        unknown.addParameter().setName("code").setValue(new CodeType("XYZ"));
        batch.addParameter().setName("validation").setResource(unknown);
        var known = new Parameters();
        known.addParameter().setName("system").setValue(new UriType(ICD));
        known.addParameter().setName("code").setValue(new CodeType("F321"));
        batch.addParameter().setName("validation").setResource(known);

        var headers = headers();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        var response = http.exchange(
                "/fhir/ValueSet/$batch-validate-code",
                HttpMethod.POST,
                new HttpEntity<>(FHIR.newJsonParser().encodeResourceToString(batch), headers),
                String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        var results = FHIR.newJsonParser()
                .parseResource(Parameters.class, response.getBody())
                .getParameter();
        assertThat(results).hasSize(2);
        assertUnknown((Parameters) results.get(0).getResource());
        assertThat(((BooleanType) ((Parameters) results.get(1).getResource()).getParameterValue("result"))
                        .booleanValue())
                .isTrue();
    }

    private static void assertUnknown(Parameters result) {
        assertThat(((BooleanType) result.getParameterValue("result")).booleanValue())
                .isFalse();
        assertThat(result.getParameterValue("x-unknown-system").primitiveValue())
                .isEqualTo(NO_SUCH);
        var issues = (OperationOutcome) result.getParameter("issues").getResource();
        assertThat(issues.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
            assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("not-found");
            assertThat(issue.getDetails().getText()).contains(NO_SUCH);
        });
    }

    private Parameters get(String path) {
        var response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return FHIR.newJsonParser().parseResource(Parameters.class, response.getBody());
    }

    private static HttpHeaders headers() {
        var headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/fhir+json")));
        return headers;
    }
}
