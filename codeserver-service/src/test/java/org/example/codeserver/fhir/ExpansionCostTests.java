package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.FilterOperator;
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
import org.springframework.http.ResponseEntity;

/** Value set requests that would take minutes are answered {@code too-costly} within the request's deadline. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class ExpansionCostTests {

    private static final String ICD = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se";
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    /** Linear in RE2/J, but each match walks a program of some 600 states: about 2.5 s per include over ICD-10-SE. */
    private static final String HEAVY = "(?:[A-Z0-9]?){1,200}X";

    @Autowired
    TestRestTemplate http;

    @Test
    void answersACostlyRegexExpansionWithTooCostlyBeforeItsDeadline() {
        var valueSet = new ValueSet();
        for (int i = 0; i < 20; i++) {
            valueSet.getCompose()
                    .addInclude()
                    .setSystem(ICD)
                    .addFilter()
                    .setProperty("code")
                    .setOp(FilterOperator.REGEX)
                    .setValue(HEAVY + i);
        }
        var started = System.nanoTime();

        var response = expand(valueSet);

        var seconds = (System.nanoTime() - started) / 1e9;
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        var outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.getBody());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
        assertThat(outcome.getIssueFirstRep().getDetails().getText()).contains("took longer than");
        assertThat(seconds)
                .as("seconds to the answer (the whole expansion takes about a minute)")
                .isLessThan(15);
    }

    @Test
    void answersACatastrophicBacktrackingPatternWithItsMatches() {
        var valueSet = new ValueSet();
        valueSet.getCompose()
                .addInclude()
                .setSystem(ICD)
                .addFilter()
                .setProperty("code")
                .setOp(FilterOperator.REGEX)
                .setValue("(F+)+3(2+)+1");

        var response = expand(valueSet);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        var expanded = FHIR.newJsonParser().parseResource(ValueSet.class, response.getBody());
        assertThat(expanded.getExpansion().getContains())
                .extracting(c -> c.getCode())
                .containsExactly("F321");
    }

    @Test
    void refusesMoreIncludesOrFiltersThanARequestMayHave() {
        var manyIncludes = new ValueSet();
        for (int i = 0; i < 101; i++) {
            manyIncludes.getCompose().addInclude().setSystem(ICD).addConcept().setCode("F32" + (i % 10));
        }
        var tooMany = expand(manyIncludes);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooMany.getBody()).contains("too-costly", "101 includes and excludes");

        var manyFilters = new ValueSet();
        var include = manyFilters.getCompose().addInclude().setSystem(ICD);
        for (int i = 0; i < 51; i++) {
            include.addFilter().setProperty("code").setOp(FilterOperator.REGEX).setValue("F.*");
        }
        var tooManyFilters = expand(manyFilters);
        assertThat(tooManyFilters.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(tooManyFilters.getBody()).contains("too-costly", "51 filters");
    }

    private ResponseEntity<String> expand(ValueSet valueSet) {
        var body = new Parameters();
        body.addParameter().setName("valueSet").setResource(valueSet);
        body.addParameter().setName("count").setValue(new org.hl7.fhir.r4.model.IntegerType(100));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/fhir+json")));
        return http.exchange(
                "/fhir/ValueSet/$expand",
                HttpMethod.POST,
                new HttpEntity<>(FHIR.newJsonParser().encodeResourceToString(body), headers),
                String.class);
    }
}
