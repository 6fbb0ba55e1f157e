package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Every OID that Inera's certificates and the FMB collections use resolves, in the JSON API and in FHIR. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class OidResolutionTests {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String BASE = "http://socialstyrelsen.se/fhir/CodeSystem/";

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @CsvSource({
        "1.2.752.116.1.1.1,       icd-10-se,               F321",
        "1.2.752.116.1.1.1.1.3,   icd-10-se,               F321",
        "1.2.752.116.1.1.1.3.2,   icd-10-se,               F321",
        "1.2.752.116.1.3.1.4.1,   ksh97-p,                 A02-P",
        "1.2.752.116.1.3.2.1.4,   kva,                     AAA00",
        "1.2.752.116.1.1.3,       icf,                     b110",
        "1.2.752.116.1.1.3.3.1,   icf,                     b110",
        "1.2.752.116.1.1.3.1.1,   icf,                     b110",
        "1.2.752.129.2.2.1.4,     hsa-befattning,          101010",
        "1.2.752.29.23.1.6,       hosp-legitimationsyrken, LK",
        "1.2.752.116.3.1.13,      fmb-arbetsbelastning,    BELASTNING_1",
        "1.2.752.116.3.1.14,      fmb-sjukskrivningsgrad,  1",
        "1.2.752.116.3.2.1,       fmb-kunskapsstod,        rekommendation_fmb",
        "1.2.752.116.3.2.2.2,     fmb-malgrupp,            profession",
        "1.2.752.116.3.2.2.3,     fmb-grad-av-styrning,    vagledande",
        "1.2.752.116.3.2.2.4,     fmb-basta-tillgangliga-kunskap, utan_evidensgradering",
        "1.2.752.116.3.2.3,       fmb-status,              giltig",
        "1.2.752.116.3.2.7,       fmb-sjukdomsgrupp,       psykiska",
    })
    void resolvesTheOidInTheJsonApiAndInEveryFhirOperation(String oid, String slug, String code) {
        var json = http.getForEntity("/codes/api/v1/oids/" + oid, String.class);
        assertThat(json.getStatusCode()).as(json.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.getBody()).contains("\"slug\":\"" + slug + "\"");

        var lookup = fhir("/fhir/CodeSystem/$lookup?system=urn:oid:" + oid + "&code=" + code, Parameters.class);
        assertThat(lookup.getParameterValue("code").primitiveValue()).isEqualTo(code);

        var validation = fhir("/fhir/CodeSystem/$validate-code?url=urn:oid:" + oid + "&code=" + code, Parameters.class);
        assertThat(((BooleanType) validation.getParameterValue("result")).booleanValue())
                .isTrue();

        var search = fhir("/fhir/CodeSystem?identifier=urn:oid:" + oid, Bundle.class);
        assertThat(search.getEntry()).isNotEmpty();
        assertThat(search.getEntry())
                .allSatisfy(e -> assertThat(((org.hl7.fhir.r4.model.CodeSystem) e.getResource()).getIdentifier())
                        .anySatisfy(i -> assertThat(i.getValue()).isEqualTo("urn:oid:" + oid)));
    }

    @Test
    void translatesKsh97pNamedByInerasOidToIcd10SeNamedByItsCertificateOid() {
        var result = fhir(
                "/fhir/ConceptMap/$translate?system=urn:oid:1.2.752.116.1.3.1.4.1&code=A02-P"
                        + "&targetSystem=urn:oid:1.2.752.116.1.1.1.1.3",
                Parameters.class);
        assertThat(((BooleanType) result.getParameterValue("result")).booleanValue())
                .isTrue();
    }

    @Test
    void answersSnomedCtsOidAsKnownButNotServedHere() {
        for (var oid : new String[] {"1.2.752.116.2.1.1.1", "urn:oid:1.2.752.116.2.1.1"}) {
            var answer = http.getForEntity("/codes/api/v1/oids/" + oid, String.class);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody())
                    .contains(
                            "\"title\":\"Known, not served here\"",
                            "\"name\":\"SNOMED CT\"",
                            "\"url\":\"http://snomed.info/sct\"");
        }
    }

    @Test
    void givesKsh97pTheOidOfInerasCertificatesAndNotTheOneTheyUseForIcf() {
        var ksh = http.getForEntity("/codes/api/v1/code-systems/ksh97-p", String.class);
        assertThat(ksh.getBody()).contains("\"oid\":\"1.2.752.116.1.3.1.4.1\"").doesNotContain("1.2.752.116.1.1.3.1.1");
        var icf = http.getForEntity("/codes/api/v1/oids/1.2.752.116.1.1.3.1.1", String.class);
        assertThat(icf.getBody()).contains("\"url\":\"" + BASE + "icf\"");
    }

    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T fhir(String path, Class<T> type) {
        var headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/fhir+json")));
        var response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode())
                .as(path + " -> " + response.getBody())
                .isEqualTo(HttpStatus.OK);
        return FHIR.newJsonParser().parseResource(type, response.getBody());
    }
}
