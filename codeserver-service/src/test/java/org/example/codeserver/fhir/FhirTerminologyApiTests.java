package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.TerminologyCapabilities;
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
import org.springframework.http.ResponseEntity;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class FhirTerminologyApiTests {

    private static final String ICD = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Autowired
    TestRestTemplate http;

    @Test
    void describesItselfAsAnR4TerminologyServer() {
        var statement = get("/fhir/metadata", CapabilityStatement.class, HttpStatus.OK);
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(r -> r.getType())
                .contains("CodeSystem", "ValueSet", "ConceptMap");

        var capabilities = get("/fhir/metadata?mode=terminology", TerminologyCapabilities.class, HttpStatus.OK);
        assertThat(capabilities.getExpansion().getParameter())
                .extracting(p -> p.getName())
                .contains("filter", "tx-resource");

        var xml = http.getForEntity("/fhir/metadata?_format=xml", String.class);
        assertThat(xml.getBody()).startsWith("<CapabilityStatement");
    }

    @Test
    void looksUpAnIcd10SeCodeWrittenWithADot() {
        var result = get("/fhir/CodeSystem/$lookup?system=" + ICD + "&code=F32.1", Parameters.class, HttpStatus.OK);
        assertThat(result.getParameter("display").getValue().primitiveValue()).startsWith("Medelsvår depressiv episod");
        assertThat(result.getParameter("version").getValue().primitiveValue()).isEqualTo("2022");
        assertThat(result.getParameter().stream()
                        .filter(p -> "property".equals(p.getName()))
                        .filter(p ->
                                "parent".equals(p.getPart().get(0).getValue().primitiveValue()))
                        .map(p -> p.getPart().get(1).getValue().primitiveValue()))
                .containsExactly("F32");
    }

    @Test
    void looksUpByOidWithAPostOfParametersWithoutAToken() {
        var body = new Parameters();
        body.addParameter().setName("system").setValue(new org.hl7.fhir.r4.model.UriType(ICD));
        body.addParameter().setName("code").setValue(new org.hl7.fhir.r4.model.CodeType("E11"));
        var result = post("/fhir/CodeSystem/$lookup", body, null, Parameters.class, HttpStatus.OK);
        assertThat(result.getParameter("code").getValue().primitiveValue()).isEqualTo("E11");
    }

    @Test
    void answersUnknownCodeSystemsAndCodesWithAnOperationOutcome() {
        var unknownSystem = get(
                "/fhir/CodeSystem/$lookup?system=http://example.org/nothing&code=X",
                OperationOutcome.class,
                HttpStatus.NOT_FOUND);
        assertThat(unknownSystem.getIssueFirstRep().getDetails().getText()).contains("http://example.org/nothing");

        var unknownCode = get(
                "/fhir/CodeSystem/$lookup?system=" + ICD + "&code=XYZ99", OperationOutcome.class, HttpStatus.NOT_FOUND);
        assertThat(unknownCode.getIssueFirstRep().getDetails().getText()).contains("XYZ99");

        var badCount = get(
                "/fhir/ValueSet/$expand?url=" + ICD + "?vs&count=many", OperationOutcome.class, HttpStatus.BAD_REQUEST);
        assertThat(badCount.getIssueFirstRep().getDetails().getText()).contains("count");
    }

    @Test
    void validatesCodesAgainstTheCodeSystem() {
        var good = get("/fhir/CodeSystem/$validate-code?url=" + ICD + "&code=J06.9", Parameters.class, HttpStatus.OK);
        assertThat(good.getParameterBool("result")).isTrue();

        var bad = get("/fhir/CodeSystem/$validate-code?url=" + ICD + "&code=J06.99", Parameters.class, HttpStatus.OK);
        assertThat(bad.getParameterBool("result")).isFalse();
        assertThat(bad.getParameter("message").getValue().primitiveValue()).contains("J06.99");

        // a wrong display, as HAPI FHIR's JPA server answers it: the code is valid, the display draws a warning
        var wrongDisplay = get(
                "/fhir/CodeSystem/$validate-code?url=" + ICD + "&code=E11&display=Astma",
                Parameters.class,
                HttpStatus.OK);
        assertThat(wrongDisplay.getParameterBool("result")).isTrue();
        assertThat(wrongDisplay.getParameter("message").getValue().primitiveValue())
                .startsWith("Concept Display \"Astma\" does not match expected \"");
        var issues = (org.hl7.fhir.r4.model.OperationOutcome)
                wrongDisplay.getParameter("issues").getResource();
        assertThat(issues.getIssueFirstRep().getSeverity())
                .isEqualTo(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.WARNING);
    }

    @Test
    void expandsTheImplicitValueSetWithASwedishTextFilterAndTheTrueTotal() {
        var page = get(
                "/fhir/ValueSet/$expand?url=" + ICD + "?vs&filter=diab typ 2&count=3", ValueSet.class, HttpStatus.OK);
        assertThat(page.getExpansion().getContains())
                .hasSizeLessThanOrEqualTo(3)
                .extracting(c -> c.getCode())
                .contains("E11");
        assertThat(page.getExpansion().getTotal()).isGreaterThan(3);

        var next = get(
                "/fhir/ValueSet/$expand?url=" + ICD + "?vs&filter=diab typ 2&count=3&offset=3",
                ValueSet.class,
                HttpStatus.OK);
        assertThat(next.getExpansion().getOffset()).isEqualTo(3);
        assertThat(next.getExpansion().getContains())
                .extracting(c -> c.getCode())
                .doesNotContain("E11");
    }

    @Test
    void storesAValueSetOnlyWithTheWriteScopeAndExpandsItsIsAFilter() {
        var valueSet = new ValueSet();
        valueSet.setUrl("http://example.org/fhir/ValueSet/depression");
        valueSet.setVersion("1");
        valueSet.setName("Depression");
        valueSet.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
        valueSet.getCompose()
                .addInclude()
                .setSystem(ICD)
                .addFilter()
                .setProperty("concept")
                .setOp(ValueSet.FilterOperator.ISA)
                .setValue("F32");

        post("/fhir/ValueSet", valueSet, null, OperationOutcome.class, HttpStatus.UNAUTHORIZED);
        post(
                "/fhir/ValueSet",
                valueSet,
                TestTokens.bearer("ehr-system", "codes.read"),
                OperationOutcome.class,
                HttpStatus.FORBIDDEN);
        var created = post(
                "/fhir/ValueSet",
                valueSet,
                TestTokens.bearer("terminology-admin", "codes.write"),
                ValueSet.class,
                HttpStatus.CREATED);

        var read = get("/fhir/ValueSet/" + created.getIdElement().getIdPart(), ValueSet.class, HttpStatus.OK);
        assertThat(read.getUrl()).isEqualTo(valueSet.getUrl());

        var expansion = get("/fhir/ValueSet/$expand?url=" + valueSet.getUrl(), ValueSet.class, HttpStatus.OK);
        assertThat(expansion.getExpansion().getContains())
                .extracting(c -> c.getCode())
                .contains("F32", "F321")
                .doesNotContain("F33");
        assertThat(expansion.getExpansion().getTotal())
                .isEqualTo(expansion.getExpansion().getContains().size());

        var member = get(
                "/fhir/ValueSet/$validate-code?url=" + valueSet.getUrl() + "&system=" + ICD + "&code=F32.1",
                Parameters.class,
                HttpStatus.OK);
        assertThat(member.getParameterBool("result")).isTrue();
        var outsider = get(
                "/fhir/ValueSet/$validate-code?url=" + valueSet.getUrl() + "&system=" + ICD + "&code=F33",
                Parameters.class,
                HttpStatus.OK);
        assertThat(outsider.getParameterBool("result")).isFalse();
    }

    @Test
    void testsSubsumptionInTheIcd10SeHierarchy() {
        var result = get(
                "/fhir/CodeSystem/$subsumes?system=" + ICD + "&codeA=F32&codeB=F32.1", Parameters.class, HttpStatus.OK);
        assertThat(result.getParameter("outcome").getValue().primitiveValue()).isEqualTo("subsumes");
    }

    @Test
    void translatesKsh97pToIcd10SeAndBack() {
        var there = get(
                "/fhir/ConceptMap/$translate?system=http://socialstyrelsen.se/fhir/CodeSystem/ksh97-p&code=A02-P"
                        + "&targetSystem=" + ICD,
                Parameters.class,
                HttpStatus.OK);
        assertThat(there.getParameterBool("result")).isTrue();
        assertThat(there.getParameter("match").getPart().stream()
                        .filter(p -> "concept".equals(p.getName()))
                        .map(p -> ((org.hl7.fhir.r4.model.Coding) p.getValue()).getCode()))
                .containsExactly("A02");

        var back = get(
                "/fhir/ConceptMap/$translate?system=" + ICD
                        + "&code=A02&targetSystem=http://socialstyrelsen.se/fhir/CodeSystem/ksh97-p",
                Parameters.class,
                HttpStatus.OK);
        assertThat(back.getParameterBool("result")).isTrue();

        var maps = http.getForEntity("/fhir/ConceptMap?url=" + Ksh97pIcd10SeMaps.FORWARD_URL, String.class);
        assertThat(maps.getBody()).contains("\"total\":1");
        assertThat(read(maps.getBody(), org.hl7.fhir.r4.model.Bundle.class)
                        .getEntryFirstRep()
                        .getResource())
                .isInstanceOf(ConceptMap.class);
    }

    @Test
    void readsTheModelsCodeSystemsAsFhirResources() {
        var bundle = get(
                "/fhir/CodeSystem?url=" + ICD + "&_summary=true", org.hl7.fhir.r4.model.Bundle.class, HttpStatus.OK);
        assertThat(bundle.getEntry()).hasSize(3);
        var byOid = get(
                "/fhir/CodeSystem?url=urn:oid:1.2.752.116.1.1.1&version=2022&_summary=true",
                org.hl7.fhir.r4.model.Bundle.class,
                HttpStatus.OK);
        assertThat(byOid.getEntry()).hasSize(1);
        var id = byOid.getEntryFirstRep().getResource().getIdElement().getIdPart();
        var full = get("/fhir/CodeSystem/" + id, org.hl7.fhir.r4.model.CodeSystem.class, HttpStatus.OK);
        assertThat(PartialResourceTests.all(full.getConcept()))
                .hasSize(full.getCount())
                .hasSizeGreaterThan(30_000);
    }

    /**
     * The server encodes its answers with the reference-containment pass of HAPI's parser switched off; what it sends
     * must still be exactly what HAPI's default parser writes for the same resource.
     */
    @Test
    void answersAreEncodedAsHapisDefaultParserEncodesThem() {
        var paths = java.util.List.of(
                "/fhir/CodeSystem/$lookup?system=" + ICD + "&code=F32.1",
                "/fhir/CodeSystem/$lookup?system=" + ICD + "&code=F32",
                "/fhir/CodeSystem/icd-10-se-2021/$lookup?code=I828A",
                "/fhir/CodeSystem/$lookup?system=" + ICD + "&code=XYZ99",
                "/fhir/CodeSystem/$validate-code?url=" + ICD + "&code=E11",
                "/fhir/CodeSystem/$validate-code?url=" + ICD + "&code=E11Q",
                "/fhir/CodeSystem/$validate-code?url=" + ICD + "&code=E11&display=Astma",
                "/fhir/ValueSet/$validate-code?url=" + ICD + "?vs&system=" + ICD + "&code=F321Q",
                "/fhir/ValueSet/$expand?url=" + ICD + "?vs&filter=diab typ 2&count=3",
                "/fhir/ConceptMap/ksh97-p-to-icd-10-se");
        for (var path : paths) {
            var body = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(null)), String.class)
                    .getBody();
            var parser = FHIR.newJsonParser();
            assertThat(body).as(path).isEqualTo(parser.encodeResourceToString(parser.parseResource(body)));
        }
        var pretty = http.exchange(
                paths.get(0) + "&_pretty=true", HttpMethod.GET, new HttpEntity<>(headers(null)), String.class);
        assertThat(pretty.getBody())
                .isEqualTo(FHIR.newJsonParser()
                        .setPrettyPrint(true)
                        .encodeResourceToString(read(pretty.getBody(), Parameters.class)));
        var xml = http.exchange(
                paths.get(0) + "&_format=xml", HttpMethod.GET, new HttpEntity<>(headers(null)), String.class);
        assertThat(xml.getBody()).startsWith("<Parameters");
    }

    @Test
    void answersWithTheRequestIdOfTheLogs() {
        var headers = headers(null);
        headers.set("X-Request-Id", "fhir-test-42");
        var response = http.exchange(
                "/fhir/CodeSystem/$lookup?system=" + ICD + "&code=E11",
                HttpMethod.GET,
                new HttpEntity<>(headers),
                String.class);
        assertThat(response.getHeaders().get("X-Request-Id")).containsExactly("fhir-test-42");
    }

    private <T extends IBaseResource> T get(String path, Class<T> type, HttpStatus status) {
        var response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(null)), String.class);
        return check(response, type, status);
    }

    private <T extends IBaseResource> T post(
            String path, IBaseResource body, String token, Class<T> type, HttpStatus status) {
        var headers = headers(token);
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        var response = http.exchange(
                path,
                HttpMethod.POST,
                new HttpEntity<>(FHIR.newJsonParser().encodeResourceToString(body), headers),
                String.class);
        return check(response, type, status);
    }

    private static HttpHeaders headers(String token) {
        var headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/fhir+json")));
        if (token != null) {
            headers.set(HttpHeaders.AUTHORIZATION, token);
        }
        return headers;
    }

    private static <T extends IBaseResource> T check(
            ResponseEntity<String> response, Class<T> type, HttpStatus status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            return null;
        }
        assertThat(response.getHeaders().getContentType().toString()).contains("fhir+json");
        return read(response.getBody(), type);
    }

    private static <T extends IBaseResource> T read(String body, Class<T> type) {
        return FHIR.newJsonParser().parseResource(type, body);
    }
}
