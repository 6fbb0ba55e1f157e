package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
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

/** Each validation of a $batch-validate-code is one request: its own parameters win over the batch's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class BatchValidationTests {

    private static final String SYSTEM = "http://example.org/fhir/CodeSystem/batch-colours";
    private static final String VALUE_SET = "http://example.org/fhir/ValueSet/batch-colours";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Autowired
    TestRestTemplate http;

    @Test
    void aValidationsOwnLenientDisplayParameterWinsOverTheBatchs() {
        var batch = batch();
        batch.addParameter().setName("lenient-display-validation").setValue(new BooleanType(true));
        var strict = validation(new Coding(SYSTEM, "red", "Blue"));
        strict.addParameter().setName("lenient-display-validation").setValue(new BooleanType(false));
        batch.addParameter().setName("validation").setResource(strict);
        batch.addParameter().setName("validation").setResource(validation(new Coding(SYSTEM, "red", "Blue")));

        var results = post(batch);

        assertThat(result(results.get(0))).as("the validation's own false").isFalse();
        assertThat(result(results.get(1))).as("the batch's true").isTrue();
    }

    @Test
    void answersAValidationWithoutACodeAsTheHl7ServersDo() {
        var batch = batch();
        var empty = new Parameters();
        empty.addParameter().setName("codingX").setValue(new Coding(SYSTEM, "red", null));
        batch.addParameter().setName("validation").setResource(empty);

        var outcome = (OperationOutcome) post(batch).get(0).getResource();

        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
        assertThat(outcome.getIssueFirstRep().getDetails().getText())
                .isEqualTo("Unable to find code to validate (looked for coding | codeableConcept | code+system"
                        + " | code+inferSystem in parameters");
    }

    private static Parameters batch() {
        var codeSystem = new CodeSystem();
        codeSystem.setUrl(SYSTEM);
        codeSystem.setStatus(PublicationStatus.ACTIVE);
        codeSystem.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        codeSystem.addConcept().setCode("red").setDisplay("Red");
        var valueSet = new ValueSet();
        valueSet.setUrl(VALUE_SET);
        valueSet.setStatus(PublicationStatus.ACTIVE);
        valueSet.getCompose().addInclude().setSystem(SYSTEM);
        var batch = new Parameters();
        batch.addParameter().setName("tx-resource").setResource(codeSystem);
        batch.addParameter().setName("tx-resource").setResource(valueSet);
        batch.addParameter().setName("url").setValue(new UriType(VALUE_SET));
        return batch;
    }

    private static Parameters validation(Coding coding) {
        var one = new Parameters();
        one.addParameter().setName("coding").setValue(coding);
        return one;
    }

    private static boolean result(Parameters.ParametersParameterComponent validation) {
        return ((BooleanType) ((Parameters) validation.getResource()).getParameterValue("result")).booleanValue();
    }

    private List<Parameters.ParametersParameterComponent> post(Parameters batch) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/fhir+json")));
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        var response = http.exchange(
                "/fhir/ValueSet/$batch-validate-code",
                HttpMethod.POST,
                new HttpEntity<>(FHIR.newJsonParser().encodeResourceToString(batch), headers),
                String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return FHIR.newJsonParser()
                .parseResource(Parameters.class, response.getBody())
                .getParameter();
    }
}
