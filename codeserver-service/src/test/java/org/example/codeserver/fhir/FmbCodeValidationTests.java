package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Every coded value of FMB's content ({@code kodsystem}, {@code kod}) is validated by the code server like any other. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class FmbCodeValidationTests {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String SNOMED_CT = "1.2.752.116.2.1.1";

    @Autowired
    TestRestTemplate http;

    @Test
    void validatesEveryCodeOfTheFmbCollectionsExceptSnomedCt() throws IOException {
        var codes = codes();
        assertThat(codes).hasSizeGreaterThan(50);
        var systems =
                codes.stream().map(c -> c.path("kodsystem").asText()).distinct().toList();
        assertThat(systems).contains("1.2.752.116.3.1.13", "1.2.752.116.3.2.2.2", "1.2.752.116.3.2.7");

        for (var coded : codes) {
            var system = coded.path("kodsystem").asText();
            var code = coded.path("kod").asText();
            var result = validate(system, code);
            if (SNOMED_CT.equals(system)) {
                assertThat(result.getParameterValue("message").primitiveValue()).contains("SNOMED CT");
                assertThat(((BooleanType) result.getParameterValue("result")).booleanValue())
                        .isFalse();
            } else {
                assertThat(((BooleanType) result.getParameterValue("result")).booleanValue())
                        .as(system + "#" + code)
                        .isTrue();
                if (system.startsWith("1.2.752.116.3.")) {
                    assertThat(result.getParameterValue("display").primitiveValue())
                            .as(system + "#" + code)
                            .isEqualTo(coded.path("beskrivning").asText());
                }
            }
        }
    }

    private Parameters validate(String oid, String code) {
        var body = new Parameters();
        body.addParameter().setName("url").setValue(new UriType("urn:oid:" + oid));
        body.addParameter().setName("code").setValue(new CodeType(code));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        headers.setAccept(List.of(MediaType.parseMediaType("application/fhir+json")));
        var response = http.exchange(
                "/fhir/CodeSystem/$validate-code",
                HttpMethod.POST,
                new HttpEntity<>(FHIR.newJsonParser().encodeResourceToString(body), headers),
                String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return FHIR.newJsonParser().parseResource(Parameters.class, response.getBody());
    }

    private static List<JsonNode> codes() throws IOException {
        var found = new ArrayList<JsonNode>();
        for (var file : List.of(
                "fmb/fmb-forsakringsmedicinskdiagnosinformation.excerpt.json", "fmb/fmb-typfall.excerpt.json")) {
            collect(new ObjectMapper().readTree(new ClassPathResource(file).getInputStream()), found);
        }
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.has("kodsystem") && node.has("kod")) {
            into.add(node);
        }
        node.forEach(child -> collect(child, into));
    }
}
