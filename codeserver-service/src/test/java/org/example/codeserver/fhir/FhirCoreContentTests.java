package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
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

/** FHIR's own code systems and value sets (administrative-gender, publication-status, …) are known to the server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class FhirCoreContentTests {

    private static final String GENDER = "http://hl7.org/fhir/administrative-gender";
    private static final String GENDER_VS = "http://hl7.org/fhir/ValueSet/administrative-gender";
    private static final String STATUS = "http://hl7.org/fhir/publication-status";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Autowired
    TestRestTemplate http;

    @Test
    void looksUpACodeOfACoreCodeSystem() {
        var result = (Parameters) get("/fhir/CodeSystem/$lookup?system=" + GENDER + "&code=female");

        assertThat(result.getParameterValue("display").primitiveValue()).isEqualTo("Female");
        assertThat(result.getParameterValue("version").primitiveValue()).isEqualTo("4.0.1");
    }

    @Test
    void validatesCodesOfACoreCodeSystemAndItsValueSet() {
        var valid = (Parameters) get(
                "/fhir/ValueSet/$validate-code?url=" + GENDER_VS + "&system=" + GENDER + "&code=other&display=Other");
        var invalid = (Parameters) get("/fhir/CodeSystem/$validate-code?url=" + GENDER + "&code=neuter");

        assertThat(((BooleanType) valid.getParameterValue("result")).booleanValue())
                .isTrue();
        assertThat(((BooleanType) invalid.getParameterValue("result")).booleanValue())
                .isFalse();
        assertThat(invalid.getParameter("x-unknown-system"))
                .as("the code system is known")
                .isNull();
        assertThat(invalid.getParameterValue("message").primitiveValue()).contains("neuter");
    }

    @Test
    void expandsAValueSetThatImportsACoreValueSetWithExcludes() {
        var valueSet = valueSet("http://example.org/fhir/ValueSet/gender-and-active");
        valueSet.getCompose().addInclude().addValueSet(GENDER_VS);
        valueSet.getCompose().addInclude().setSystem(STATUS).addConcept().setCode("active");
        var exclude = valueSet.getCompose().addExclude().setSystem(GENDER);
        exclude.addConcept().setCode("other");
        exclude.addConcept().setCode("unknown");

        var expansion = expand(valueSet);

        assertThat(codes(expansion))
                .containsExactlyInAnyOrder(GENDER + "#female", GENDER + "#male", STATUS + "#active");
        assertThat(expansion.getExpansion().getParameter())
                .anySatisfy(p -> assertThat(p.getValue().primitiveValue()).isEqualTo(GENDER_VS + "|4.0.1"));
    }

    @Test
    void countsTheWholeExpansionInTheTotalOfAPageOfAValueSetThatImportsAnother() {
        var valueSet = valueSet("http://example.org/fhir/ValueSet/gender-and-status");
        valueSet.getCompose().addInclude().addValueSet(GENDER_VS);
        valueSet.getCompose().addInclude().setSystem(STATUS);
        var request = new Parameters();
        request.addParameter().setName("valueSet").setResource(valueSet);
        request.addParameter().setName("count").setValue(new org.hl7.fhir.r4.model.IntegerType(1));

        var page = (ValueSet) post("/fhir/ValueSet/$expand", request);

        assertThat(page.getExpansion().getContains()).hasSize(1);
        assertThat(page.getExpansion().getTotal())
                .as("4 genders and 4 statuses")
                .isEqualTo(8);
    }

    @Test
    void keepsTheCoreDefinitionsWhenARequestSendsAResourceOfTheSameId() {
        var own = valueSet("http://example.org/fhir/ValueSet/own-gender");
        own.setId("administrative-gender");
        own.getCompose().addInclude().setSystem(GENDER).addConcept().setCode("male");
        var request = new Parameters();
        request.addParameter().setName("url").setValue(new UriType(own.getUrl()));
        request.addParameter().setName("tx-resource").setResource(own);

        var first = (ValueSet) post("/fhir/ValueSet/$expand", request);
        var core = (ValueSet) get("/fhir/ValueSet/$expand?url=" + GENDER_VS);
        var again = (ValueSet) get("/fhir/ValueSet/$expand?url=" + GENDER_VS);

        assertThat(codes(first)).containsExactly(GENDER + "#male");
        assertThat(codes(core)).hasSize(4);
        assertThat(codes(again))
                .as("the copy a request used is replaced by the lazy entry")
                .isEqualTo(codes(core));
    }

    private static ValueSet valueSet(String url) {
        var valueSet = new ValueSet();
        valueSet.setUrl(url);
        valueSet.setStatus(PublicationStatus.ACTIVE);
        return valueSet;
    }

    private ValueSet expand(ValueSet valueSet) {
        var request = new Parameters();
        request.addParameter().setName("valueSet").setResource(valueSet);
        return (ValueSet) post("/fhir/ValueSet/$expand", request);
    }

    private static List<String> codes(ValueSet expansion) {
        return expansion.getExpansion().getContains().stream()
                .map(c -> c.getSystem() + "#" + c.getCode())
                .toList();
    }

    private Resource get(String path) {
        var response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return (Resource) FHIR.newJsonParser().parseResource(response.getBody());
    }

    private Resource post(String path, Parameters body) {
        var headers = headers();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        var response = http.exchange(
                path,
                HttpMethod.POST,
                new HttpEntity<>(FHIR.newJsonParser().encodeResourceToString(body), headers),
                String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return (Resource) FHIR.newJsonParser().parseResource(response.getBody());
    }

    private static HttpHeaders headers() {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/fhir+json")));
        return headers;
    }
}
